import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'playwright-core';

/** How the bench fills the database before the scaling measurements. */
export interface SeedPlan {
  /** Scores in the whole database after seeding (including `hotCount`). */
  total: number;
  /** Scores of the one deal the bench then opens and saves on. */
  hotCount: number;
  hotDealKey: string;
  /** The other scores are spread over this many deals. */
  otherDeals: number;
  /** A real score saved through the UI; seeded rows are copies with their own ids, deals and times. */
  template: Record<string, unknown>;
  /** The raters the copies take in turn; four made-up raters unless given. */
  raters?: string[];
}

const DEFAULT_RATERS = ['ana@example.com', 'ben@example.com', 'chen@example.com', 'dev@example.com'];

/** Scores written per call into the service worker (the progress log's step). */
const CHUNK = 20_000;

/**
 * Scores per IndexedDB transaction: about 0.4 MB of changes. Chromium writes an undo log to disk for a
 * transaction past 1 MB of changes, and the log's cleanup leaves tombstones that the first open after a
 * browser start reads through until LevelDB compacts them. A rep's saves are one score each and never
 * do; seeding in 20,000-score transactions did, and put hundreds of ms on the 1M-score restart opens.
 */
const SCORES_PER_TRANSACTION = 200;

/**
 * Writes seeded scores straight into the extension origin's IndexedDB from the service worker (raw
 * IndexedDB, in transactions of a few hundred scores), oldest first, all older than any score saved afterwards.
 */
export async function seedScores(
  serviceWorker: Worker,
  plan: SeedPlan,
  onProgress: (written: number, elapsedMs: number) => void,
): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  const baseTime = Date.now() - 24 * 3_600_000;
  for (let start = 0; start < plan.total; start += CHUNK) {
    const end = Math.min(plan.total, start + CHUNK);
    await serviceWorker.evaluate(
      async ({ plan, start, end, baseTime, perTransaction }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('yardstick');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        try {
          const template = plan.template as { deal: Record<string, unknown> } & Record<string, unknown>;
          const { raters } = plan;
          for (let from = start; from < end; from += perTransaction) {
            const to = Math.min(end, from + perTransaction);
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction('scores', 'readwrite', { durability: 'relaxed' });
              const store = tx.objectStore('scores');
              for (let i = from; i < to; i += 1) {
                const hot = i < plan.hotCount;
                // Hot scores are interleaved in time with the others: the newest seeded rows are the hot deal's.
                const recordId = hot ? null : `006Sd${String(i % plan.otherDeals).padStart(10, '0')}AAA`;
                const dealKey = hot ? plan.hotDealKey : plan.hotDealKey.replace(/[^:]+$/, recordId ?? '');
                const savedAt = new Date(baseTime - (plan.total - i) * 1_000).toISOString();
                store.add({
                  ...template,
                  id: crypto.randomUUID(),
                  dealKey,
                  rater: raters[i % raters.length],
                  deal: hot ? template.deal : { ...template.deal, dealKey, recordId },
                  total: i % 101,
                  ceiling: 100,
                  savedAt,
                });
              }
              tx.oncomplete = () => resolve();
              tx.onerror = () => reject(tx.error);
              tx.onabort = () => reject(tx.error ?? new Error('seeding transaction aborted'));
            });
          }
        } finally {
          db.close();
        }
      },
      {
        plan: { ...plan, raters: plan.raters ?? DEFAULT_RATERS },
        start,
        end,
        baseTime,
        perTransaction: SCORES_PER_TRANSACTION,
      },
    );
    onProgress(end, performance.now() - started);
  }
  return { ms: performance.now() - started, count: await countScores(serviceWorker) };
}

/** Counts all scores, and optionally one deal's, in the extension origin's IndexedDB. */
export async function countScores(serviceWorker: Worker, dealKey?: string): Promise<number> {
  return serviceWorker.evaluate(async (dealKey) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yardstick');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<number>((resolve, reject) => {
        const store = db.transaction('scores').objectStore('scores');
        const request = dealKey ? store.index('dealKey').count(dealKey) : store.count();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, dealKey ?? null);
}

/** Reads the newest score of a deal (the seeding template). */
export async function newestScore(serviceWorker: Worker, dealKey: string): Promise<Record<string, unknown>> {
  const score = await serviceWorker.evaluate(async (dealKey) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('yardstick');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      return await new Promise<Record<string, unknown> | null>((resolve, reject) => {
        const index = db.transaction('scores').objectStore('scores').index('[dealKey+savedAt]');
        const request = index.openCursor(IDBKeyRange.bound([dealKey, ''], [dealKey, '\uffff']), 'prev');
        request.onsuccess = () => resolve((request.result?.value as Record<string, unknown>) ?? null);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, dealKey);
  if (!score) throw new Error(`No score stored for ${dealKey}`);
  return score;
}

/**
 * Waits until the profile's IndexedDB files stop changing: LevelDB compacts in the background after a bulk
 * write, as it does during a rep's day between saves. A profile closed mid-compaction would hand every
 * copy of it the same unfinished work. Resolves with the wait in ms; gives up after `maxMs`.
 */
export async function waitForDatabaseFilesToSettle(
  profileDir: string,
  options: { quietMs?: number; maxMs?: number; pollMs?: number } = {},
): Promise<number> {
  const { quietMs = 5_000, maxMs = 300_000, pollMs = 500 } = options;
  const indexedDbDir = path.join(profileDir, 'Default', 'IndexedDB');
  const listing = (): string =>
    readdirSync(indexedDbDir, { recursive: true, encoding: 'utf8' })
      .sort()
      // LevelDB deletes files as it compacts: one gone between the listing and its stat is a change too.
      .map(
        (file) =>
          `${file}:${statSync(path.join(indexedDbDir, file), { throwIfNoEntry: false })?.size ?? 'gone'}`,
      )
      .join('\n');
  const started = Date.now();
  let last = listing();
  let quietSince = Date.now();
  while (Date.now() - quietSince < quietMs && Date.now() - started < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    const now = listing();
    if (now !== last) quietSince = Date.now();
    last = now;
  }
  return Date.now() - started;
}
