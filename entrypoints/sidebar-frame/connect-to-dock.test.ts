import type { WxtBrowser } from 'wxt/browser';
import { createStore } from 'zustand/vanilla';
import type { SidebarStore } from '../../components/sidebar/sidebar-store';
import { SIDEBAR_FRAME_PORT_NAME } from '../../lib/messaging/dock-relay';
import { connectToDock } from './connect-to-dock';

const DOCK_ID = '5084e904-ec9b-4628-baf2-00b039ac9626';
const CRM_URL = 'https://acme.lightning.force.com/lightning/r/Opportunity/006Ak00002GLBXaIAP/view';

/** One port the frame opened: what it posted, and hooks to play the background's end. */
interface OpenedPort {
  name: string | undefined;
  posted: unknown[];
  answer(message: unknown): void;
  drop(): void;
}

/** A `runtime` whose `connect` records each port; `id` undefined plays a removed extension. */
function fakeRuntime() {
  const ports: OpenedPort[] = [];
  const runtime = {
    id: 'yardstick' as string | undefined,
    connect(info: { name?: string }) {
      const messageListeners: ((message: unknown) => void)[] = [];
      const disconnectListeners: (() => void)[] = [];
      const opened: OpenedPort = {
        name: info.name,
        posted: [],
        answer: (message) => messageListeners.forEach((listener) => listener(message)),
        drop: () => disconnectListeners.forEach((listener) => listener()),
      };
      ports.push(opened);
      return {
        postMessage: (message: unknown) => opened.posted.push(message),
        onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
        onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
      };
    },
  };
  return { runtime, ports, api: { runtime } as unknown as Pick<WxtBrowser, 'runtime'> };
}

function fakeStore() {
  const showPage = vi.fn();
  const store = createStore(() => ({ showPage, collapsed: false, setCollapsed: vi.fn(), reload: vi.fn() }));
  return { store: store as unknown as SidebarStore, showPage };
}

const reading = { type: 'dock→frame:page', state: { status: 'not-a-deal' }, crm: null, url: CRM_URL };

describe('connectToDock', () => {
  it('connects to the background’s relay and names its dock first', () => {
    const { ports, api } = fakeRuntime();
    connectToDock(api, DOCK_ID, fakeStore().store);
    expect(ports).toHaveLength(1);
    expect(ports[0]!.name).toBe(SIDEBAR_FRAME_PORT_NAME);
    expect(ports[0]!.posted).toEqual([{ type: 'frame→dock:hello', dockId: DOCK_ID }]);
  });

  it('shows the page the dock reads, and ignores what does not parse', () => {
    const { ports, api } = fakeRuntime();
    const { store, showPage } = fakeStore();
    connectToDock(api, DOCK_ID, store);
    ports[0]!.answer({ type: 'dock→frame:page', state: { status: 'ready' }, crm: null, url: CRM_URL });
    ports[0]!.answer(reading);
    expect(showPage).toHaveBeenCalledExactlyOnceWith({ status: 'not-a-deal' }, null, CRM_URL);
  });

  it('when an idle background drops the relay, opens a new port with its hello and the last layout', () => {
    const { ports, api } = fakeRuntime();
    const dock = connectToDock(api, DOCK_ID, fakeStore().store);
    dock.tellLayout({ collapsed: false, width: 320 });
    ports[0]!.drop();
    expect(ports).toHaveLength(2);
    expect(ports[1]!.posted).toEqual([
      { type: 'frame→dock:hello', dockId: DOCK_ID },
      { type: 'frame→dock:layout', collapsed: false, width: 320 },
    ]);
    dock.tellLayout({ collapsed: true, width: 320 });
    expect(ports[0]!.posted).toHaveLength(2);
    expect(ports[1]!.posted).toHaveLength(3);
  });

  it('stops reopening when ports keep closing unanswered (refused), and an answer resets the count', () => {
    const { ports, api } = fakeRuntime();
    connectToDock(api, DOCK_ID, fakeStore().store);
    ports[0]!.answer(reading);
    for (let index = 0; index < 10; index += 1) ports.at(-1)!.drop();
    expect(ports).toHaveLength(4);
  });

  it('does not reopen once the extension is gone', () => {
    const { runtime, ports, api } = fakeRuntime();
    connectToDock(api, DOCK_ID, fakeStore().store);
    runtime.id = undefined;
    ports[0]!.drop();
    expect(ports).toHaveLength(1);
  });
});
