/**
 * `npm run bench`: measures Yardstick in real Chromium against the Lightning fixtures: page cost on
 * CRM pages (bare page, Yardstick, an empty content script, an eager build and any --peer),
 * the sidebar against the record header, save latency, single-page switches, sizes and scaling.
 * Prints the targets against the measured figures, saves raw JSON under bench-results/ and
 * rewrites the results section of docs/performance.md. See docs/performance.md for the method.
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  GLOBEX,
  INITECH,
  UMBRELLA,
  opportunityPath,
} from '../../tests/support/browser/lightning-app-records';
import { launchBenchBrowser, serviceWorkerOf, stopServiceWorker, type BenchBrowser } from './bench-browser';
import {
  buildYardstick,
  makeEagerBuild,
  makeFloorBuild,
  makeNoContentScriptBuild,
  readManifest,
} from './build-variants';
import { DEAL_TIMING_RECORDER, measureDealOpen, type DealOpenSample } from './deal-open';
import { readMachine } from './machine';
import { parseOptions, USAGE } from './options';
import { LONG_TASK_RECORDER, runPageCost, traceLoad, type BenchPage } from './page-cost';
import {
  EAGER_EXTENSION_DIR,
  FLOOR_EXTENSION_DIR,
  NO_CONTENT_SCRIPT_EXTENSION_DIR,
  PROFILES_DIR,
  RESULTS_DIR,
  ROOT,
  YARDSTICK_EXTENSION_DIR,
} from './paths';
import { writePerformanceDoc } from './performance-doc';
import { markdownReport, targetRows, targetsTable } from './report';
import type { BenchResults, Column, DealOpenVariant } from './results';
import type { ScalingResult } from './scaling';
import { measureSaves } from './save-latency';
import { runScaling } from './scaling';
import { countScores } from './seed-scores';
import { openDealReady } from './sidebar-driver';
import { largestLoader, loaderSizes, measureSizes } from './sizes';
import { measureSwitch, type SwitchSample } from './spa-switch';
import { median } from './stats';
import type { TaskTrace } from './trace-tasks';

/** The loader must stay "under a few KB" gzipped. */
const LOADER_BUDGET_BYTES = 4 * 1024;

const PAGES: BenchPage[] = [
  { id: 'home', label: 'Home', path: '/lightning/page/home', isDeal: false },
  { id: 'deal', label: 'Opportunity record', path: opportunityPath(GLOBEX.id), isDeal: true },
];

const started = Date.now();
const log = (line: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

let options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}
const machine = readMachine();
log(`Yardstick bench on ${machine.nproc} CPUs, ${machine.chromium}`);

// Builds ---------------------------------------------------------------------------------------
if (options.build) {
  log('building the extension into bench-results/build');
  buildYardstick();
} else if (!existsSync(path.join(YARDSTICK_EXTENSION_DIR, 'manifest.json'))) {
  throw new Error(`--skip-build: no build at ${YARDSTICK_EXTENSION_DIR}`);
}
makeEagerBuild(EAGER_EXTENSION_DIR);
makeFloorBuild(FLOOR_EXTENSION_DIR);
makeNoContentScriptBuild(NO_CONTENT_SCRIPT_EXTENSION_DIR);
const sizes = measureSizes(YARDSTICK_EXTENSION_DIR);
const loader = largestLoader(sizes);
if (!loader) throw new Error('The build has no <crm>-loader.js');
const loaderOk = loader.gzip <= LOADER_BUDGET_BYTES;
for (const size of loaderSizes(sizes)) log(`loader ${size.file}: ${size.raw} B raw, ${size.gzip} B gzip`);
log(`largest loader ${loader.file}: ${loaderOk ? 'OK' : 'OVER'} the ${LOADER_BUDGET_BYTES} B budget`);

const columns: Column[] = [
  { label: 'bare', kind: 'bare', extensionDir: null, description: 'the page with no extension.' },
  {
    label: 'Yardstick',
    kind: 'yardstick',
    extensionDir: YARDSTICK_EXTENSION_DIR,
    description: 'the production build: the loader on every CRM page, the sidebar injected on deals.',
  },
  {
    label: 'empty content script',
    kind: 'floor',
    extensionDir: FLOOR_EXTENSION_DIR,
    description:
      "the same build with an empty file in the loader's place: Chromium's own price for any content script (the floor).",
  },
  {
    label: 'no content script',
    kind: 'no-content-script',
    extensionDir: NO_CONTENT_SCRIPT_EXTENSION_DIR,
    description:
      'the same build with no content script on the CRM hosts: what the installed extension costs a page without any page code. The loader’s own cost is the Yardstick column minus this one.',
  },
  {
    label: 'eager',
    kind: 'eager',
    extensionDir: EAGER_EXTENSION_DIR,
    description:
      'the same build with sidebar-dock.js as the manifest content script on every CRM page (the dock and its framed UI started at once), no loader: the naive approach.',
  },
  ...options.peers.map((dir, index): Column => {
    const resolved = path.resolve(dir);
    const name = readManifest(resolved).name;
    return {
      label: `peer ${index + 1}: ${name.startsWith('__MSG_') ? path.basename(resolved) : name}`,
      kind: 'peer',
      extensionDir: resolved,
      description: `the unpacked extension at \`${resolved}\`.`,
    };
  }),
];

const errors: string[] = [];
/** Runs one phase; a failure is recorded and reported, and the run goes on with the next phase. */
async function phase<T>(name: string, run: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const message = `${name}: ${(error as Error).message.split('\n')[0]}`;
    errors.push(message);
    log(`FAILED ${message}`);
    return fallback;
  }
}

/** Launches a browser, runs `body` with it, and always closes it. */
async function withBrowser<T>(
  launch: () => Promise<BenchBrowser>,
  body: (browser: BenchBrowser) => Promise<T>,
): Promise<T> {
  const browser = await launch();
  try {
    return await body(browser);
  } finally {
    await browser.close();
  }
}

// Page cost ------------------------------------------------------------------------------------
log(
  `page cost: ${columns.length} columns × ${PAGES.length} pages × ${options.runs} loads, ` +
    `browsers launched afresh every ${options.blockRuns} loads`,
);
const pageCost = await phase(
  'page cost',
  async () => {
    // Each column keeps its profile from block to block: the extension is installed once.
    const profiles = columns.map((_, index) => path.join(PROFILES_DIR, `page-cost-${process.pid}-${index}`));
    try {
      return await runPageCost(
        columns.map((column, index) => ({
          label: column.label,
          launch: () =>
            launchBenchBrowser({
              label: column.label,
              extensionDir: column.extensionDir,
              waitForServiceWorker: column.kind !== 'bare' && column.kind !== 'peer',
              initScripts: [LONG_TASK_RECORDER],
              profileDir: profiles[index],
            }),
        })),
        PAGES,
        { runs: options.runs, blockRuns: options.blockRuns, settleMs: options.settleMs, log },
      );
    } finally {
      for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
    }
  },
  [],
);

// Deal page, saves, switches --------------------------------------------------------------------
const dealPath = opportunityPath(GLOBEX.id);
const launchYardstick = () =>
  launchBenchBrowser({
    label: 'Yardstick',
    extensionDir: YARDSTICK_EXTENSION_DIR,
    waitForServiceWorker: true,
    initScripts: [DEAL_TIMING_RECORDER],
  });
const dealOpen: DealOpenVariant[] = [
  {
    id: 'header-150ms',
    label: "header 150 ms after the record view, the fixture's default",
    query: '',
    stopWorker: false,
    samples: [],
  },
  {
    id: 'header-at-load',
    label: 'header already present when the loader runs, ?yardstickHeaderDelay=0',
    query: '?yardstickHeaderDelay=0',
    stopWorker: false,
    samples: [],
  },
  {
    id: 'worker-stopped',
    label: 'header after 150 ms, service worker stopped first as after 30 s idle',
    query: '',
    stopWorker: true,
    samples: [],
  },
];
const traces: TaskTrace[] = [];
const nonDealTraces: TaskTrace[] = [];
let firstOpen: DealOpenSample | null = null;
const firstOpensAfterRestart: DealOpenSample[] = [];
let saves: BenchResults['saves'] = { samples: [], failures: [], storedBefore: 0, storedAfter: 0 };
const switches: SwitchSample[] = [];

await phase(
  'deal page, saves and switches',
  () =>
    withBrowser(launchYardstick, async (yardstick) => {
      await phase(
        'deal page',
        async () => {
          const first = (await measureDealOpen(yardstick, dealPath)).sample;
          firstOpen = first;
          log(
            `deal page: first open after the browser started: ${first.readyAfterHeader.toFixed(0)} ms after the header`,
          );
          await (await openDealReady(yardstick.newPage, dealPath, GLOBEX.name)).close();
          await measureDealOpen(yardstick, dealPath);
          for (const variant of dealOpen) {
            for (let run = 0; run < options.openRuns; run += 1) {
              const restarted = variant.stopWorker ? await stopServiceWorker(yardstick) : null;
              variant.samples.push((await measureDealOpen(yardstick, dealPath + variant.query)).sample);
              if (restarted && !(await restarted()))
                throw new Error('The service worker did not restart after being stopped');
            }
            log(`deal page (${variant.id}): ${options.openRuns} loads`);
          }
          const nonDealPage = PAGES.find((page) => !page.isDeal);
          for (let run = 0; run < Math.max(options.traceRuns, options.nonDealTraceRuns); run += 1) {
            if (run < options.traceRuns) {
              const { trace } = await measureDealOpen(yardstick, dealPath, { trace: true });
              if (trace) traces.push(trace);
            }
            if (nonDealPage && run < options.nonDealTraceRuns)
              nonDealTraces.push(await traceLoad(yardstick, nonDealPage.path, options.settleMs));
          }
          log(
            `traced: deal page longest task ${Math.max(0, ...traces.map((t) => t.maxTaskMs)).toFixed(1)} ms; ` +
              `non-deal page extension script median ${median(nonDealTraces.map((t) => t.extensionScriptMs)).toFixed(2)} ms ` +
              `(${nonDealTraces.length} loads)`,
          );
        },
        undefined,
      );

      await phase(
        'saves',
        async () => {
          const savePage = await openDealReady(yardstick.newPage, dealPath, GLOBEX.name);
          const serviceWorker = await serviceWorkerOf(yardstick);
          await measureSaves(savePage, 5);
          const storedBefore = await countScores(serviceWorker);
          const saveRun = await measureSaves(savePage, options.saves);
          const storedAfter = await countScores(serviceWorker);
          await savePage.close();
          saves = { ...saveRun, storedBefore, storedAfter };
          log(
            `saves: ${saveRun.samples.length} timed, ${storedAfter - storedBefore} new scores in IndexedDB` +
              (saveRun.failures.length ? `; FAILED: ${saveRun.failures.join('; ')}` : ''),
          );
          if (saveRun.failures.length) errors.push(`saves: ${saveRun.failures.join('; ')}`);
        },
        undefined,
      );

      await phase(
        'single-page switches',
        async () => {
          const route = [INITECH, UMBRELLA, GLOBEX, INITECH, UMBRELLA];
          for (let round = 0; round < options.switchRounds; round += 1) {
            const page = await openDealReady(yardstick.newPage, dealPath, GLOBEX.name);
            for (const deal of route) {
              switches.push(await measureSwitch(page, opportunityPath(deal.id), deal.name));
              await page.waitForTimeout(250);
            }
            await page.close();
          }
          log(`single-page switches: ${switches.length}`);
        },
        undefined,
      );
    }),
  undefined,
);

// First deal after a browser restart ------------------------------------------------------------
await phase(
  'first deal after a browser restart',
  async () => {
    const profileDir = path.join(PROFILES_DIR, `restart-${process.pid}`);
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
    const launchOnProfile = () =>
      launchBenchBrowser({
        label: 'Yardstick (restarted)',
        extensionDir: YARDSTICK_EXTENSION_DIR,
        waitForServiceWorker: true,
        initScripts: [DEAL_TIMING_RECORDER],
        profileDir,
      });
    try {
      // The day before: the rep opened a deal, so the browser had read Yardstick's policy once.
      await withBrowser(launchOnProfile, async (browser) => {
        await (await openDealReady(browser.newPage, dealPath, GLOBEX.name)).close();
      });
      for (let run = 0; run < options.restartRuns; run += 1) {
        const sample = await withBrowser(
          launchOnProfile,
          async (browser) => (await measureDealOpen(browser, dealPath)).sample,
        );
        firstOpensAfterRestart.push(sample);
        log(
          `deal page: first open after browser restart ${run + 1}: ${sample.readyAfterHeader.toFixed(0)} ms after the header`,
        );
      }
    } finally {
      rmSync(profileDir, { recursive: true, force: true });
    }
  },
  undefined,
);

// Scaling --------------------------------------------------------------------------------------
const scaling: ScalingResult[] = [];
for (const dbSize of options.dbSizes) {
  const result = await phase(
    `scaling ${dbSize}`,
    () =>
      runScaling({
        dbSize,
        hotCount: Math.min(options.history, dbSize),
        openRuns: options.scalingOpenRuns,
        saves: options.scalingSaves,
        restartRuns: options.restartRuns,
        reseed: options.reseed,
        chromiumVersion: machine.chromium,
        log,
      }),
    null,
  );
  if (result) {
    scaling.push(result);
    if (result.saveFailures.length) errors.push(`scaling ${dbSize} saves: ${result.saveFailures.join('; ')}`);
  }
}

// Report ---------------------------------------------------------------------------------------
machine.loadAtEnd = os.loadavg().map((load) => Math.round(load * 100) / 100);
const finished = Date.now();
const results: BenchResults = {
  startedAt: new Date(started).toISOString(),
  finishedAt: new Date(finished).toISOString(),
  durationS: (finished - started) / 1000,
  command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
  options,
  machine,
  columns,
  pages: PAGES,
  pageCost,
  firstOpen,
  firstOpensAfterRestart,
  dealOpen,
  traces,
  nonDealTraces,
  saves,
  switches,
  sizes,
  loaderBudgetBytes: LOADER_BUDGET_BYTES,
  scaling,
  errors,
  targets: [],
};
results.targets = targetRows(results);

mkdirSync(RESULTS_DIR, { recursive: true });
const json = JSON.stringify(results, null, 2);
const stamp = results.startedAt.replace(/[:.]/g, '-');
writeFileSync(path.join(RESULTS_DIR, `results-${stamp}.json`), json);
writeFileSync(path.join(RESULTS_DIR, 'latest.json'), json);

const report = markdownReport(results);
console.log(`\n${report}\n`);
console.log(`Targets against measured figures:\n\n${targetsTable(results.targets)}\n`);
console.log(`Raw results: ${path.relative(ROOT, path.join(RESULTS_DIR, `results-${stamp}.json`))}`);
if (options.writeDocs) {
  await writePerformanceDoc(report);
  console.log('Rewrote the results section of docs/performance.md');
}
console.log(
  `largest loader ${loader.file}, gzip ${loader.gzip} B: ${loaderOk ? 'within' : 'OVER'} the ${LOADER_BUDGET_BYTES} B budget`,
);
if (errors.length) console.log(`\n${errors.length} phase(s) failed:\n- ${errors.join('\n- ')}`);
process.exitCode = loaderOk && errors.length === 0 ? 0 : 1;
