import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type { Worker } from 'playwright-core';
import { GLOBEX, opportunityPath } from '../../tests/support/browser/lightning-app-records';
import { launchBenchBrowser, NAME_HELPER, serviceWorkerOf, stopServiceWorker } from './bench-browser';
import { DEAL_TIMING_RECORDER, measureDealOpen, type DealOpenSample } from './deal-open';
import { PROFILES_DIR, ROOT, SEEDED_PROFILES_DIR, YARDSTICK_EXTENSION_DIR } from './paths';
import { measureSaves, type SaveSample } from './save-latency';
import { countScores, newestScore, seedScores, waitForDatabaseFilesToSettle } from './seed-scores';
import { openDealReady, saveOnce } from './sidebar-driver';

/** The deal the scaling bench opens and saves on. */
export const HOT_DEAL_KEY = `salesforce-lightning:yardstick-demo:${GLOBEX.id}`;

/** Results at one database size. */
export interface ScalingResult {
  dbSize: number;
  /** Scores actually stored before the measurements (all deals / the measured deal). */
  storedScores: number;
  storedDealScores: number;
  /** How long seeding took (in an earlier run when the seeded profile was reused). */
  seeding: { reusedCache: boolean; ms: number; profile: string };
  /** The first deal opened after each browser restart on the seeded profile. */
  restartOpens: DealOpenSample[];
  opens: DealOpenSample[];
  /** Opens with the service worker stopped first (as after 30 s idle). */
  workerStoppedOpens: DealOpenSample[];
  saves: SaveSample[];
  saveFailures: string[];
  /**
   * Counting the measured deal's scores from the service worker, on the index the sidebar's
   * countDealHistory uses (`dealKey`) and on the compound index the history is read from.
   */
  dealCountMs: { dealKey: number[]; compound: number[] };
}

/** Where Chromium keeps an unpacked extension's data depends on its id, i.e. on the folder's path. */
function extensionIdOf(dir: string): string {
  const hex = createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32);
  return Array.from(hex, (digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/**
 * The seeded profile stays valid while the database schema (its Dexie store declarations), the way the
 * bench seeds, the extension id and the browser are unchanged. Changes elsewhere in the product do not re-seed.
 */
function cacheKey(dbSize: number, hotCount: number, chromiumVersion: string): string {
  const inputs = ['lib/db/schema-versions.ts', 'scripts/bench/seed-scores.ts'].map((file) =>
    readFileSync(path.join(ROOT, file)),
  );
  const seeding = inputs
    .reduce((hash, input) => hash.update(input), createHash('sha256'))
    .digest('hex')
    .slice(0, 12);
  const browser = /\d+(\.\d+)+/.exec(chromiumVersion)?.[0] ?? 'unknown';
  return `${dbSize}-${hotCount}-${extensionIdOf(YARDSTICK_EXTENSION_DIR)}-${seeding}-${browser}`;
}

async function seedProfile(
  dir: string,
  dbSize: number,
  hotCount: number,
  log: (line: string) => void,
): Promise<number> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const browser = await launchBenchBrowser({
    label: 'seeding',
    extensionDir: YARDSTICK_EXTENSION_DIR,
    waitForServiceWorker: true,
    profileDir: dir,
  });
  try {
    const page = await openDealReady(browser.newPage, opportunityPath(GLOBEX.id), GLOBEX.name);
    await saveOnce(page);
    await page.close();
    const serviceWorker = await serviceWorkerOf(browser);
    const template = await newestScore(serviceWorker, HOT_DEAL_KEY);
    const stored = await countScores(serviceWorker);
    let lastLogged = 0;
    const { ms } = await seedScores(
      serviceWorker,
      {
        total: dbSize - stored,
        hotCount: Math.max(0, hotCount - 1),
        hotDealKey: HOT_DEAL_KEY,
        otherDeals: Math.max(1, Math.round(dbSize / 50)),
        template,
      },
      (written, elapsedMs) => {
        if (elapsedMs - lastLogged < 15_000 && written < dbSize - stored) return;
        lastLogged = elapsedMs;
        log(`  seeding: ${written.toLocaleString('en-US')} scores in ${(elapsedMs / 1000).toFixed(0)} s`);
      },
    );
    const settleMs = await waitForDatabaseFilesToSettle(dir);
    log(`  seeding: ${(settleMs / 1000).toFixed(0)} s until the database files went 5 s without a change`);
    return ms;
  } finally {
    await browser.close();
  }
}

/**
 * Opens and saves on a deal with `hotCount` scores in its history while the database holds
 * `dbSize` scores. Seeding writes raw IndexedDB from the service worker; the seeded profile is
 * kept under bench-results/seeded-profiles and copied for each run, so a large size is seeded once.
 */
export async function runScaling(options: {
  dbSize: number;
  hotCount: number;
  openRuns: number;
  saves: number;
  restartRuns: number;
  reseed: boolean;
  chromiumVersion: string;
  log: (line: string) => void;
}): Promise<ScalingResult> {
  const { dbSize, hotCount, log } = options;
  const cacheDir = path.join(SEEDED_PROFILES_DIR, cacheKey(dbSize, hotCount, options.chromiumVersion));
  const metaFile = path.join(cacheDir, 'bench-seed.json');
  let seedMs: number;
  const reusedCache = existsSync(metaFile) && !options.reseed;
  if (reusedCache) {
    seedMs = (JSON.parse(readFileSync(metaFile, 'utf8')) as { seedMs: number }).seedMs;
    log(`  scaling ${dbSize.toLocaleString('en-US')}: reusing the seeded profile ${path.basename(cacheDir)}`);
  } else {
    log(`  scaling ${dbSize.toLocaleString('en-US')}: seeding a new profile (kept for later runs)`);
    const building = `${cacheDir}.partial`;
    seedMs = await seedProfile(building, dbSize, hotCount, log);
    writeFileSync(path.join(building, 'bench-seed.json'), JSON.stringify({ dbSize, hotCount, seedMs }));
    rmSync(cacheDir, { recursive: true, force: true });
    renameSync(building, cacheDir);
    // Profiles of the same size seeded for an older schema, extension path or browser are stale.
    for (const stale of readdirSync(SEEDED_PROFILES_DIR)) {
      if (stale.startsWith(`${dbSize}-${hotCount}-`) && stale !== path.basename(cacheDir))
        rmSync(path.join(SEEDED_PROFILES_DIR, stale), { recursive: true, force: true });
    }
  }

  mkdirSync(PROFILES_DIR, { recursive: true });
  const runProfile = path.join(PROFILES_DIR, `scaling-${dbSize}-${process.pid}`);
  rmSync(runProfile, { recursive: true, force: true });
  cpSync(cacheDir, runProfile, { recursive: true });
  dropServiceWorkerStorage(runProfile);
  // The session before the restart: the rep opened a deal, so the browser had read Yardstick's policy.
  const previousSession = await launchBenchBrowser({
    label: `yardstick @ ${dbSize}, before the restart`,
    extensionDir: YARDSTICK_EXTENSION_DIR,
    waitForServiceWorker: true,
    profileDir: runProfile,
  });
  try {
    await (await openDealReady(previousSession.newPage, opportunityPath(GLOBEX.id), GLOBEX.name)).close();
  } finally {
    await previousSession.close();
  }
  const launchRestarted = () =>
    launchBenchBrowser({
      label: `yardstick @ ${dbSize}`,
      extensionDir: YARDSTICK_EXTENSION_DIR,
      waitForServiceWorker: true,
      profileDir: runProfile,
      initScripts: [DEAL_TIMING_RECORDER],
    });
  const dealPath = opportunityPath(GLOBEX.id);
  // Each restart: the browser starts on the profile and the rep opens a deal at once.
  const restartOpens: DealOpenSample[] = [];
  for (let run = 1; run < options.restartRuns; run += 1) {
    const restarted = await launchRestarted();
    try {
      restartOpens.push((await measureDealOpen(restarted, dealPath)).sample);
    } finally {
      await restarted.close();
    }
  }
  const browser = await launchRestarted();
  try {
    restartOpens.push((await measureDealOpen(browser, dealPath)).sample);
    const serviceWorker = await serviceWorkerOf(browser);
    const storedScores = await countScores(serviceWorker);
    const storedDealScores = await countScores(serviceWorker, HOT_DEAL_KEY);
    log(
      `  scaling ${dbSize.toLocaleString('en-US')}: ${storedScores.toLocaleString('en-US')} scores stored, ` +
        `${storedDealScores.toLocaleString('en-US')} on the measured deal`,
    );
    const opens: DealOpenSample[] = [];
    for (let run = 0; run < options.openRuns; run += 1)
      opens.push((await measureDealOpen(browser, dealPath)).sample);
    const workerStoppedOpens: DealOpenSample[] = [];
    for (let run = 0; run < options.openRuns; run += 1) {
      const restarted = await stopServiceWorker(browser);
      workerStoppedOpens.push((await measureDealOpen(browser, dealPath)).sample);
      if (!(await restarted())) throw new Error('The service worker did not restart after being stopped');
    }
    const page = await openDealReady(browser.newPage, dealPath, GLOBEX.name);
    await measureSaves(page, 5);
    const { samples: saves, failures: saveFailures } = await measureSaves(page, options.saves);
    await page.close();
    const dealCountMs = await timeDealCounts(serviceWorker, HOT_DEAL_KEY, 5);
    return {
      dbSize,
      storedScores,
      storedDealScores,
      seeding: { reusedCache, ms: seedMs, profile: path.basename(cacheDir) },
      restartOpens,
      opens,
      workerStoppedOpens,
      saves,
      saveFailures,
      dealCountMs,
    };
  } finally {
    await browser.close();
    rmSync(runProfile, { recursive: true, force: true });
  }
}

/**
 * Chromium keeps serving the service worker script it cached for an extension version until the
 * version changes: a profile seeded with an earlier build of the same version would run that build's
 * background. Dropping the profile's service-worker storage (registrations and script cache, not
 * IndexedDB) makes Chromium register the current build's worker.
 */
function dropServiceWorkerStorage(profileDir: string): void {
  rmSync(path.join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
}

/** Times counting one deal's scores on each index, `runs` times, from the service worker. */
async function timeDealCounts(
  serviceWorker: Worker,
  dealKey: string,
  runs: number,
): Promise<ScalingResult['dealCountMs']> {
  await serviceWorker.evaluate(NAME_HELPER);
  return serviceWorker.evaluate(
    async ({ dealKey, runs }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('yardstick');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const time = async (count: () => IDBRequest<number>) => {
        const started = performance.now();
        await new Promise((resolve, reject) => {
          const request = count();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        return performance.now() - started;
      };
      const index = (name: string) => db.transaction('scores').objectStore('scores').index(name);
      const range = IDBKeyRange.bound([dealKey, ''], [dealKey, '\uffff']);
      const result = { dealKey: [] as number[], compound: [] as number[] };
      try {
        for (let run = 0; run < runs; run += 1) {
          result.dealKey.push(await time(() => index('dealKey').count(dealKey)));
          result.compound.push(await time(() => index('[dealKey+savedAt]').count(range)));
        }
      } finally {
        db.close();
      }
      return result;
    },
    { dealKey, runs },
  );
}
