/**
 * Data-safety benchmark in real Chromium: `npm run bench:data:chromium [-- --scores N --runs R]`
 * (default 100,000 scores, 2 runs).
 *
 * Loads the production build (`npm run build` first) in headless Debian Chromium, saves one real score
 * through the sidebar, and copies it into N scores by the same rater straight into the extension
 * origin's IndexedDB (setup, not timed). Then, through the options page as a rep would, it times:
 * "Export my scores" (bundle JSON and CSV) from the click to the file's download; "Back up everything"
 * likewise; restoring that backup into a fresh profile (empty database) from choosing the file to the
 * report; and restoring it again, which must add nothing. Each download is checked: the files hold
 * N scores, and the restores report N added and then N unchanged. Prints a table of medians.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { parseArgs } from 'node:util';
import { LIGHTNING_ORIGIN, routeLightning } from '../tests/support/browser/crm-fixtures';
import { launchWithExtension, PRODUCTION_EXTENSION_DIR } from '../tests/support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../tests/support/browser/lightning-app-records';
import { productionSidebarOf } from '../tests/support/browser/production-sidebar';
import { setRaterInOptions } from '../tests/support/browser/sidebar-page';
import { NAME_HELPER } from './bench/bench-browser';
import { countScores, newestScore, seedScores } from './bench/seed-scores';
import { median } from './bench/stats';

const { values } = parseArgs({
  options: { scores: { type: 'string', default: '100000' }, runs: { type: 'string', default: '2' } },
});
const SCORES = Number(values.scores);
const RUNS = Number(values.runs);
const RATER = 'dana.whitfield@acme.example';

interface Timing {
  what: string;
  ms: number[];
  bytes?: number;
}

const downloads = mkdtempSync(path.join(os.tmpdir(), 'yardstick-data-bench-'));
const timings: Timing[] = [];
const record = (what: string, ms: number, bytes?: number) => {
  const timing = timings.find((t) => t.what === what) ?? timings[timings.push({ what, ms: [] }) - 1]!;
  timing.ms.push(ms);
  if (bytes !== undefined) timing.bytes = bytes;
  console.log(`  ${what}: ${(ms / 1000).toFixed(2)} s${bytes ? ` (${(bytes / 1e6).toFixed(1)} MB)` : ''}`);
};

/** Saves one score through the production sidebar, then copies it into `count` scores of the same rater. */
async function seed(context: BrowserContext, serviceWorker: Worker, count: number): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
  const sidebar = await productionSidebarOf(page);
  await sidebar.getByRole('heading', { level: 2, name: GLOBEX.name }).waitFor();
  await sidebar.getByRole('radiogroup', { name: 'Metrics' }).getByRole('radio').nth(2).check();
  await sidebar.getByRole('button', { name: 'Save score' }).click();
  await sidebar.getByText(/^Saved at/).waitFor();
  await page.close();
  await serviceWorker.evaluate(NAME_HELPER);
  const dealKey = `salesforce-lightning:yardstick-demo:${GLOBEX.id}`;
  const { count: stored } = await seedScores(
    serviceWorker,
    {
      total: count - 1,
      hotCount: 0,
      hotDealKey: dealKey,
      otherDeals: 5000,
      template: await newestScore(serviceWorker, dealKey),
      raters: [RATER],
    },
    () => undefined,
  );
  if (stored !== count) throw new Error(`seeding left ${stored} scores, not ${count}`);
}

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByRole('button', { name: 'Back up everything' }).waitFor();
  return page;
}

/** Clicks `button` and times it to the download; returns the saved file. */
async function timeDownload(page: Page, button: string, what: string, expected: RegExp): Promise<string> {
  const started = performance.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 600_000 }),
    page.getByRole('button', { name: button }).click(),
  ]);
  const file = path.join(downloads, download.suggestedFilename());
  await download.saveAs(file);
  const ms = performance.now() - started;
  await page.getByRole('status').filter({ hasText: expected }).waitFor({ timeout: 60_000 });
  record(what, ms, statSync(file).size);
  return file;
}

/** Chooses `file` in the restore input and times it to the report, which must match `expected`. */
async function timeRestore(page: Page, file: string, what: string, expected: RegExp): Promise<void> {
  const started = performance.now();
  await page.getByLabel('Restore from a backup file').setInputFiles(file);
  const report = page.getByRole('status').filter({ hasText: expected });
  const refusal = page.getByRole('alert').filter({ hasText: /not restored/ });
  await report.or(refusal).waitFor({ timeout: 900_000 });
  const ms = performance.now() - started;
  if (await refusal.count()) throw new Error(`${what}: ${await refusal.textContent()}`);
  record(what, ms);
}

const n = SCORES.toLocaleString('en-US');
console.log(`Data bench in Chromium: ${n} scores, ${RUNS} runs, ${os.cpus().length} CPUs`);
for (let run = 1; run <= RUNS; run += 1) {
  console.log(`run ${run}:`);
  const source = await launchWithExtension({ extensionDir: PRODUCTION_EXTENSION_DIR });
  let backupFile: string;
  try {
    await routeLightning(source.context);
    const options = await openOptions(source.context, source.extensionId);
    await setRaterInOptions(options, source.extensionId, RATER);
    const seedStarted = performance.now();
    await seed(source.context, source.serviceWorker, SCORES);
    console.log(`  (seeded ${n} scores in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s)`);
    await options.reload();
    await options.getByRole('button', { name: 'Back up everything' }).waitFor();
    const bundle = await timeDownload(
      options,
      'Export my scores (bundle, JSON)',
      'export my scores (bundle JSON)',
      new RegExp(`Exported ${SCORES} scores`),
    );
    const exported = JSON.parse(readFileSync(bundle, 'utf8')) as { scores: unknown[] };
    if (exported.scores.length !== SCORES) throw new Error(`bundle holds ${exported.scores.length} scores`);
    await timeDownload(
      options,
      'Export all scores (CSV for spreadsheets)',
      'export all scores (CSV)',
      new RegExp(`Exported ${SCORES} scores`),
    );
    backupFile = await timeDownload(
      options,
      'Back up everything',
      'back up everything',
      new RegExp(`Backed up ${SCORES} scores`),
    );
  } finally {
    await source.close();
  }

  const target = await launchWithExtension({ extensionDir: PRODUCTION_EXTENSION_DIR });
  try {
    const options = await openOptions(target.context, target.extensionId);
    await timeRestore(
      options,
      backupFile,
      'restore into an empty database',
      new RegExp(`${SCORES} scores added, 0 already here`),
    );
    await timeRestore(
      options,
      backupFile,
      'restore the same backup again',
      new RegExp(`0 scores added, ${SCORES} already here`),
    );
    const stored = await countScores(target.serviceWorker);
    if (stored !== SCORES) throw new Error(`after two restores the database holds ${stored} scores`);
  } finally {
    await target.close();
  }
}
rmSync(downloads, { recursive: true, force: true });

console.log(`\n| ${n} scores, real Chromium | median | runs | file |`);
console.log('|---|---|---|---|');
for (const { what, ms, bytes } of timings) {
  const runs = ms.map((value) => (value / 1000).toFixed(2)).join(', ');
  const size = bytes ? `${(bytes / 1e6).toFixed(1)} MB` : '';
  console.log(`| ${what} | ${(median(ms) / 1000).toFixed(2)} s | ${runs} s | ${size} |`);
}
console.log(
  `\nLoad average at the end: ${os
    .loadavg()
    .map((load) => load.toFixed(2))
    .join(', ')}`,
);
