import type { WxtBrowser } from 'wxt/browser';
import { focusFirstCriterion } from '../../components/sidebar-dock/focus-first-criterion';
import type { SidebarStore } from '../../components/sidebar/sidebar-store';
import { DOCK_PORT_NAME, DockToFrameSchema, type FrameToDock } from '../../lib/messaging/dock-protocol';

/** The frame's end of the port to its dock. */
export interface DockConnection {
  /** Tells the dock how much room the sidebar takes. */
  tellLayout(layout: { collapsed: boolean; width: number }): void;
}

/**
 * Opens the port to the dock in the top frame of the tab this frame is docked in, and drives the store
 * with what the dock sends: the page's reading, focus, close, toggle, and changed definitions.
 */
export function connectToDock(
  api: WxtBrowser,
  tabId: number,
  dockId: string,
  store: SidebarStore,
): DockConnection {
  const port = api.tabs.connect(tabId, { name: DOCK_PORT_NAME, frameId: 0 });
  let connected = true;
  port.onDisconnect.addListener(() => (connected = false));
  const post = (message: FrameToDock) => {
    if (connected) port.postMessage(message);
  };
  post({ type: 'frame→dock:hello', dockId });
  port.onMessage.addListener((raw: unknown) => {
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
  });
  return { tellLayout: (layout) => post({ type: 'frame→dock:layout', ...layout }) };
}
