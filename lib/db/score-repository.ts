import type { ScoreRecord } from '../scoring/score-record';
import type { YardstickDatabase } from './yardstick-database';

/** A page of a deal's history, newest first, with the full count. */
export interface DealHistory {
  scores: ScoreRecord[];
  total: number;
}

/**
 * Appends a score. History is append-only: a second write with the same id (a retried save)
 * returns the stored record instead of replacing it.
 */
export async function appendScore(db: YardstickDatabase, record: ScoreRecord): Promise<ScoreRecord> {
  return db.transaction('rw', db.scores, async () => {
    const existing = await db.scores.get(record.id);
    if (existing) return existing;
    await db.scores.add(record);
    return record;
  });
}

/** Lists a deal's scores, newest first. */
export async function readDealHistory(
  db: YardstickDatabase,
  dealKey: string,
  limit = 100,
): Promise<DealHistory> {
  const range = db.scores.where('[dealKey+savedAt]').between([dealKey, ''], [dealKey, '\uffff']);
  const scores = await range.clone().reverse().limit(limit).toArray();
  // IndexedDB counts entry by entry: only count when the page is full and more may exist.
  const total = scores.length < limit ? scores.length : await range.count();
  return { scores, total };
}
