import {
  acceptFramePort,
  decideFramePort,
  relayFrameAndDock,
  type RelayPort,
  type RelaySender,
} from './dock-relay';

const self = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};
const CRM_URL = 'https://acme.lightning.force.com/lightning/r/Opportunity/006Ak00002GLBXaIAP/view';
const DOCK_ID = '5084e904-ec9b-4628-baf2-00b039ac9626';

/** What the browser reports for the sidebar frame docked in tab 12 (Firefox's shape: a large frameId). */
const framedSidebar: RelaySender = {
  id: self.id,
  url: `${self.origin}/sidebar-frame.html#${DOCK_ID}`,
  origin: self.origin,
  frameId: 12884901889,
  tab: { id: 12, url: CRM_URL },
};

/** A port that records what is posted to it and lets the test play its other end. */
class FakePort implements RelayPort {
  readonly posted: unknown[] = [];
  disconnected = false;
  postThrows = false;
  private readonly messageListeners = new Set<(message: unknown) => void>();
  private readonly disconnectListeners = new Set<() => void>();
  constructor(readonly sender?: RelaySender) {}
  postMessage(message: unknown) {
    if (this.postThrows) throw new Error('Attempting to use a disconnected port object');
    this.posted.push(message);
  }
  disconnect() {
    this.disconnected = true;
  }
  onMessage = {
    addListener: (listener: (message: unknown) => void) => void this.messageListeners.add(listener),
    removeListener: (listener: (message: unknown) => void) => void this.messageListeners.delete(listener),
  };
  onDisconnect = { addListener: (listener: () => void) => void this.disconnectListeners.add(listener) };
  /** The other end sends `message`. */
  receive(message: unknown) {
    for (const listener of this.messageListeners) listener(message);
  }
  /** The other end goes away (the browser does not call our disconnect then). */
  drop() {
    for (const listener of this.disconnectListeners) listener();
  }
  get listening() {
    return this.messageListeners.size;
  }
}

describe('decideFramePort', () => {
  it('accepts the sidebar frame docked in a tab and names the tab the browser reports', () => {
    expect(decideFramePort(framedSidebar, self)).toEqual({ ok: true, tabId: 12 });
  });

  it('accepts Chromium’s shape of the same sender (small frameId)', () => {
    expect(decideFramePort({ ...framedSidebar, frameId: 3 }, self)).toEqual({ ok: true, tabId: 12 });
  });

  it('refuses our content script, in the top frame or in one of the page’s own frames', () => {
    for (const frameId of [0, 4]) {
      const contentScript = {
        id: self.id,
        url: CRM_URL,
        origin: 'https://acme.lightning.force.com',
        frameId,
        tab: { id: 12, url: CRM_URL },
      };
      expect(decideFramePort(contentScript, self)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/content-script/),
      });
    }
  });

  it('refuses another extension’s page docked in the same tab', () => {
    const other = 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';
    const sender = {
      ...framedSidebar,
      id: other,
      url: `chrome-extension://${other}/sidebar-frame.html`,
      origin: `chrome-extension://${other}`,
    };
    expect(decideFramePort(sender, self)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not this extension/),
    });
  });

  it('refuses a web page, which has no extension id', () => {
    const page = {
      url: CRM_URL,
      origin: 'https://acme.lightning.force.com',
      frameId: 0,
      tab: { id: 12, url: CRM_URL },
    };
    expect(decideFramePort(page, self).ok).toBe(false);
  });

  it('refuses our sidebar page opened in its own tab, where there is no dock', () => {
    const ownTab = { ...framedSidebar, frameId: 0, tab: { id: 9, url: `${self.origin}/sidebar-frame.html` } };
    expect(decideFramePort(ownTab, self)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/extension-page/),
    });
  });

  it('refuses another of our pages docked in a tab', () => {
    const options = { ...framedSidebar, url: `${self.origin}/options.html` };
    expect(decideFramePort(options, self)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not the sidebar frame/),
    });
  });

  it('refuses a port without a sender or without a tab id', () => {
    expect(decideFramePort(undefined, self).ok).toBe(false);
    expect(decideFramePort({ ...framedSidebar, tab: { url: CRM_URL } }, self)).toMatchObject({
      ok: false,
      reason: 'the sender names no tab',
    });
  });
});

describe('acceptFramePort', () => {
  it('opens the dock’s port in the tab from the sender, not from what the frame says', () => {
    const frame = new FakePort(framedSidebar);
    const openDockPort = vi.fn(() => new FakePort());
    expect(acceptFramePort(frame, self, openDockPort)).toEqual({ ok: true, tabId: 12 });
    expect(openDockPort).toHaveBeenCalledExactlyOnceWith(12);
    expect(frame.disconnected).toBe(false);
  });

  it('disconnects a refused port at once and opens nothing', () => {
    const frame = new FakePort({
      ...framedSidebar,
      frameId: 0,
      tab: { id: 9, url: `${self.origin}/sidebar-frame.html` },
    });
    const openDockPort = vi.fn(() => new FakePort());
    expect(acceptFramePort(frame, self, openDockPort).ok).toBe(false);
    expect(frame.disconnected).toBe(true);
    expect(frame.listening).toBe(0);
    expect(openDockPort).not.toHaveBeenCalled();
  });
});

describe('relayFrameAndDock', () => {
  function relay() {
    const frame = new FakePort(framedSidebar);
    const dock = new FakePort();
    relayFrameAndDock(frame, dock);
    return { frame, dock };
  }

  it('passes the frame’s hello and layout to the dock, and the dock’s reading and commands to the frame', () => {
    const { frame, dock } = relay();
    frame.receive({ type: 'frame→dock:hello', dockId: DOCK_ID });
    frame.receive({ type: 'frame→dock:layout', collapsed: false, width: 300 });
    dock.receive({ type: 'dock→frame:page', state: { status: 'not-a-deal' }, crm: null, url: CRM_URL });
    dock.receive({ type: 'dock→frame:focus' });
    expect(dock.posted).toEqual([
      { type: 'frame→dock:hello', dockId: DOCK_ID },
      { type: 'frame→dock:layout', collapsed: false, width: 300 },
    ]);
    expect(frame.posted).toEqual([
      { type: 'dock→frame:page', state: { status: 'not-a-deal' }, crm: null, url: CRM_URL },
      { type: 'dock→frame:focus' },
    ]);
  });

  it('drops what does not parse, and messages sent the wrong way', () => {
    const { frame, dock } = relay();
    frame.receive({ type: 'frame→dock:layout', collapsed: false, width: 5000 });
    frame.receive({ type: 'dock→frame:focus' });
    frame.receive('hello');
    dock.receive({ type: 'frame→dock:hello', dockId: DOCK_ID });
    dock.receive({ type: 'dock→frame:page', state: { status: 'ready' }, crm: null, url: CRM_URL });
    expect(dock.posted).toEqual([]);
    expect(frame.posted).toEqual([]);
  });

  it('when the frame goes, disconnects the dock’s port and stops listening', () => {
    const { frame, dock } = relay();
    frame.drop();
    expect(dock.disconnected).toBe(true);
    expect(frame.listening + dock.listening).toBe(0);
  });

  it('when the dock goes (the page navigated away), disconnects the frame’s port', () => {
    const { frame, dock } = relay();
    dock.drop();
    expect(frame.disconnected).toBe(true);
    expect(frame.listening + dock.listening).toBe(0);
  });

  it('closes both sides when posting to a side that has already gone throws', () => {
    const { frame, dock } = relay();
    dock.postThrows = true;
    frame.receive({ type: 'frame→dock:hello', dockId: DOCK_ID });
    expect(frame.disconnected).toBe(true);
    expect(dock.disconnected).toBe(true);
  });
});
