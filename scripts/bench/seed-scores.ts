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

const CHUNK = 20_000;

/**
 * Writes seeded scores straight into the extension origin's IndexedDB from the service worker (raw
 * IndexedDB, one transaction per chunk), oldest first, all older than any score saved afterwards.
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
      async ({ plan, start, end, baseTime }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('yardstick');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        try {
          const template = plan.template as { deal: Record<string, unknown> } & Record<string, unknown>;
          const { raters } = plan;
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction('scores', 'readwrite', { durability: 'relaxed' });
            const store = tx.objectStore('scores');
            for (let i = start; i < end; i += 1) {
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
        } finally {
          db.close();
        }
      },
      { plan: { ...plan, raters: plan.raters ?? DEFAULT_RATERS }, start, end, baseTime },
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
