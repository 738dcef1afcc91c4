import '../../lib/zod-jitless';
import '../../components/sidebar/sidebar.css';
import '../../components/sidebar/badges-and-manager.css';
import './sidebar-frame.css';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { SidebarFrame } from '../../components/sidebar-dock/SidebarFrame';
import { SidebarStoreContext } from '../../components/sidebar/sidebar-context';
import { createSidebarStore } from '../../components/sidebar/sidebar-store';
import { SIDEBAR_WIDTH } from '../../lib/messaging/dock-protocol';
import {
  getSidebarStart,
  messageBackend,
  setSidebarCollapsed,
  setSidebarWidth,
} from '../shared/sidebar-requests';
import { connectToDock } from './connect-to-dock';

/** The sidebar's UI, in the extension's origin, framed in the CRM tab by the dock. */
async function main(): Promise<void> {
  const start = await getSidebarStart().catch(() => null);
  const store = createSidebarStore(messageBackend, {
    collapsed: start?.ok === true && start.value.collapsed,
    definitionsPreview: start?.ok ? start.value.definitionsPreview : null,
  });
  let width = start?.ok ? start.value.width : SIDEBAR_WIDTH.default;
  // The fragment names the dock that made this frame; outside a CRM tab the background refuses the port.
  const dock = connectToDock(browser, location.hash.slice(1), store);
  const tellLayout = () => dock.tellLayout({ collapsed: store.getState().collapsed, width });
  store.subscribe((state, previous) => {
    if (state.collapsed === previous.collapsed) return;
    tellLayout();
    void setSidebarCollapsed(state.collapsed).catch(() => undefined);
  });
  tellLayout();

  createRoot(document.getElementById('root')!).render(
    <SidebarStoreContext.Provider value={store}>
      <SidebarFrame
        initialWidth={width}
        onResize={(next) => {
          width = next;
          tellLayout();
        }}
        onResizeEnd={(next) => void setSidebarWidth(next).catch(() => undefined)}
      />
    </SidebarStoreContext.Provider>,
  );
}

void main();
