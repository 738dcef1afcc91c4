import type { Page } from 'playwright-core';
import { isSidebarFrame } from '../../tests/support/browser/production-sidebar';
import type { BenchBrowser } from './bench-browser';
import { lightningUrl } from './sidebar-driver';
import { startTaskTrace, type TaskTrace } from './trace-tasks';
import { LIGHTNING_ORIGIN } from '../../tests/support/browser/crm-fixtures';

/**
 * Installed before any script of every frame. In the CRM page: when the active record view's highlights
 * header appears and when the sidebar's dock host appears. In the sidebar's frame (our extension page,
 * docked in the CRM page, whose DOM the page cannot read): when its radios render enabled and each deal
 * name its heading shows. Times are epoch ms (timeOrigin + now), so the frame's and the page's marks
 * share one clock; MutationObserver callbacks run right after the DOM change.
 */
export const DEAL_TIMING_RECORDER = `(() => {
  const now = () => performance.timeOrigin + performance.now();
  if (/^(chrome|moz)-extension:$/.test(location.protocol)) {
    if (!location.pathname.endsWith('/sidebar-frame.html')) return;
    const frameMarks = { radios: null, names: [] };
    Object.defineProperty(window, '__benchFrame', { value: frameMarks });
    const check = () => {
      if (frameMarks.radios === null && document.querySelector('input[type="radio"]:not(:disabled)')) frameMarks.radios = now();
      const name = document.querySelector('.ys-deal-name')?.textContent ?? null;
      if (name && frameMarks.names.at(-1)?.name !== name) frameMarks.names.push({ name, at: now() });
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
    return;
  }
  const marks = { origin: performance.timeOrigin, header: null, headerName: null, host: null };
  Object.defineProperty(window, '__benchDeal', { value: marks });
  const HEADER = '.oneContent.active records-highlights2';
  const check = () => {
    if (marks.header === null) {
      const header = document.querySelector(HEADER);
      if (header) {
        marks.header = now();
        marks.headerName = (header.querySelector('slot[name="primaryField"]') || header).textContent.trim();
      }
    }
    if (marks.host === null && document.querySelector('[data-yardstick-dock]')) marks.host = now();
    if (marks.header !== null && marks.host !== null) documentObserver.disconnect();
  };
  const documentObserver = new MutationObserver(check);
  documentObserver.observe(document, { subtree: true, childList: true });
})();`;

/** Milestones of one deal-page load, in ms since navigation start. */
export interface DealOpenSample {
  header: number;
  host: number;
  radios: number;
  named: number;
  ready: number;
  /** Sidebar interactive (radios and the deal's name shown) after the record header was present. */
  readyAfterHeader: number;
  /** The CRM page's JS heap after a forced GC (MB): its isolate, the dock's isolated world included. */
  heapMB: number;
  /** The sidebar frame's JS heap after a forced GC (MB): our extension page's isolate, in its own process. */
  frameHeapMB: number;
}

/** What the CRM page's recorder keeps (window.__benchDeal). */
interface PageMarks {
  origin: number;
  header: number | null;
  headerName: string | null;
  host: number | null;
}

/** What the sidebar frame's recorder keeps (window.__benchFrame). */
interface FrameMarks {
  radios: number | null;
  names: { name: string; at: number }[];
}

type Marks = Omit<DealOpenSample, 'readyAfterHeader' | 'heapMB' | 'frameHeapMB'>;

/** The load's milestones so far, in ms since the CRM page's navigation start (NaN: not reached yet). */
async function readMarks(page: Page): Promise<Marks> {
  const pageMarks = await page
    .evaluate(() => (window as unknown as { __benchDeal?: PageMarks }).__benchDeal ?? null)
    .catch(() => null);
  const frame = page.frames().find(isSidebarFrame);
  const frameMarks = frame
    ? await frame
        .evaluate(() => (window as unknown as { __benchFrame?: FrameMarks }).__benchFrame ?? null)
        .catch(() => null)
    : null;
  const since = (value: number | null | undefined) =>
    pageMarks && value !== null && value !== undefined ? value - pageMarks.origin : Number.NaN;
  const named = frameMarks?.names.find((each) => each.name === pageMarks?.headerName)?.at;
  const radios = since(frameMarks?.radios);
  return {
    header: since(pageMarks?.header),
    host: since(pageMarks?.host),
    radios,
    named: since(named),
    ready: Math.max(radios, since(named)),
  };
}

/** The sidebar frame's used JS heap after a forced GC (MB), NaN when the page has no sidebar frame. */
async function frameHeapMB(browser: BenchBrowser, page: Page): Promise<number> {
  const frame = page.frames().find(isSidebarFrame);
  if (!frame) return Number.NaN;
  const cdp = await browser.context.newCDPSession(frame);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Loads a deal page in a fresh tab and times the sidebar against the record header. With `trace`,
 * the load is also traced to find the longest main-thread task (tracing slows the page a little,
 * so traced loads are not used for the timings).
 */
export async function measureDealOpen(
  browser: BenchBrowser,
  path: string,
  options: { trace?: boolean; timeoutMs?: number; settleMs?: number } = {},
): Promise<{ sample: DealOpenSample; trace: TaskTrace | null }> {
  const page = await browser.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    const stopTrace = options.trace ? await startTaskTrace(cdp, new URL(LIGHTNING_ORIGIN).host) : null;
    // Milestones are timed in the page and its sidebar frame; waiting for the load event would only add a failure mode.
    await page.goto(lightningUrl(path), { waitUntil: 'commit' });
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    let marks = await readMarks(page);
    while (Number.isNaN(marks.ready) || Number.isNaN(marks.header)) {
      if (Date.now() > deadline) {
        const dock = await page.locator('[data-yardstick-dock]').count();
        throw new Error(
          `the sidebar never became interactive on ${path} (${dock ? 'dock present' : 'no dock'}; milestones: ${JSON.stringify(marks)})`,
        );
      }
      await page.waitForTimeout(100);
      marks = await readMarks(page);
    }
    await page.waitForTimeout(options.settleMs ?? 300);
    const trace = stopTrace ? await stopTrace() : null;
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    return {
      sample: {
        ...marks,
        readyAfterHeader: Math.max(0, marks.ready - marks.header),
        heapMB: heap / 2 ** 20,
        frameHeapMB: await frameHeapMB(browser, page),
      },
      trace,
    };
  } finally {
    await page.close();
  }
}
