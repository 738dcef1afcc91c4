import { adapterFor, findActiveView } from './adapter-registry';
import { unknownFieldsSnapshot, type CrmAdapter, type DealReading } from './crm-adapter';
import type { DealPageState } from './deal-page-state';
import type { GenericAdapterConfig } from './generic-adapter';
import { createReadBackoff } from './read-backoff';
import { createRecordRegionFilter } from './record-regions';
import { FROM_PAGE_TITLE } from './page-fallbacks';

/** Timing of the watch; defaults suit Lightning's progressive rendering. */
export interface WatchOptions {
  signal: AbortSignal;
  /** How long to wait for the record header before keying the deal from the URL alone. */
  headerTimeoutMs?: number;
  /** Mutations are batched for this long before the page is read again, while reads are cheap. */
  settleMs?: number;
  /** A read longer than this doubles the wait before the next one (up to `maxSettleMs`); a cheap one resets it. */
  longReadMs?: number;
  maxSettleMs?: number;
  /** Milliseconds on a monotonic clock, to time reads; performance.now() unless given. */
  clock?: () => number;
  now?: () => Date;
  /**
   * The view that showed the previous deal when the URL changed. Lightning may still show it for a
   * moment after the URL changes, so a reading from that same view with the same name is not trusted.
   */
  previousView?: { element: Element; name: string | null; dealKey: string } | null;
  /** The definitions' captureFields, read into the snapshot's `segments`. */
  captureFields?: readonly string[];
  /** Custom CRM hosts' configs (see generic-adapter.ts). */
  customAdapters?: readonly GenericAdapterConfig[];
}

/**
 * Reads the deal on the page now and again whenever the page changes, reporting each distinct state,
 * with the adapter of the CRM whose deal `url` names (see adapter-registry.ts).
 * Until the header renders it observes the whole document; after, only the active record view, and
 * reads again only after changes in the regions that identify and describe the record (see
 * record-regions.ts). The wait before a read grows while reads run long, but a change is always read.
 * Everything stops when `signal` aborts (a navigation).
 */
export function watchActiveDeal(
  doc: Document,
  url: string,
  options: WatchOptions,
  onState: (state: DealPageState) => void,
): void {
  const { signal, headerTimeoutMs = 10_000, settleMs = 40, now = () => new Date() } = options;
  const clock = options.clock ?? (() => performance.now());
  const backoff = createReadBackoff({
    baseMs: settleMs,
    longReadMs: options.longReadMs ?? 8,
    maxMs: options.maxSettleMs ?? 8_000,
  });
  if (signal.aborted) return;
  let lastReported = '';
  let timedOut = false;
  let observed: Node | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  let headerRead: ReturnType<typeof setTimeout> | undefined;
  const startedAt = Date.now();
  const adapter = adapterFor(url, options.customAdapters);
  const readOptions = { captureFields: options.captureFields };

  const report = (state: DealPageState) => {
    const comparable = JSON.stringify(state, (key, value: unknown) => (key === 'readAt' ? undefined : value));
    if (comparable === lastReported) return;
    lastReported = comparable;
    onState(state);
  };

  let awaitingHeader = false;
  let canChangeReading: (records: readonly MutationRecord[]) => boolean = () => true;
  const observer = new MutationObserver((records) => {
    if (pending !== undefined || !canChangeReading(records)) return;
    // The header is what the rep waits for: while it is awaited, the first change of a burst is read at
    // once (it may be the header), and the burst once more when it settles. "At once" is the next task:
    // read here, inside the CRM's task that rendered it, the reading and the sidebar's render would
    // lengthen that task.
    // A page whose reads run long is read on the backoff's schedule only.
    if (awaitingHeader && headerRead === undefined && backoff.delayMs() === settleMs) {
      headerRead = setTimeout(() => {
        headerRead = undefined;
        readAndReport();
      }, 0);
    }
    if (signal.aborted) return;
    pending = setTimeout(() => {
      pending = undefined;
      readAndReport();
    }, backoff.delayMs());
  });

  const observe = (target: Node) => {
    if (observed === target) return;
    observer.disconnect();
    observed = target;
    observer.observe(target, {
      subtree: true,
      childList: true,
      characterData: true,
      characterDataOldValue: true,
      attributes: true,
      attributeOldValue: true,
      // `aria-current` marks Pipedrive's current stage; `value` is how read-only form fields change.
      attributeFilter: ['class', 'hidden', 'aria-selected', 'aria-current', 'title', 'value'],
    });
  };

  function readAndReport(): void {
    if (signal.aborted) return;
    const startedReading = clock();
    read();
    backoff.recordRead(clock() - startedReading);
  }

  function read(): void {
    if (!adapter) {
      report({ status: 'not-a-deal' });
      observer.disconnect();
      return;
    }
    const reading = distrustPreviousView(
      adapter,
      adapter.read(doc, url, now(), readOptions),
      doc,
      options.previousView,
    );
    const state = toPageState(
      adapter,
      reading,
      timedOut,
      Date.now() - startedAt,
      url,
      now(),
      options.captureFields,
    );
    report(state);
    awaitingHeader = state.status === 'waiting-for-header' || state.status === 'header-timeout';
    if (state.status === 'ready') {
      const view = adapter.findActiveView(doc) ?? doc.body;
      observe(view);
      canChangeReading = createRecordRegionFilter(view, adapter.recordRegions);
    } else if (state.status === 'waiting-for-header' || state.status === 'header-timeout') {
      observe(doc.body);
      canChangeReading = createRecordRegionFilter(doc.body, undefined);
    } else observer.disconnect();
  }

  const timeout = setTimeout(() => {
    timedOut = true;
    // Only a page still waiting for its header reads differently once the wait is over.
    if (awaitingHeader) readAndReport();
  }, headerTimeoutMs);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timeout);
      if (pending !== undefined) clearTimeout(pending);
      if (headerRead !== undefined) clearTimeout(headerRead);
    },
    { once: true },
  );
  readAndReport();
}

/** `WatchOptions.previousView` for a URL change away from `page`: the view that shows its deal now, if ready. */
export function previousViewOf(
  doc: Document,
  page: DealPageState,
  customAdapters: readonly GenericAdapterConfig[] = [],
): NonNullable<WatchOptions['previousView']> | null {
  if (page.status !== 'ready') return null;
  const element = findActiveView(doc, page.snapshot.url, customAdapters);
  return element ? { element, name: page.snapshot.name.text, dealKey: page.snapshot.dealKey } : null;
}

function distrustPreviousView(
  adapter: CrmAdapter,
  reading: DealReading,
  doc: Document,
  previousView: WatchOptions['previousView'],
): DealReading {
  if (reading.status !== 'ready' || !previousView || reading.snapshot.dealKey === previousView.dealKey)
    return reading;
  // The document title is no view's: a name read from it that is the previous deal's may be a title
  // the CRM has not updated yet, whichever view shows the deal now.
  const sameView =
    adapter.findActiveView(doc) === previousView.element ||
    reading.snapshot.name.strategy === FROM_PAGE_TITLE;
  if (!sameView || reading.snapshot.name.text !== previousView.name) return reading;
  const { recordId, dealKey, instance } = reading.snapshot;
  return { status: 'waiting-for-header', recordId, dealKey, instance };
}

function toPageState(
  adapter: CrmAdapter,
  reading: DealReading,
  timedOut: boolean,
  waitedMs: number,
  url: string,
  now: Date,
  captureFields: readonly string[] | undefined,
): DealPageState {
  switch (reading.status) {
    case 'not-a-deal':
      return { status: 'not-a-deal' };
    case 'invalid-record-id':
      return { status: 'invalid-record-id', rawRecordId: reading.rawRecordId };
    case 'ready':
      return { status: 'ready', snapshot: reading.snapshot };
    case 'waiting-for-header': {
      const { instance, recordId, dealKey } = reading;
      if (!timedOut) return { status: 'waiting-for-header', dealKey, recordId };
      const identity = { crm: adapter.crm, instance, recordId, dealKey, url };
      return {
        status: 'header-timeout',
        waitedMs,
        snapshot: unknownFieldsSnapshot(identity, captureFields, now),
      };
    }
  }
}
