import { adapterFor } from '../../lib/crm/adapter-registry';
import type { DealPageState } from '../../lib/crm/deal-page-state';
import type { CrmId } from '../../lib/crm/deal-snapshot';
import { previousViewOf, watchActiveDeal, type WatchOptions } from '../../lib/crm/watch-active-deal';
import type { MessageType, ReadingContext, Response } from '../../lib/messaging/protocol';

type ReadingContextResponse = Response<typeof MessageType.getReadingContext>;

/** How long the first reading waits for the background before it reads the page without its context. */
export const READING_CONTEXT_WAIT_MS = 3_000;

/** What following the page's deal needs from the page, the background and the sidebar. */
export interface FollowDealDependencies {
  doc: Document;
  /** The page's URL now. */
  currentUrl(): string;
  /** Aborts when the content script goes (the extension reloaded): every watch stops. */
  signal: AbortSignal;
  /** Calls `listener` with the new URL after each in-place navigation, until `signal` aborts. */
  onLocationChange(listener: (url: string) => void): void;
  /** The background's first answer, asked for before the sidebar mounted; null when it failed. */
  firstReadingContext: Promise<ReadingContextResponse | null>;
  /** Asks the background again; resolves null when it did not answer. */
  getReadingContext(): Promise<ReadingContextResponse | null>;
  /** The page state the sidebar shows now. */
  shownPage(): DealPageState;
  /** Shows the page's state; `url` is the URL the state was read at. */
  showPage(state: DealPageState, crm: CrmId | null, url: string): void;
  /** Reads the deal and reports each state; watchActiveDeal in production. */
  watch?: (doc: Document, url: string, options: WatchOptions, onState: (s: DealPageState) => void) => void;
  readingContextWaitMs?: number;
}

/** The running follow: reads the page again when what to read may have changed. */
export interface DealFollow {
  /** Asks the background for the reading context again; re-reads the page only if it changed. */
  refreshReadingContext(): Promise<void>;
}

/**
 * Keeps the sidebar on the deal the page shows, with every CRM's adapter: one watch per URL, the
 * previous URL's watch aborted at each navigation. Resolves once the first reading context is settled.
 */
export async function followDealOnPage(deps: FollowDealDependencies): Promise<DealFollow> {
  const { doc, signal, watch = watchActiveDeal } = deps;
  let context: ReadingContext = { captureFields: [], customCrms: [] };
  let navigation = new AbortController();
  let watchedUrl = deps.currentUrl();
  const watchUrl = (url: string) => {
    navigation.abort();
    navigation = new AbortController();
    watchedUrl = url;
    const { customCrms, captureFields } = context;
    // The view that showed the deal before the URL changed: a reading from it is not trusted until it changes.
    const previousView = previousViewOf(doc, deps.shownPage(), customCrms);
    const crm = adapterFor(url, customCrms)?.crm ?? null;
    watch(
      doc,
      url,
      { signal: navigation.signal, previousView, captureFields, customAdapters: customCrms },
      (state) => deps.showPage(state, crm, url),
    );
  };
  // Without the context (background unreachable) the built-in CRMs still read, only without segments.
  const readContext = async (pending: Promise<ReadingContextResponse | null>): Promise<boolean> => {
    const response = await pending;
    if (!response?.ok || JSON.stringify(response.value) === JSON.stringify(context)) return false;
    context = response.value;
    return true;
  };
  signal.addEventListener('abort', () => navigation.abort(), { once: true });
  deps.onLocationChange(watchUrl);
  const refreshReadingContext = async () => {
    if ((await readContext(deps.getReadingContext())) && !signal.aborted) watchUrl(watchedUrl);
  };
  // A built-in CRM's deal is found from the page alone: read it now, so that the deal's history is asked
  // for while the background still answers the context (after a browser start both wait for the database
  // to open). The page is read again if the context adds to the reading (segments).
  const watchedEarly = !signal.aborted && adapterFor(watchedUrl) !== null;
  if (watchedEarly) watchUrl(watchedUrl);
  // A background that does not answer must not keep a custom host's deal off screen: after a while the
  // page is read without the context, and read again once the background answers.
  let answered = false;
  const waitMs = deps.readingContextWaitMs ?? READING_CONTEXT_WAIT_MS;
  const timeout = new Promise<null>((resolve) => setTimeout(resolve, waitMs, null));
  const changed = await readContext(
    Promise.race([deps.firstReadingContext.finally(() => (answered = true)), timeout]),
  );
  if (!answered) {
    void deps.firstReadingContext.then(async () => {
      if (!signal.aborted) await refreshReadingContext();
    });
  }
  if (!signal.aborted && (!watchedEarly || changed)) watchUrl(watchedUrl);
  return { refreshReadingContext };
}
