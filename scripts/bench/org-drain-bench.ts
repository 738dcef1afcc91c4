/**
 * Org write-back benchmark: `npm run bench:org [scores]` (default 10,000). Needs `npm run build:e2e`.
 *
 * Runs the extension in Debian's Chromium against the Salesforce REST test server, reached under the
 * real API host name (host-resolver-rules, HTTPS). N waiting scores and their outbox rows are written
 * into the extension's IndexedDB, as if saved offline; then the rep saves on a Lightning deal through
 * the sidebar (its Save button, the sidebar's own save message), which starts the drain.
 *
 * Measures, in one run: API calls and wall time to bring the N scores into the org, and the sidebar's
 * save latency (click → "Saved at", timed in the page) before the scores were seeded and during the
 * drain. A save counts as "during" only when the drain was still under way after it was acknowledged.
 */
import type { Page, Worker } from 'playwright-core';
import { routeLightning } from '../../tests/support/browser/crm-fixtures';
import { launchWithExtension, type ExtensionBrowser } from '../../tests/support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../../tests/support/browser/lightning-app-records';
import { TEST_SESSIONS } from '../../tests/support/salesforce-test-org';
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../tests/support/salesforce-test-server';
import { NAME_HELPER } from './bench-browser';
import { measureSaves, type SaveSample } from './save-latency';
import { ensureRater, lightningUrl } from './sidebar-driver';

const COUNT = Number(process.argv[2] ?? 10_000);
// The Lightning fixtures' org is `yardstick-demo`.
const API_HOST = 'yardstick-demo.my.salesforce.com';
const IDLE_SAVES = 30;
/** Saves per in-page run while the drain goes on; a run's saves count only if the drain outlived it. */
const SAVES_PER_RUN = 3;
const MAX_DRAIN_MS = 600_000;

async function turnOnOrgSync(browser: ExtensionBrowser): Promise<void> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  const checkbox = popup.getByRole('checkbox', { name: /Save scores to Salesforce/ });
  await checkbox.click();
  await popup.waitForFunction(
    () => document.querySelector<HTMLInputElement>('input[type="checkbox"]')?.checked === true,
  );
  await popup.close();
}

/** Waits, polling in Node, until `condition` holds. */
async function until(condition: () => boolean, what: string, timeoutMs = MAX_DRAIN_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Writes `count` copies of the newest score on other deals, each with its outbox row (waiting, due an hour ago, so
 * older than any later save), in the extension's IndexedDB from its service worker. Returns their ids.
 */
async function seedWaitingScores(serviceWorker: Worker, count: number): Promise<string[]> {
  await serviceWorker.evaluate(NAME_HELPER);
  return serviceWorker.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yardstick');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const newest = <T>(store: string, index: string | null) =>
      new Promise<T>((resolve, reject) => {
        const source = db.transaction(store).objectStore(store);
        const request = (index ? source.index(index) : source).openCursor(null, 'prev');
        request.onsuccess = () => resolve(request.result?.value as T);
        request.onerror = () => reject(request.error);
      });
    try {
      const score = await newest<Record<string, unknown>>('scores', 'savedAt');
      const row = await newest<Record<string, unknown>>('orgOutbox', null);
      const due = Date.now() - 3_600_000;
      const ids: string[] = [];
      for (let from = 0; from < count; from += 200) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['scores', 'orgOutbox'], 'readwrite', { durability: 'relaxed' });
          for (let i = from; i < Math.min(count, from + 200); i += 1) {
            const id = crypto.randomUUID();
            const at = due + i;
            ids.push(id);
            // Spread over 100 other deals, so the deal the rep saves on keeps its own short history.
            const recordId = `006Sd${String(i % 100).padStart(10, '0')}AAA`;
            const deal = score.deal as { dealKey: string };
            const dealKey = deal.dealKey.replace(/[^:]+$/, recordId);
            tx.objectStore('scores').add({
              ...score,
              id,
              dealKey,
              deal: { ...deal, dealKey, recordId },
              savedAt: new Date(at).toISOString(),
            });
            tx.objectStore('orgOutbox').add({
              ...row,
              scoreId: id,
              queuedAt: new Date(at).toISOString(),
              state: 'waiting',
              entry: {
                scoreId: id,
                state: 'waiting',
                attempts: 0,
                nextAttemptAt: at,
                uncertain: false,
                lastError: null,
              },
            });
          }
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      return ids;
    } finally {
      db.close();
    }
  }, count);
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const latency = (samples: SaveSample[]) =>
  samples.length === 0
    ? 'no saves'
    : `p50 ${percentile(
        samples.map((s) => s.ackMs),
        50,
      ).toFixed(1)} ms, p95 ${percentile(
        samples.map((s) => s.ackMs),
        95,
      ).toFixed(1)} ms (n = ${samples.length})`;

async function main(): Promise<void> {
  const server: SalesforceTestServer = await startSalesforceTestServer();
  const browser = await launchWithExtension({
    extraArgs: [
      `--host-resolver-rules=MAP *.my.salesforce.com 127.0.0.1:${server.httpsPort}`,
      '--ignore-certificate-errors',
    ],
  });
  try {
    await browser.context.addInitScript(NAME_HELPER);
    await routeLightning(browser.context);
    await browser.context.addCookies([
      {
        name: 'sid',
        value: TEST_SESSIONS[0]!.token,
        domain: API_HOST,
        path: '/',
        secure: true,
        httpOnly: true,
        sameSite: 'None',
      },
    ]);
    await turnOnOrgSync(browser);
    const page: Page = await browser.context.newPage();
    await page.goto(lightningUrl(opportunityPath(GLOBEX.id)));
    await ensureRater(page);
    const sidebar = page.getByRole('complementary', { name: 'Yardstick' });
    await sidebar.getByRole('button', { name: 'Save score' }).waitFor({ timeout: 20_000 });

    const idle = await measureSaves(page, IDLE_SAVES);
    if (idle.failures.length > 0) throw new Error(`idle saves failed: ${idle.failures.join('; ')}`);
    await until(() => server.scores.size === IDLE_SAVES, 'the idle saves to reach the org', 60_000);
    const upsertsBefore = server.upsertLog.length;
    const callsBefore = [...server.calls.values()].reduce((a, b) => a + b, 0);

    const seedStarted = performance.now();
    const seeded = await seedWaitingScores(browser.serviceWorker, COUNT);
    const seedMs = performance.now() - seedStarted;
    const waiting = new Set(seeded);
    const allSeededInOrg = () => seeded.every((id) => server.scores.has(id));

    // The first save below starts the drain, as a rep's save does.
    const drainStarted = Date.now();
    const during: SaveSample[] = [];
    const failures: string[] = [];
    while (!allSeededInOrg() && Date.now() - drainStarted < MAX_DRAIN_MS) {
      const run = await measureSaves(page, SAVES_PER_RUN);
      failures.push(...run.failures);
      if (!allSeededInOrg()) during.push(...run.samples);
    }
    await until(allSeededInOrg, `the ${COUNT} seeded scores to reach the org`);
    const seededUpserts = server.upsertLog
      .slice(upsertsBefore)
      .filter((call) => call.scoreKeys.some((key) => waiting.has(key)));
    const drainEnded = seededUpserts.at(-1)!.at;
    const callsDuringDrain = [...server.calls.values()].reduce((a, b) => a + b, 0) - callsBefore;

    const chromiumVersion = /Chrome\/([\d.]+)/.exec(await page.evaluate(() => navigator.userAgent))?.[1];
    console.log(`Org write-back drain, Chromium ${chromiumVersion}, test server over HTTPS\n`);
    const rows: [string, string][] = [
      ['seeded waiting scores', `${COUNT} (written in ${(seedMs / 1000).toFixed(1)} s)`],
      ['seeded scores in the org, each once', `${seeded.filter((id) => server.scores.has(id)).length}`],
      ['org totals: created / updated', `${server.upserts.created} / ${server.upserts.updated}`],
      [
        'upserts carrying the seeded scores (target ≤ 50)',
        `${seededUpserts.length} (records: ${seededUpserts.map((call) => call.scoreKeys.length).join(', ')})`,
      ],
      [
        'all API calls from the first save to the last seeded upsert',
        `${callsDuringDrain} (${[...server.calls].map(([route, n]) => `${route} ${n}`).join(', ')} in the whole run)`,
      ],
      [
        'drain time (first save → last seeded upsert answered)',
        `${((drainEnded - drainStarted) / 1000).toFixed(1)} s`,
      ],
      ['save latency before seeding, click → "Saved at"', latency(idle.samples)],
      ['save latency during the drain, click → "Saved at"', latency(during)],
      ['failed saves during the drain', failures.length === 0 ? 'none' : failures.join('; ')],
    ];
    for (const [label, value] of rows) console.log(`${label.padEnd(62)} ${value}`);
    if (server.upserts.updated > 0 || seededUpserts.length > Math.ceil(COUNT / 200) + 1) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
