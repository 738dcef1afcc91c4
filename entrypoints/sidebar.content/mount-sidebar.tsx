import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { SidebarStoreContext } from '../../components/sidebar/sidebar-context';
import { createSidebarStore, type SidebarStore } from '../../components/sidebar/sidebar-store';
import { findActiveRecordView } from '../../lib/crm/salesforce-lightning';
import { watchActiveDeal } from '../../lib/crm/watch-active-deal';
import { MessageType } from '../../lib/messaging/protocol-names';
import { messageBackend } from './message-backend';

const COLLAPSED_KEY = 'sidebarCollapsed';
const STATE_REVISION_KEY = 'stateRevision';

/** Mounts the sidebar in a shadow root and keeps it on the deal the page shows. */
export async function mountSidebar(ctx: ContentScriptContext): Promise<void> {
  const stored = await browser.storage.local.get(COLLAPSED_KEY);
  const store = createSidebarStore(messageBackend, { collapsed: stored[COLLAPSED_KEY] === true });

  const ui = await createShadowRootUi(ctx, {
    name: 'yardstick-sidebar',
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: true,
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

  followDealOnPage(ctx, store);
  followBackgroundChanges(ctx, store);
}

function followDealOnPage(ctx: ContentScriptContext, store: SidebarStore): void {
  let navigation = new AbortController();
  const watch = (url: string) => {
    navigation.abort();
    navigation = new AbortController();
    const page = store.getState().page;
    const element = findActiveRecordView(document);
    const previousView =
      element && page.status === 'ready'
        ? { element, name: page.snapshot.name.text, dealKey: page.snapshot.dealKey }
        : null;
    watchActiveDeal(document, url, { signal: navigation.signal, previousView }, (state) =>
      store.getState().showPage(state),
    );
  };
  ctx.onInvalidated(() => navigation.abort());
  ctx.addEventListener(window, 'wxt:locationchange', (event) => watch(event.newUrl.href));
  watch(location.href);
}

function followBackgroundChanges(ctx: ContentScriptContext, store: SidebarStore): void {
  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== MessageType.toggleSidebar) return;
    const { collapsed, setCollapsed } = store.getState();
    setCollapsed(!collapsed);
  };
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && STATE_REVISION_KEY in changes) void store.getState().reload();
  };
  browser.runtime.onMessage.addListener(onMessage);
  browser.storage.onChanged.addListener(onStorage);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.collapsed !== previous.collapsed)
      void browser.storage.local.set({ [COLLAPSED_KEY]: state.collapsed });
  });
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.storage.onChanged.removeListener(onStorage);
    unsubscribe();
  });
}
