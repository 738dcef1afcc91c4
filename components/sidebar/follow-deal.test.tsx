import type { DealPageState } from '../../lib/crm/deal-page-state';
import type { CrmId } from '../../lib/crm/deal-snapshot';
import type { WatchOptions } from '../../lib/crm/watch-active-deal';
import type { ReadingContext } from '../../lib/messaging/protocol';
import { followDealOnPage, type FollowDealDependencies } from './follow-deal';

const HUBSPOT_DEAL = 'https://app.hubspot.com/contacts/2451127/record/0-3';
const CUSTOM_CONFIG = { urlPattern: String.raw`https://crm\.example\.com/deals/(?<id>\d+)` };
const SEGMENTS: ReadingContext = { captureFields: ['lead_source'], customCrms: [] };

interface Watch {
  url: string;
  options: WatchOptions;
  report(state: DealPageState): void;
}

/** Follows with a recording watch; the page, the background and the sidebar are plain values. */
function follow(url: string, overrides: Partial<FollowDealDependencies> = {}) {
  const lifetime = new AbortController();
  const watches: Watch[] = [];
  const shown: { state: DealPageState; crm: CrmId | null }[] = [];
  let navigate: (url: string) => void = () => undefined;
  const following = followDealOnPage({
    doc: document,
    currentUrl: () => url,
    signal: lifetime.signal,
    onLocationChange: (listener) => (navigate = listener),
    firstReadingContext: Promise.resolve({ ok: true, value: { captureFields: [], customCrms: [] } }),
    getReadingContext: () => Promise.resolve(null),
    shownPage: () => shown.at(-1)?.state ?? { status: 'not-a-deal' },
    showPage: (state, crm) => shown.push({ state, crm }),
    watch: (_doc, watchedUrl, options, onState) =>
      watches.push({ url: watchedUrl, options, report: onState }),
    ...overrides,
  });
  return { following, watches, shown, lifetime, navigate: (next: string) => navigate(next) };
}

function answerLater<T>(): { promise: Promise<T>; answer(value: T): void } {
  let answer: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (answer = resolve));
  return { promise, answer };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.replaceChildren();
});

describe('followDealOnPage', () => {
  it('reads a built-in CRM’s deal at once, before the background answers the reading context', () => {
    const context = answerLater<null>();
    const { watches } = follow(`${HUBSPOT_DEAL}/42`, { firstReadingContext: context.promise });
    expect(watches.map((watch) => watch.url)).toEqual([`${HUBSPOT_DEAL}/42`]);
  });

  it('switches deals at a navigation: the previous deal’s watch is aborted, the next one shown with its CRM', async () => {
    const { following, watches, shown, navigate } = follow(`${HUBSPOT_DEAL}/42`);
    await following;
    navigate(`${HUBSPOT_DEAL}/43`);
    expect(watches.map((watch) => watch.url)).toEqual([`${HUBSPOT_DEAL}/42`, `${HUBSPOT_DEAL}/43`]);
    expect(watches[0]!.options.signal.aborted).toBe(true);
    expect(watches[1]!.options.signal.aborted).toBe(false);
    watches[1]!.report({ status: 'waiting-for-header', dealKey: 'hubspot:2451127:43', recordId: '43' });
    expect(shown).toEqual([
      {
        state: { status: 'waiting-for-header', dealKey: 'hubspot:2451127:43', recordId: '43' },
        crm: 'hubspot',
      },
    ]);
  });

  it('stops watching when the content script goes', async () => {
    const { following, watches, lifetime } = follow(`${HUBSPOT_DEAL}/42`);
    await following;
    lifetime.abort();
    expect(watches.every((watch) => watch.options.signal.aborted)).toBe(true);
  });

  it('reads the page again with the captureFields the background answers, and not when they are unchanged', async () => {
    const { following, watches } = follow(`${HUBSPOT_DEAL}/42`, {
      firstReadingContext: Promise.resolve({ ok: true, value: SEGMENTS }),
      getReadingContext: () => Promise.resolve({ ok: true, value: SEGMENTS }),
    });
    const { refreshReadingContext } = await following;
    expect(watches.map((watch) => watch.options.captureFields)).toEqual([[], ['lead_source']]);
    await refreshReadingContext();
    expect(watches).toHaveLength(2);
  });

  it('reads a custom host’s deal only once the background named the host', async () => {
    const context = answerLater<{ ok: true; value: ReadingContext }>();
    const { following, watches } = follow('https://crm.example.com/deals/7', {
      firstReadingContext: context.promise,
    });
    await Promise.resolve();
    expect(watches).toEqual([]);
    context.answer({ ok: true, value: { captureFields: [], customCrms: [CUSTOM_CONFIG] } });
    await following;
    expect(watches.map((watch) => watch.options.customAdapters)).toEqual([[CUSTOM_CONFIG]]);
  });

  it('reads the page without the context when the background does not answer, and again once it does', async () => {
    vi.useFakeTimers();
    const context = answerLater<{ ok: true; value: ReadingContext }>();
    const { following, watches } = follow('https://crm.example.com/deals/7', {
      firstReadingContext: context.promise,
      getReadingContext: () =>
        Promise.resolve({ ok: true, value: { captureFields: [], customCrms: [CUSTOM_CONFIG] } }),
      readingContextWaitMs: 1_000,
    });
    await vi.advanceTimersByTimeAsync(1_000);
    await following;
    expect(watches.map((watch) => watch.options.customAdapters)).toEqual([[]]);
    context.answer({ ok: true, value: { captureFields: [], customCrms: [CUSTOM_CONFIG] } });
    await vi.advanceTimersByTimeAsync(0);
    expect(watches.map((watch) => watch.options.customAdapters)).toEqual([[], [CUSTOM_CONFIG]]);
    expect(watches[0]!.options.signal.aborted).toBe(true);
  });

  it('shows the deal keyed from the URL when its header never renders', async () => {
    vi.useFakeTimers();
    const shown: DealPageState[] = [];
    const { following } = follow(`${HUBSPOT_DEAL}/42`, {
      watch: undefined,
      showPage: (state) => shown.push(state),
    });
    await following;
    expect(shown.map((state) => state.status)).toEqual(['waiting-for-header']);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(shown.map((state) => state.status)).toEqual(['waiting-for-header', 'header-timeout']);
    expect(shown[1]).toMatchObject({ snapshot: { dealKey: 'hubspot:2451127:42', crm: 'hubspot' } });
  });
});
