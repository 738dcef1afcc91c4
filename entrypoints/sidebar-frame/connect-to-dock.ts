import type { Browser, WxtBrowser } from 'wxt/browser';
import { focusFirstCriterion } from '../../components/sidebar-dock/focus-first-criterion';
import type { SidebarStore } from '../../components/sidebar/sidebar-store';
import { DockToFrameSchema, type FrameToDock } from '../../lib/messaging/dock-protocol';
import { SIDEBAR_FRAME_PORT_NAME } from '../../lib/messaging/dock-relay';

/** How many times in a row the frame opens a new port that then closes before anything arrives on it. */
const RECONNECTS_WITHOUT_ANSWER = 3;

/** The frame's end of the relayed port to its dock. */
export interface DockConnection {
  /** Tells the dock how much room the sidebar takes. */
  tellLayout(layout: { collapsed: boolean; width: number }): void;
}

/**
 * Opens the port to the dock of the tab this frame is docked in, relayed by the background (the one
 * path for Chrome and Firefox, where a framed extension page has no `tabs` API), and drives the store
 * with what the dock sends: the page's reading, focus, close, toggle, and changed definitions.
 */
export function connectToDock(
  api: Pick<WxtBrowser, 'runtime'>,
  dockId: string,
  store: SidebarStore,
): DockConnection {
  let port: Browser.runtime.Port | null = null;
  let layout: FrameToDock | null = null;
  let reconnectsLeft = RECONNECTS_WITHOUT_ANSWER;

  const open = () => {
    const opened = api.runtime.connect({ name: SIDEBAR_FRAME_PORT_NAME });
    port = opened;
    opened.onMessage.addListener((raw: unknown) => {
      reconnectsLeft = RECONNECTS_WITHOUT_ANSWER;
      handleDockMessage(raw, store);
    });
    opened.onDisconnect.addListener(() => {
      if (port !== opened) return;
      port = null;
      // An idle background is stopped and its relays close with it; a refused port closes at once.
      // Reopen for the first, but stop when ports keep closing unanswered or the extension is gone.
      if (api.runtime.id === undefined || reconnectsLeft === 0) return;
      reconnectsLeft -= 1;
      open();
    });
    // The fragment names the dock that made this frame: the dock answers only its own frame.
    opened.postMessage({ type: 'frame→dock:hello', dockId } satisfies FrameToDock);
    if (layout) opened.postMessage(layout);
  };
  open();

  return {
    tellLayout(next) {
      layout = { type: 'frame→dock:layout', ...next };
      try {
        port?.postMessage(layout);
      } catch {
        // The port closed before its disconnect arrived; the reopened port sends the layout first.
      }
    },
  };
}

function handleDockMessage(raw: unknown, store: SidebarStore): void {
  const parsed = DockToFrameSchema.safeParse(raw);
  if (!parsed.success) return;
  const message = parsed.data;
  const state = store.getState();
  switch (message.type) {
    case 'dock→frame:page':
      state.showPage(message.state, message.crm, message.url);
      break;
    case 'dock→frame:focus':
      state.setCollapsed(false);
      focusFirstCriterion(document);
      break;
    case 'dock→frame:close':
      state.setCollapsed(true);
      break;
    case 'dock→frame:toggle':
      state.setCollapsed(!state.collapsed);
      break;
    case 'dock→frame:stateChanged':
      void state.reload();
      break;
  }
}
