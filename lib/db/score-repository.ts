import { newOutboxRow, type OrgTarget } from '../org/salesforce/outbox-rows';
import type { ScoreRecord } from '../scoring/score-record';
import type { YardstickDatabase } from './yardstick-database';

/** A page of a deal's history, newest first, with the full count when the page holds all of it. */
export interface DealHistory {
  scores: ScoreRecord[];
  /** Null when the page is full and more may exist: `countDealScores` tells. */
  total: number | null;
}

/**
 * Appends a score and, with an org target, its outbox row in the same transaction: a score bound for
 * the org is never stored without it. History is append-only: a second write with the same id (a
 * retried save) returns the stored record instead of replacing it.
 */
export async function appendScore(
  db: YardstickDatabase,
  record: ScoreRecord,
  orgTarget: OrgTarget | null = null,
  now = new Date(),
): Promise<ScoreRecord> {
  return db.transaction('rw', db.scores, db.orgOutbox, async () => {
    const existing = await db.scores.get(record.id);
    if (existing) return existing;
    await db.scores.add(record);
    if (orgTarget) await db.orgOutbox.add(newOutboxRow(record.id, orgTarget, now));
    return record;
  });
}

/** Lists a deal's scores, newest first. */
export async function readDealHistory(
  db: YardstickDatabase,
  dealKey: string,
  limit: number,
): Promise<DealHistory> {
  const scores = await db.scores
    .where('[dealKey+savedAt]')
    .between([dealKey, ''], [dealKey, '\uffff'])
    .reverse()
    .limit(limit)
    .toArray();
  // IndexedDB counts entry by entry (the bench times it: hundreds of ms for 5,000 scores among 1M): a full page
  // leaves the count to `countDealScores`, which the sidebar asks for after it has shown the deal.
  return { scores, total: scores.length < limit ? scores.length : null };
}

/** How many scores a deal has. Reads the single-key index, several times faster than the compound one. */
export function countDealScores(db: YardstickDatabase, dealKey: string): Promise<number> {
  return db.scores.where('dealKey').equals(dealKey).count();
}
