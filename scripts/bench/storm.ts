/**
 * `npm run bench:storm`: a busy CRM page. A deal page whose active view holds 120,000 elements (an
 * activity feed) changes one attribute a second; the page's main thread is traced over a window of
 * that storm, on the bare page and with Yardstick, and the difference is what Yardstick adds.
 * Prints the figures; asserts nothing. See docs/performance.md ("Mutation storm").
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { routeCrmApps } from '../../tests/support/browser/crm-fixtures';
import { HUBSPOT } from '../../tests/support/browser/crm-app-records';
import { GLOBEX, opportunityPath } from '../../tests/support/browser/lightning-app-records';
import { launchBenchBrowser, type BenchBrowser } from './bench-browser';
import { buildYardstick } from './build-variants';
import { YARDSTICK_EXTENSION_DIR } from './paths';
import { ensureRater, lightningUrl, waitForSidebarReady } from './sidebar-driver';
import { round } from './stats';
import { startTaskTrace, type TaskTrace } from './trace-tasks';

/** A CRM deal page the storm runs on. */
interface StormPage {
  label: string;
  url: string;
  dealName: string;
  /** Rendered once the deal is shown, without the extension. */
  headerSelector: string;
  /** Where the feed goes: inside the active view, outside what describes the record. */
  feedParentSelector: string;
}

const STORM_PAGES: StormPage[] = [
  {
    label: 'Salesforce Lightning',
    url: lightningUrl(opportunityPath(GLOBEX.id)),
    dealName: GLOBEX.name,
    headerSelector: 'div.windowViewMode-normal.active records-lwc-detail-panel',
    feedParentSelector: 'div.windowViewMode-normal.active .region-sidebar-right',
  },
  {
    label: 'HubSpot',
    url: `${HUBSPOT.origin}${HUBSPOT.deals[0]!.path}`,
    dealName: HUBSPOT.deals[0]!.name,
    headerSelector: '[data-test-id="card-wrapper-about"]',
    feedParentSelector: '[data-test-id="middle-pane"]',
  },
];

/** Elements in one feed item: article, header, span, p, ul and five li. */
const ELEMENTS_PER_ITEM = 10;
const AFTER_LAUNCH_MS = 3_000;
/** Lets the page and the extension settle after the feed is added, before the window opens. */
const AFTER_FEED_MS = 4_000;

/** What one column measured on one page over the storm's window. */
interface StormSample {
  page: string;
  column: string;
  windowS: number;
  changes: number;
  trace: TaskTrace;
}

const { values } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: {
    nodes: { type: 'string' },
    window: { type: 'string' },
    runs: { type: 'string' },
    extension: { type: 'string' },
    page: { type: 'string', multiple: true },
    'skip-build': { type: 'boolean' },
    help: { type: 'boolean' },
  },
});
if (values.help) {
  console.log(`npm run bench:storm -- [flags]

  --nodes <n>    elements in the active view's feed (default 120000)
  --window <s>   seconds of storm measured, one attribute change a second (default 10)
  --runs <n>     measured windows per page and column (default 1)
  --page <label>  only this page: lightning or hubspot (repeatable; default both)
  --extension <dir>  measure this unpacked build instead (implies --skip-build)
  --skip-build   measure the existing bench-results/build`);
  process.exit(0);
}
const nodes = Number(values.nodes ?? 120_000);
const windowS = Number(values.window ?? 10);
const runs = Number(values.runs ?? 1);
const pages = STORM_PAGES.filter(
  (page) =>
    !values.page || values.page.some((wanted) => page.label.toLowerCase().includes(wanted.toLowerCase())),
);

const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const extensionDir = values.extension ? path.resolve(values.extension) : YARDSTICK_EXTENSION_DIR;
if (values.extension) {
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`No build at ${extensionDir}`);
} else if (values['skip-build'] !== true) {
  log('building the extension into bench-results/build');
  buildYardstick();
} else if (!existsSync(path.join(YARDSTICK_EXTENSION_DIR, 'manifest.json'))) {
  throw new Error(`--skip-build: no build at ${YARDSTICK_EXTENSION_DIR}`);
}

/** Adds the feed to the active view, in the page's own world, and returns how many elements it holds. */
async function addFeed(page: Page, parentSelector: string, elements: number): Promise<number> {
  return page.evaluate(
    ({ parentSelector, items }) => {
      const parent = document.querySelector(parentSelector);
      if (!parent) throw new Error(`No ${parentSelector} on the page`);
      const feed = document.createElement('section');
      feed.className = 'bench-activity-feed';
      const list: Element[] = [];
      for (let index = 0; index < items; index += 1) {
        const item = document.createElement('article');
        item.className = 'feed-item';
        const header = document.createElement('header');
        const author = document.createElement('span');
        author.textContent = `Activity ${index}`;
        header.appendChild(author);
        const body = document.createElement('p');
        body.textContent = 'Logged a call about the renewal.';
        const details = document.createElement('ul');
        for (let line = 0; line < 5; line += 1) {
          const entry = document.createElement('li');
          entry.textContent = `Detail ${line}`;
          details.appendChild(entry);
        }
        item.append(header, body, details);
        feed.appendChild(item);
        list.push(item);
      }
      parent.appendChild(feed);
      (window as unknown as { __benchFeed: Element[] }).__benchFeed = list;
      return feed.querySelectorAll('*').length + 1;
    },
    { parentSelector, items: Math.ceil(elements / ELEMENTS_PER_ITEM) },
  );
}

/**
 * One attribute change a second on a feed item, spread over the feed, for `seconds`; resolves with the
 * count. The storm runs from an inline script, as the CRM's own would: the trace finds the page's main
 * thread by its scripts' URL.
 */
async function storm(page: Page, seconds: number): Promise<number> {
  await page.addScriptTag({
    content: `window.__benchStorm = new Promise(function (resolve) {
      var feed = window.__benchFeed;
      var changes = 0;
      var timer = setInterval(function () {
        feed[(changes * 7919) % feed.length].classList.toggle('is-highlighted');
        changes += 1;
        if (changes >= ${seconds}) {
          clearInterval(timer);
          // The last change's consequences (a read scheduled after it) land inside the window.
          setTimeout(function () { resolve(changes); }, 1000);
        }
      }, 1000);
    });`,
  });
  return page.evaluate(() => (window as unknown as { __benchStorm: Promise<number> }).__benchStorm);
}

async function measure(browser: BenchBrowser, target: StormPage): Promise<StormSample> {
  const page = await browser.newPage();
  try {
    await page.goto(target.url);
    await page.locator(target.headerSelector).first().waitFor({ timeout: 20_000 });
    if (browser.extensionDir) {
      await ensureRater(page);
      await waitForSidebarReady(page, target.dealName);
    }
    const elements = await addFeed(page, target.feedParentSelector, nodes);
    await page.waitForTimeout(AFTER_FEED_MS);
    const cdp = await browser.context.newCDPSession(page);
    const stop = await startTaskTrace(cdp, new URL(target.url).host);
    // A request from the page marks its main thread in the trace with the CRM's host.
    await page.evaluate(() => fetch('/bench-storm-marker').catch(() => undefined));
    const changes = await storm(page, windowS);
    const trace = await stop();
    log(
      `  ${target.label}, ${browser.label}: ${elements} elements in the feed, ${changes} changes, ` +
        `task time ${trace.totalTaskMs.toFixed(0)} ms, blocking ${trace.blockingMs.toFixed(0)} ms, ` +
        `longest task ${trace.maxTaskMs.toFixed(1)} ms; on CPU time ${trace.cpu.totalTaskMs.toFixed(0)}, ` +
        `${trace.cpu.blockingMs.toFixed(0)}, ${trace.cpu.maxTaskMs.toFixed(1)} ms; ` +
        `extension script ${trace.extensionScriptMs.toFixed(1)} ms`,
    );
    // The sidebar must still show the deal: the storm may not cost it its reading.
    if (browser.extensionDir) await waitForSidebarReady(page, target.dealName, 5_000);
    return { page: target.label, column: browser.label, windowS: windowS + 1, changes, trace };
  } finally {
    await page.close();
  }
}

const columns = [
  { label: 'bare', extensionDir: null },
  { label: 'Yardstick', extensionDir },
];
const samples: StormSample[] = [];
for (const column of columns) {
  const browser = await launchBenchBrowser({
    label: column.label,
    extensionDir: column.extensionDir,
    waitForServiceWorker: column.extensionDir !== null,
  });
  try {
    await routeCrmApps(browser.context);
    await new Promise((resolve) => setTimeout(resolve, AFTER_LAUNCH_MS));
    for (const target of pages) {
      for (let run = 0; run < runs; run += 1) samples.push(await measure(browser, target));
    }
  } finally {
    await browser.close();
  }
}

const perSecond = (sample: StormSample, pick: (trace: TaskTrace) => number) =>
  pick(sample.trace) / sample.windowS;
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
console.log(
  `\nMutation storm: ${nodes} elements in the active view, one attribute change a second, ` +
    `${windowS + 1} s traced, ${runs} run(s)\n`,
);
const table = (
  title: string,
  clock: (trace: TaskTrace) => { total: number; blocking: number; max: number },
) => {
  console.log(`${title}\n`);
  console.log(
    '| page | added blocking time per second | added task time per second | longest task, bare | longest task, Yardstick | Yardstick script per second |',
  );
  console.log('| --- | --- | --- | --- | --- | --- |');
  for (const target of pages) {
    const of = (column: string) => samples.filter((s) => s.page === target.label && s.column === column);
    const bare = of('bare');
    const yardstick = of('Yardstick');
    const added = (pick: (trace: TaskTrace) => number) =>
      round(mean(yardstick.map((s) => perSecond(s, pick))) - mean(bare.map((s) => perSecond(s, pick))), 1);
    const longest = (list: StormSample[]) => round(Math.max(0, ...list.map((s) => clock(s.trace).max)), 1);
    const script = round(mean(yardstick.map((s) => perSecond(s, (t) => t.extensionScriptMs))), 2);
    console.log(
      `| ${target.label} | ${added((t) => clock(t).blocking)} ms | ${added((t) => clock(t).total)} ms | ` +
        `${longest(bare)} ms | ${longest(yardstick)} ms | ${script} ms |`,
    );
  }
  console.log('');
};
table('Wall clock:', (t) => ({ total: t.totalTaskMs, blocking: t.blockingMs, max: t.maxTaskMs }));
table('Main thread CPU time (robust to other processes on the machine):', (t) => ({
  total: t.cpu.totalTaskMs,
  blocking: t.cpu.blockingMs,
  max: t.cpu.maxTaskMs,
}));
log('done');
