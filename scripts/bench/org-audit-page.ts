import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../tests/support/browser/launch-browser';
import type { SalesforceTestServer } from '../../tests/support/salesforce-test-server';
import { chromiumUsage, samplePeak } from './process-memory';
import { startTaskTrace } from './trace-tasks';

/** How one "Load from Salesforce" on the audit page went, from the click to the report. */
export interface PageLoadFigures {
  /** Click → the report's score count shows every row (ms). */
  toReportMs: number;
  /** Click → the panel says the load is done (ms). */
  toLoadedMs: number;
  /** What the panel said when the load was done. */
  loadedText: string;
  /** API calls the test org answered during the load. */
  apiCalls: number;
  callsByRoute: string;
  /** Highest JSHeapUsedSize of the audit page's main thread (CDP Performance.getMetrics), bytes. */
  pageHeapPeak: number | null;
  /** Highest resident set of the extension's renderer (page, its worker, the service worker), bytes. */
  processRssPeak: number | null;
  /** CPU time during the load (ms): the extension's renderer, the whole Chromium, the test org (bench process). */
  cpuMs: { extension: number; chromium: number; testOrg: number };
  /** Longest main-thread task of the audit page during the load (ms), and what ran in it. */
  longestTaskMs: number;
  longestTasksMs: number[];
  longestTaskCulprit: string | null;
  /** The longest events inside the longest task, by name. */
  longestTaskParts: string[];
  /** The longest task's CPU time rather than wall time (the machine is shared). */
  longestTaskCpuMs: number;
}

/** Options of one load. */
export interface PageLoadOptions {
  /** Typed in "Bulk API from"; empty keeps the default. */
  bulkFrom: string;
  /** Typed in "Saved from" (yyyy-mm-dd); another value is another query, read from scratch. */
  savedFrom: string;
  /** The report's score count to wait for. */
  expectedScores: number;
  timeoutMs: number;
  /** Trace the page's main thread (the trace of a million-row load is large). */
  trace: boolean;
}

const totalCalls = (server: SalesforceTestServer) => [...server.calls.values()].reduce((a, b) => a + b, 0);

/** Opens the audit page with the definitions file set, ready to load. */
export async function openAuditPage(browser: ExtensionBrowser, definitionsFile: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/audit.html`);
  await page.getByRole('heading', { name: 'Yardstick audit' }).waitFor();
  await page.getByLabel(/^Definitions file/).setInputFiles(definitionsFile);
  await page.getByText(/levels are checked against them/).waitFor();
  return page;
}

/** Loads from the org through the page's own panel and measures it until the report counts every score. */
export async function measurePageLoad(
  browser: ExtensionBrowser,
  page: Page,
  server: SalesforceTestServer,
  origin: string,
  options: PageLoadOptions,
): Promise<PageLoadFigures> {
  const panel = page.getByRole('region', { name: 'Load from Salesforce' });
  await panel.getByRole('combobox', { name: 'Org' }).selectOption(origin);
  await panel.getByLabel('Saved from').fill(options.savedFrom);
  await panel.getByLabel(/^Bulk API from/).fill(options.bulkFrom);

  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const stopTrace = options.trace ? await startTaskTrace(cdp, browser.extensionId) : null;
  const stopHeap = samplePeak(async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? null;
  });
  const stopRss = samplePeak(() => chromiumUsage(browser.profileDir)?.extensionRssBytes ?? null);
  const usageBefore = chromiumUsage(browser.profileDir);
  const serverCpuBefore = process.cpuUsage();
  const callsBefore = totalCalls(server);
  const routesBefore = new Map(server.calls);

  const started = performance.now();
  await panel.getByRole('button', { name: 'Load from Salesforce' }).click();
  const status = panel.locator('.ys-org-load-status');
  // Done, or any end the panel can show: cancelled, an org error (an alert) or the extension restarting.
  await status
    .getByText(/^Loaded from |^The load|restarted|failed|error|expired|refused/i)
    .waitFor({ timeout: options.timeoutMs });
  const toLoadedMs = performance.now() - started;
  const loadedText = ((await status.textContent()) ?? '').trim();
  if (!loadedText.startsWith('Loaded from')) throw new Error(`the load did not finish: ${loadedText}`);
  const apiCalls = totalCalls(server) - callsBefore;
  const callsByRoute = [...server.calls]
    .map(([route, n]) => [route, n - (routesBefore.get(route) ?? 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([route, n]) => `${route} ${n}`)
    .join(', ');

  const scores = page.getByTestId('count-Scores');
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const left = Math.max(1, deadline - Date.now());
    const shown = Number(((await scores.textContent({ timeout: left })) ?? '').replace(/\D/g, ''));
    if (shown === options.expectedScores) break;
    if (Date.now() > deadline)
      throw new Error(`the report shows ${shown} scores, not ${options.expectedScores}`);
    await page.waitForTimeout(50);
  }
  const toReportMs = performance.now() - started;
  const usageAfter = chromiumUsage(browser.profileDir);
  const serverCpu = process.cpuUsage(serverCpuBefore);

  const [pageHeapPeak, processRssPeak, trace] = await Promise.all([
    stopHeap(),
    stopRss(),
    stopTrace ? stopTrace() : Promise.resolve(null),
  ]);
  await cdp.detach();
  return {
    toReportMs,
    toLoadedMs,
    loadedText,
    apiCalls,
    callsByRoute,
    pageHeapPeak,
    processRssPeak,
    cpuMs: {
      extension: (usageAfter?.extensionCpuMs ?? NaN) - (usageBefore?.extensionCpuMs ?? NaN),
      chromium: (usageAfter?.allCpuMs ?? NaN) - (usageBefore?.allCpuMs ?? NaN),
      // The test org runs in this process, beside Playwright's client (small next to the org's work).
      testOrg: (serverCpu.user + serverCpu.system) / 1000,
    },
    longestTaskMs: trace?.maxTaskMs ?? NaN,
    longestTasksMs: trace?.longestTasksMs ?? [],
    longestTaskCulprit: trace?.longestTaskCulprit ?? null,
    longestTaskParts: trace?.longestTaskParts ?? [],
    longestTaskCpuMs: trace?.cpu.maxTaskMs ?? NaN,
  };
}
