import type { Page } from 'playwright-core';
import type { BenchBrowser } from './bench-browser';
import { lightningUrl } from './sidebar-driver';
import { startTaskTrace, type TaskTrace } from './trace-tasks';
import { LIGHTNING_ORIGIN } from '../../tests/support/browser/crm-fixtures';
import { median, round } from './stats';

/**
 * Installed before any page script: records every long task (over 50 ms) on the page's main
 * thread, which content scripts of every extension share with the page.
 */
export const LONG_TASK_RECORDER = `(() => {
  const tasks = [];
  Object.defineProperty(window, '__benchLongTasks', { value: tasks });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    tasks.push({ start: -1, duration: -1, error: String(error) });
  }
})();`;

/** A fixture page the page-cost bench loads. */
export interface BenchPage {
  id: string;
  label: string;
  path: string;
  isDeal: boolean;
}

/** What one load of one page cost, read after the page settled and a forced garbage collection. */
export interface LoadSample {
  /** CDP Performance.getMetrics ScriptDuration: main-thread script time of the tab, all worlds (ms). */
  scriptMs: number;
  /** TaskDuration: all main-thread task time (ms). */
  taskMs: number;
  /** JSHeapUsedSize after a forced GC (MB): the page's isolate, content scripts' worlds included. */
  heapMB: number;
  longTasks: number;
  longTaskMs: number;
  maxLongTaskMs: number;
  /** Navigation start to the end of the load event (ms). */
  loadMs: number;
}

/** Loads `path` in a fresh tab, lets it settle, and reads the tab's main-thread metrics. */
export async function measureLoad(
  browser: BenchBrowser,
  path: string,
  settleMs: number,
): Promise<LoadSample> {
  const page = await browser.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(lightningUrl(path), { waitUntil: 'load' });
    await page.waitForTimeout(settleMs);
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? Number.NaN;
    const { longTasks, loadMs } = await readPageTimings(page);
    return {
      scriptMs: metric('ScriptDuration') * 1000,
      taskMs: metric('TaskDuration') * 1000,
      heapMB: metric('JSHeapUsedSize') / 2 ** 20,
      longTasks: longTasks.length,
      longTaskMs: longTasks.reduce((sum, task) => sum + task.duration, 0),
      maxLongTaskMs: longTasks.reduce((max, task) => Math.max(max, task.duration), 0),
      loadMs,
    };
  } finally {
    await page.close();
  }
}

async function readPageTimings(page: Page): Promise<{ longTasks: { duration: number }[]; loadMs: number }> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    const longTasks = (window as unknown as { __benchLongTasks?: { duration: number }[] }).__benchLongTasks;
    return { longTasks: longTasks ?? [], loadMs: navigation?.loadEventEnd ?? Number.NaN };
  });
}

/** Medians of one column on one page. */
export interface PageCostCell {
  column: string;
  page: string;
  runs: number;
  scriptMs: number;
  taskMs: number;
  heapMB: number;
  longTasks: number;
  longTaskMs: number;
  maxLongTaskMs: number;
  loadMs: number;
  samples: LoadSample[];
}

/** Medians of every metric over the samples (max long task: the maximum). */
export function cellOf(column: string, page: string, samples: LoadSample[]): PageCostCell {
  const med = (pick: (sample: LoadSample) => number) => round(median(samples.map(pick)), 2);
  return {
    column,
    page,
    runs: samples.length,
    scriptMs: med((s) => s.scriptMs),
    taskMs: med((s) => s.taskMs),
    heapMB: med((s) => s.heapMB),
    longTasks: med((s) => s.longTasks),
    longTaskMs: med((s) => s.longTaskMs),
    maxLongTaskMs: round(Math.max(0, ...samples.map((s) => s.maxLongTaskMs)), 1),
    loadMs: med((s) => s.loadMs),
    samples,
  };
}

/** A column's browser, launched afresh (on the column's own profile) for each block of loads. */
export interface PageCostColumn {
  label: string;
  launch(): Promise<BenchBrowser>;
}

/**
 * After a launch, the extension's service worker starts up on another thread; on two cores that
 * slows the page's own scripts, so measuring waits until it has had time to finish.
 */
const AFTER_LAUNCH_MS = 3_000;

/**
 * Loads every page `runs` times in every column, interleaved (run 1 of every column, then run 2…) in
 * a shuffled column order, so that noise on the shared machine spreads over all columns alike. Every
 * `blockRuns` runs all browsers are closed and launched again on the same profiles (a restart, not a
 * new install): one browser instance can sit a few tenths of a millisecond above or below another
 * for its whole life, and each column is its own browser, so a single instance per column would turn
 * that into a difference between columns.
 * One unmeasured warm-up load per page, column and browser instance comes first.
 */
export async function runPageCost(
  columns: PageCostColumn[],
  pages: BenchPage[],
  options: { runs: number; blockRuns: number; settleMs: number; log: (line: string) => void },
): Promise<PageCostCell[]> {
  const samples = new Map<string, LoadSample[]>();
  const key = (column: string, page: string) => `${column}\u0000${page}`;
  for (const page of pages) {
    for (let blockStart = 0; blockStart < options.runs; blockStart += options.blockRuns) {
      const browsers: BenchBrowser[] = [];
      try {
        for (const column of columns) browsers.push(await column.launch());
        await new Promise((resolve) => setTimeout(resolve, AFTER_LAUNCH_MS));
        for (const browser of browsers) await measureLoad(browser, page.path, options.settleMs);
        const blockEnd = Math.min(options.runs, blockStart + options.blockRuns);
        for (let run = blockStart; run < blockEnd; run += 1) {
          for (const browser of shuffled(browsers)) {
            const sample = await measureLoad(browser, page.path, options.settleMs);
            const list = samples.get(key(browser.label, page.id)) ?? [];
            list.push(sample);
            samples.set(key(browser.label, page.id), list);
          }
          options.log(`  page cost: ${page.label} run ${run + 1}/${options.runs}`);
        }
      } finally {
        for (const browser of browsers) await browser.close();
      }
    }
  }
  return pages.flatMap((page) =>
    columns.map((column) => cellOf(column.label, page.id, samples.get(key(column.label, page.id)) ?? [])),
  );
}

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/** Loads `path` in a fresh tab under tracing and analyses the page's main-thread tasks. */
export async function traceLoad(browser: BenchBrowser, path: string, settleMs: number): Promise<TaskTrace> {
  const page = await browser.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    const stop = await startTaskTrace(cdp, new URL(LIGHTNING_ORIGIN).host);
    await page.goto(lightningUrl(path), { waitUntil: 'load' });
    await page.waitForTimeout(settleMs);
    return await stop();
  } finally {
    await page.close();
  }
}
