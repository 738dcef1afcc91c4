import type { DealPageState } from './deal-page-state';
import type { DealSnapshot } from './deal-snapshot';
import {
  findActiveRecordView,
  readLightningOpportunity,
  type LightningReading,
} from './salesforce-lightning';

/** Timing of the watch; defaults suit Lightning's progressive rendering. */
export interface WatchOptions {
  signal: AbortSignal;
  /** How long to wait for the record header before keying the deal from the URL alone. */
  headerTimeoutMs?: number;
  /** Mutations are batched for this long before the page is read again. */
  settleMs?: number;
  now?: () => Date;
  /**
   * The view that showed the previous deal when the URL changed. Lightning may still show it for a
   * moment after the URL changes, so a reading from that same view with the same name is not trusted.
   */
  previousView?: { element: Element; name: string | null; dealKey: string } | null;
}

/**
 * Reads the deal on the page now and again whenever the page changes, reporting each distinct state.
 * Until the header renders it observes the whole document; after, only the active record view.
 * Everything stops when `signal` aborts (a navigation).
 */
export function watchActiveDeal(
  doc: Document,
  url: string,
  options: WatchOptions,
  onState: (state: DealPageState) => void,
): void {
  const { signal, headerTimeoutMs = 10_000, settleMs = 40, now = () => new Date() } = options;
  if (signal.aborted) return;
  let lastReported = '';
  let timedOut = false;
  let observed: Node | null = null;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const startedAt = Date.now();

  const report = (state: DealPageState) => {
    const comparable = JSON.stringify(state, (key, value: unknown) => (key === 'readAt' ? undefined : value));
    if (comparable === lastReported) return;
    lastReported = comparable;
    onState(state);
  };

  const observer = new MutationObserver(() => {
    if (pending !== undefined) return;
    pending = setTimeout(() => {
      pending = undefined;
      readAndReport();
    }, settleMs);
  });

  const observe = (target: Node) => {
    if (observed === target) return;
    observer.disconnect();
    observed = target;
    observer.observe(target, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['class', 'hidden', 'aria-selected', 'title'],
    });
  };

  function readAndReport(): void {
    if (signal.aborted) return;
    const reading = distrustPreviousView(
      readLightningOpportunity(doc, url, now()),
      doc,
      options.previousView,
    );
    const state = toPageState(reading, timedOut, Date.now() - startedAt, url, now());
    report(state);
    if (state.status === 'ready') observe(findActiveRecordView(doc) ?? doc.body);
    else if (state.status === 'waiting-for-header' || state.status === 'header-timeout') observe(doc.body);
    else observer.disconnect();
  }

  const timeout = setTimeout(() => {
    timedOut = true;
    readAndReport();
  }, headerTimeoutMs);

  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      clearTimeout(timeout);
      if (pending !== undefined) clearTimeout(pending);
    },
    { once: true },
  );
  readAndReport();
}

function distrustPreviousView(
  reading: LightningReading,
  doc: Document,
  previousView: WatchOptions['previousView'],
): LightningReading {
  if (reading.status !== 'ready' || !previousView || reading.snapshot.dealKey === previousView.dealKey)
    return reading;
  const sameView = findActiveRecordView(doc) === previousView.element;
  if (!sameView || reading.snapshot.name.text !== previousView.name) return reading;
  const { recordId, dealKey, instance } = reading.snapshot;
  return { status: 'waiting-for-header', recordId, dealKey, instance };
}

function toPageState(
  reading: LightningReading,
  timedOut: boolean,
  waitedMs: number,
  url: string,
  now: Date,
): DealPageState {
  switch (reading.status) {
    case 'not-a-deal':
      return { status: 'not-a-deal' };
    case 'invalid-record-id':
      return { status: 'invalid-record-id', rawRecordId: reading.rawRecordId };
    case 'ready':
      return { status: 'ready', snapshot: reading.snapshot };
    case 'waiting-for-header':
      if (!timedOut)
        return { status: 'waiting-for-header', dealKey: reading.dealKey, recordId: reading.recordId };
      return {
        status: 'header-timeout',
        waitedMs,
        snapshot: unknownFieldsSnapshot(reading.instance, reading.recordId, reading.dealKey, url, now),
      };
  }
}

function unknownFieldsSnapshot(
  instance: string,
  recordId: string,
  dealKey: string,
  url: string,
  now: Date,
): DealSnapshot {
  const unknown = { text: null, strategy: null };
  return {
    crm: 'salesforce-lightning',
    instance,
    recordId,
    dealKey,
    url,
    name: unknown,
    stage: unknown,
    amount: { ...unknown, value: null, currency: null },
    closeDate: { ...unknown, iso: null },
    owner: unknown,
    readAt: now.toISOString(),
  };
}
