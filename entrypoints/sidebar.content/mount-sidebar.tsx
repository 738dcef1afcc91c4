import { createShadowRootUi, type ContentScriptContext } from '#imports';
import { createRoot } from 'react-dom/client';
import sidebarCss from '../../components/sidebar/sidebar.css?inline';
import { browser } from 'wxt/browser';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import { SidebarStoreContext } from '../../components/sidebar/sidebar-context';
import { createSidebarStore, type SidebarStore } from '../../components/sidebar/sidebar-store';
import { adapterFor } from '../../lib/crm/adapter-registry';
import { SIDEBAR_HOST_TAG } from '../../lib/crm/page-fallbacks';
import { previousViewOf, watchActiveDeal } from '../../lib/crm/watch-active-deal';
import type { MessageType as Types, ReadingContext, Response } from '../../lib/messaging/protocol';
import { readDefinitionsPreview } from '../../lib/definitions/definitions-preview';
import { DEFINITIONS_PREVIEW_KEY, MessageType, STATE_REVISION_KEY } from '../../lib/messaging/protocol-names';
import { getReadingContext, messageBackend } from './message-backend';

const COLLAPSED_KEY = 'sidebarCollapsed';

type ReadingContextResponse = Response<typeof Types.getReadingContext>;

/** How long the first reading waits for the background before it reads the page without its context. */
const READING_CONTEXT_WAIT_MS = 3_000;

/** Mounts the sidebar in a shadow root and keeps it on the deal the page shows. */
export async function mountSidebar(ctx: ContentScriptContext): Promise<void> {
  // The first render needs both answers: ask the background while storage is read.
  const firstReadingContext = getReadingContext().catch(() => null);
  const stored = await browser.storage.local.get([COLLAPSED_KEY, DEFINITIONS_PREVIEW_KEY]);
  const store = createSidebarStore(messageBackend, {
    collapsed: stored[COLLAPSED_KEY] === true,
    definitionsPreview: readDefinitionsPreview(stored[DEFINITIONS_PREVIEW_KEY]),
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
    css: sidebarCss.replaceAll(':root', ':host'),
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

  const dealOnPage = await followDealOnPage(ctx, store, firstReadingContext);
  followBackgroundChanges(ctx, store, dealOnPage.refreshReadingContext);
}

/** Watches the deal the page shows, with every CRM's adapter; re-watches after each navigation. */
async function followDealOnPage(
  ctx: ContentScriptContext,
  store: SidebarStore,
  firstReadingContext: Promise<ReadingContextResponse | null>,
): Promise<{ refreshReadingContext(): Promise<void> }> {
  let context: ReadingContext = { captureFields: [], customCrms: [] };
  let navigation = new AbortController();
  let watchedUrl = location.href;
  const watch = (url: string) => {
    navigation.abort();
    navigation = new AbortController();
    watchedUrl = url;
    const { customCrms, captureFields } = context;
    // The view that showed the deal before the URL changed: a reading from it is not trusted until it changes.
    const previousView = previousViewOf(document, store.getState().page, customCrms);
    const crm = adapterFor(url, customCrms)?.crm ?? null;
    watchActiveDeal(
      document,
      url,
      { signal: navigation.signal, previousView, captureFields, customAdapters: customCrms },
      (state) => store.getState().showPage(state, crm),
    );
  };
  // Without the context (background unreachable) the built-in CRMs still read, only without segments.
  const readContext = async (
    pending: Promise<ReadingContextResponse | null> = getReadingContext().catch(() => null),
  ): Promise<boolean> => {
    const response = await pending;
    if (!response?.ok || JSON.stringify(response.value) === JSON.stringify(context)) return false;
    context = response.value;
    return true;
  };
  ctx.onInvalidated(() => navigation.abort());
  ctx.addEventListener(window, 'wxt:locationchange', (event) => watch(event.newUrl.href));
  const refreshReadingContext = async () => {
    if ((await readContext()) && ctx.isValid) watch(watchedUrl);
  };
  // A built-in CRM's deal is found from the page alone: read it now, so that the deal's history is asked
  // for while the background still answers the context (after a browser start both wait for the database
  // to open). The page is read again if the context adds to the reading (segments).
  const watchedEarly = ctx.isValid && adapterFor(location.href) !== null;
  if (watchedEarly) watch(location.href);
  // A background that does not answer must not keep a custom host's deal off screen: after a while the
  // page is read without the context, and read again once the background answers.
  let answered = false;
  const timeout = new Promise<null>((resolve) => setTimeout(resolve, READING_CONTEXT_WAIT_MS, null));
  const changed = await readContext(
    Promise.race([firstReadingContext.finally(() => (answered = true)), timeout]),
  );
  if (!answered) {
    void firstReadingContext.then(async () => {
      if (ctx.isValid) await refreshReadingContext();
    });
  }
  if (ctx.isValid && (!watchedEarly || changed)) watch(watchedUrl);
  // Definitions or custom hosts changed: read the page again when what to read changed.
  return { refreshReadingContext };
}

function followBackgroundChanges(
  ctx: ContentScriptContext,
  store: SidebarStore,
  refreshReadingContext: () => Promise<void>,
): void {
  const onMessage = (message: unknown) => {
    if ((message as { type?: unknown } | null)?.type !== MessageType.toggleSidebar) return;
    const { collapsed, setCollapsed } = store.getState();
    setCollapsed(!collapsed);
  };
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'local' || !(STATE_REVISION_KEY in changes)) return;
    void refreshReadingContext();
    void store.getState().reload();
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
