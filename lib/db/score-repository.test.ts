// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScoreRecord } from '../scoring/score-record';
import { countDealScores, readDealHistory } from './score-repository';
import { YardstickDatabase } from './yardstick-database';

const fixture = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/db/schema-v1.json'), 'utf8'),
) as { tables: { scores: ScoreRecord[] } };
const template = fixture.tables.scores[0]!;

/** `count` scores of `dealKey`, one minute apart from 2026-11-01. */
function scoresOf(dealKey: string, count: number): ScoreRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    ...template,
    id: `${dealKey}-${i}`,
    dealKey,
    savedAt: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(),
  }));
}

async function databaseWith(...groups: ScoreRecord[][]): Promise<YardstickDatabase> {
  const db = new YardstickDatabase(`scores-${Math.random()}`);
  await db.scores.bulkAdd(groups.flat());
  return db;
}

describe('readDealHistory', () => {
  it('lists only the deal’s scores, newest first, with the count when they fit in one page', async () => {
    const db = await databaseWith(scoresOf('crm:a', 3), scoresOf('crm:b', 5));
    const history = await readDealHistory(db, 'crm:a', 10);
    expect(history.scores.map((s) => s.id)).toEqual(['crm:a-2', 'crm:a-1', 'crm:a-0']);
    expect(history.total).toBe(3);
  });

  it('leaves the count open (null) when the page is full, and countDealScores gives it', async () => {
    const db = await databaseWith(scoresOf('crm:a', 12), scoresOf('crm:ab', 4));
    const history = await readDealHistory(db, 'crm:a', 10);
    expect(history.scores).toHaveLength(10);
    expect(history.scores[0]!.id).toBe('crm:a-11');
    expect(history.total).toBeNull();
    expect(await countDealScores(db, 'crm:a')).toBe(12);
    expect(await countDealScores(db, 'crm:ab')).toBe(4);
    expect(await countDealScores(db, 'crm:none')).toBe(0);
  });

  it('answers an empty history for a deal never scored', async () => {
    const db = await databaseWith(scoresOf('crm:a', 2));
    expect(await readDealHistory(db, 'crm:z', 10)).toEqual({ scores: [], total: 0 });
  });
});
