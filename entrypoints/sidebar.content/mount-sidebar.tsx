import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { createRoot } from 'react-dom/client';
import badgesAndManagerCss from '../../components/sidebar/badges-and-manager.css?inline';
import sidebarCss from '../../components/sidebar/sidebar.css?inline';
import { browser } from 'wxt/browser';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { SidebarStoreContext } from '../../components/sidebar/sidebar-context';
import { createSidebarStore, type SidebarStore } from '../../components/sidebar/sidebar-store';
import { followDealOnPage } from '../../components/sidebar/follow-deal';
import { SIDEBAR_HOST_TAG } from '../../lib/crm/page-fallbacks';
import { MessageType } from '../../lib/messaging/protocol-names';
import { getReadingContext, getSidebarStart, messageBackend, setSidebarCollapsed } from './message-backend';

/** Mounts the sidebar in a shadow root and keeps it on the deal the page shows. */
export async function mountSidebar(ctx: ContentScriptContext): Promise<void> {
  // The first render needs both answers: both are asked at once. storage.local is the background's alone.
  const firstReadingContext = getReadingContext().catch(() => null);
  const start = await getSidebarStart().catch(() => null);
  const store = createSidebarStore(messageBackend, {
    collapsed: start?.ok === true && start.value.collapsed,
    definitionsPreview: start?.ok ? start.value.definitionsPreview : null,
  });

  const ui = await createShadowRootUi(ctx, {
    name: SIDEBAR_HOST_TAG,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    // Closed, so page scripts cannot reach the sidebar's DOM. Only builds made for the e2e tests open it
    // (WXT_SIDEBAR_SHADOW_MODE=open), because Playwright's locators pierce open shadow roots only.
    mode: import.meta.env.WXT_SIDEBAR_SHADOW_MODE === 'open' ? 'open' : 'closed',
    isolateEvents: true,
    // WXT's own `ui` mode rewrites `:root` to `:host` in the fetched stylesheet; the inlined one needs the same.
    css: (sidebarCss + badgesAndManagerCss).replaceAll(':root', ':host'),
    onMount(container) {
      // WXT resets the host with `all: initial`; our own wrapper carries the styles.
      const wrapper = document.createElement('div');
      wrapper.className = 'ys-root';
      container.append(wrapper);
      const root = createRoot(wrapper);
      root.render(
        <SidebarStoreContext.Provider value={store}>
          <SidebarApp />
        </SidebarStoreContext.Provider>,
      );
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();

  const dealOnPage = await followDealOnPage({
    doc: document,
    currentUrl: () => location.href,
    signal: ctx.signal,
    onLocationChange: (listener) =>
      ctx.addEventListener(window, 'wxt:locationchange', (event) => listener(event.newUrl.href)),
    firstReadingContext,
    getReadingContext: () => getReadingContext().catch(() => null),
    shownPage: () => store.getState().page,
    showPage: (state, crm, url) => store.getState().showPage(state, crm, url),
  });
  followBackgroundChanges(ctx, store, dealOnPage.refreshReadingContext);
}

function followBackgroundChanges(
  ctx: ContentScriptContext,
  store: SidebarStore,
  refreshReadingContext: () => Promise<void>,
): void {
  // Only the background sends to a tab (tabs.sendMessage); a page script cannot reach this listener.
  const onMessage = (message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === MessageType.toggleSidebar) {
      const { collapsed, setCollapsed } = store.getState();
      setCollapsed(!collapsed);
    } else if (type === MessageType.stateChanged) {
      void refreshReadingContext();
      void store.getState().reload();
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.collapsed !== previous.collapsed)
      void setSidebarCollapsed(state.collapsed).catch(() => undefined);
  });
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    unsubscribe();
  });
}
