import { SIDEBAR_FRAME_PATH } from './dock-port';
import { DockToFrameSchema, FrameToDockSchema } from './dock-protocol';
import { classifySender, type ExtensionIdentity, type SenderFacts } from './trusted-sender';

/**
 * The name of the port the sidebar frame opens to the background with `runtime.connect`. Firefox gives
 * an extension page framed in a web page no `tabs` API, so the frame cannot reach its dock directly;
 * the background, which knows the frame's tab from the port's sender, opens the dock's end and relays.
 */
export const SIDEBAR_FRAME_PORT_NAME = 'yardstick:sidebar-frame';

/** The parts of a `runtime.Port` the relay uses. */
export interface RelayPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: {
    addListener(listener: (message: unknown) => void): void;
    removeListener(listener: (message: unknown) => void): void;
  };
  onDisconnect: { addListener(listener: () => void): void };
}

/** The sender of a port opened to the background, as the browser reports it. */
export interface RelaySender extends SenderFacts {
  tab?: { id?: number; url?: string };
}

/** Whether a frame's port may be relayed, and to which tab's dock. */
export type FramePortDecision = { ok: true; tabId: number } | { ok: false; reason: string };

/**
 * Accepts a port only from our sidebar frame docked in a web page's tab, and names that tab from the
 * browser's sender facts, never from anything the frame says. Our pages in their own tab, content
 * scripts (ours in any frame of the page) and other extensions are refused.
 */
export function decideFramePort(sender: RelaySender | undefined, self: ExtensionIdentity): FramePortDecision {
  if (!sender) return { ok: false, reason: 'the port has no sender' };
  const kind = classifySender(sender, self);
  if (kind !== 'docked-page') {
    return {
      ok: false,
      reason: `the sender is ${kind ?? 'not this extension'}, not our page docked in a tab`,
    };
  }
  if (pathOf(sender.url) !== SIDEBAR_FRAME_PATH) {
    return { ok: false, reason: 'the sender is our page docked in a tab, but not the sidebar frame' };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || !Number.isInteger(tabId) || tabId < 0) {
    return { ok: false, reason: 'the sender names no tab' };
  }
  return { ok: true, tabId };
}

/**
 * Relays between an accepted frame's port and the dock's port in the same tab: each side's messages are
 * parsed with its schema and passed on, anything else is dropped; when either side goes, the other is
 * disconnected and every listener the relay added is removed.
 */
export function relayFrameAndDock(framePort: RelayPort, dockPort: RelayPort): void {
  let open = true;
  const fromFrame = (raw: unknown) => {
    const parsed = FrameToDockSchema.safeParse(raw);
    if (parsed.success) postOrClose(dockPort, parsed.data);
  };
  const fromDock = (raw: unknown) => {
    const parsed = DockToFrameSchema.safeParse(raw);
    if (parsed.success) postOrClose(framePort, parsed.data);
  };
  const close = () => {
    if (!open) return;
    open = false;
    framePort.onMessage.removeListener(fromFrame);
    dockPort.onMessage.removeListener(fromDock);
    framePort.disconnect();
    dockPort.disconnect();
  };
  const postOrClose = (port: RelayPort, message: unknown) => {
    try {
      port.postMessage(message);
    } catch {
      // A port whose other end has gone throws before its disconnect event arrives.
      close();
    }
  };
  framePort.onMessage.addListener(fromFrame);
  dockPort.onMessage.addListener(fromDock);
  framePort.onDisconnect.addListener(close);
  dockPort.onDisconnect.addListener(close);
}

/**
 * The background's answer to a port named for the sidebar frame: refused ports are disconnected at once;
 * an accepted one is relayed to the dock that `openDockPort` reaches in the frame's tab.
 */
export function acceptFramePort(
  framePort: RelayPort & { sender?: RelaySender },
  self: ExtensionIdentity,
  openDockPort: (tabId: number) => RelayPort,
): FramePortDecision {
  const decision = decideFramePort(framePort.sender, self);
  if (!decision.ok) {
    framePort.disconnect();
    return decision;
  }
  relayFrameAndDock(framePort, openDockPort(decision.tabId));
  return decision;
}

function pathOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    return new URL(url).pathname;
  } catch {
    return undefined;
  }
}
