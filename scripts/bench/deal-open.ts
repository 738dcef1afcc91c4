import type { BenchBrowser } from './bench-browser';
import { lightningUrl } from './sidebar-driver';
import { startTaskTrace, type TaskTrace } from './trace-tasks';
import { LIGHTNING_ORIGIN } from '../../tests/support/browser/crm-fixtures';

/**
 * Installed before any page script: timestamps (performance.now) when the active record view's
 * highlights header appears, when the sidebar host appears, when its radios render enabled and when its
 * heading shows the name the header shows. MutationObserver callbacks run right after the DOM change.
 */
export const DEAL_TIMING_RECORDER = `(() => {
  const marks = { header: null, headerName: null, host: null, radios: null, named: null, ready: null };
  Object.defineProperty(window, '__benchDeal', { value: marks });
  const now = () => performance.now();
  const HEADER = '.oneContent.active records-highlights2';
  let shadowObserver = null;
  const checkShadow = (root) => {
    if (marks.radios === null && root.querySelector('input[type="radio"]:not(:disabled)')) marks.radios = now();
    const heading = root.querySelector('.ys-deal-name');
    if (marks.named === null && marks.headerName !== null && heading && heading.textContent === marks.headerName) marks.named = now();
    if (marks.radios !== null && marks.named !== null && marks.ready === null) {
      marks.ready = now();
      shadowObserver.disconnect();
    }
  };
  const check = () => {
    if (marks.header === null) {
      const header = document.querySelector(HEADER);
      if (header) {
        marks.header = now();
        marks.headerName = (header.querySelector('slot[name="primaryField"]') || header).textContent.trim();
      }
    }
    const host = document.querySelector('yardstick-sidebar');
    if (host && marks.host === null && host.shadowRoot) {
      marks.host = now();
      const root = host.shadowRoot;
      shadowObserver = new MutationObserver(() => checkShadow(root));
      shadowObserver.observe(root, { subtree: true, childList: true, characterData: true });
      checkShadow(root);
    }
    if (marks.header !== null && marks.host !== null) {
      documentObserver.disconnect();
      if (marks.ready === null) checkShadow(host.shadowRoot);
    }
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
  heapMB: number;
}

interface Marks {
  header: number | null;
  host: number | null;
  radios: number | null;
  named: number | null;
  ready: number | null;
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
    // Milestones are timed in the page; waiting for the load event here would only add a failure mode.
    await page.goto(lightningUrl(path), { waitUntil: 'commit' });
    await page
      .waitForFunction(
        () => ((window as unknown as { __benchDeal?: Marks }).__benchDeal?.ready ?? null) !== null,
        undefined,
        {
          timeout: options.timeoutMs ?? 30_000,
          polling: 100,
        },
      )
      .catch(async () => {
        const marks = await page.evaluate(() => (window as unknown as { __benchDeal: Marks }).__benchDeal);
        const host = await page.evaluate(() => {
          const element = document.querySelector('yardstick-sidebar');
          return element
            ? element.shadowRoot
              ? 'open shadow root'
              : 'closed shadow root'
            : 'no host element';
        });
        const hint =
          host === 'closed shadow root'
            ? '; the bench reads the sidebar through its open shadow root, and this build closes it'
            : '';
        throw new Error(
          `the sidebar never became interactive on ${path} (${host}; milestones: ${JSON.stringify(marks)})${hint}`,
        );
      });
    await page.waitForTimeout(options.settleMs ?? 300);
    const trace = stopTrace ? await stopTrace() : null;
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    const marks = await page.evaluate(() => (window as unknown as { __benchDeal: Marks }).__benchDeal);
    const at = (value: number | null) => value ?? Number.NaN;
    return {
      sample: {
        header: at(marks.header),
        host: at(marks.host),
        radios: at(marks.radios),
        named: at(marks.named),
        ready: at(marks.ready),
        readyAfterHeader: Math.max(0, at(marks.ready) - at(marks.header)),
        heapMB: heap / 2 ** 20,
      },
      trace,
    };
  } finally {
    await page.close();
  }
}
