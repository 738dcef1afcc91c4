import meddpicc from '../../public/definitions/meddpicc.json';
import type { Definitions } from '../../lib/definitions/schema-v1';
import type { ScoreRecord } from '../../lib/scoring/score-record';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import { latestByRole, stalenessOf } from './score-staleness';

const definitions = meddpicc as unknown as Definitions;
const snapshot = lightningSnapshot();
const page = { status: 'ready', snapshot } as const;

function score(savedAt: string, overrides: Partial<ScoreRecord> = {}): ScoreRecord {
  return {
    id: crypto.randomUUID(),
    dealKey: snapshot.dealKey,
    rater: 'rep@acme.example',
    context: 'deal',
    deal: snapshot,
    definitions: { id: 'meddpicc', version: '1.0.0', hash: 'a'.repeat(64) },
    answers: [],
    total: 40,
    ceiling: 80,
    band: { id: 'developing', label: 'Developing' },
    savedAt,
    ...overrides,
  };
}

const deal = (staleAfterDays?: number) => ({
  active: {
    hash: 'a'.repeat(64),
    source: 'built-in',
    isBuiltIn: true,
    definitions: { ...definitions, ...(staleAfterDays ? { staleAfterDays } : {}) },
  },
  amountChangeShare: 0.2,
});

describe('stalenessOf', () => {
  const now = new Date('2027-01-10T12:00:00.000Z');

  it('makes a score stale after 30 days when the definitions set no staleAfterDays', () => {
    expect(stalenessOf(score('2026-12-12T12:00:00.000Z'), page, deal(), now)?.stale).toBe(false);
    const old = stalenessOf(score('2026-12-10T11:00:00.000Z'), page, deal(), now);
    expect(old?.reasons).toEqual([
      expect.objectContaining({ kind: 'too-old', ageDays: 31, staleAfterDays: 30 }),
    ]);
  });

  it('uses the definitions’ staleAfterDays', () => {
    const result = stalenessOf(score('2027-01-01T12:00:00.000Z'), page, deal(7), now);
    expect(result?.reasons[0]?.message).toBe('Scored 9 days ago; scores go stale after 7 days');
  });

  it('compares nothing while the page shows no deal or another one', () => {
    expect(stalenessOf(score(now.toISOString()), { status: 'not-a-deal' }, deal(), now)).toBeNull();
    const other = lightningSnapshot({
      recordId: '006Dn00000ZzZzZIAV',
      dealKey: 'salesforce-lightning:acme:x',
    });
    expect(
      stalenessOf(score(now.toISOString()), { status: 'ready', snapshot: other }, deal(), now),
    ).toBeNull();
  });
});

describe('latestByRole', () => {
  it('finds the latest manager score and the latest rep score; a score without a role is a rep’s', () => {
    const newest = score('2027-01-03T00:00:00.000Z', { role: 'manager', rater: 'boss' });
    const middle = score('2027-01-02T00:00:00.000Z', { rater: 'legacy-rep' });
    const oldest = score('2027-01-01T00:00:00.000Z', { role: 'rep' });
    expect(latestByRole([newest, middle, oldest])).toEqual({ manager: newest, rep: middle });
    expect(latestByRole([oldest])).toEqual({ manager: null, rep: oldest });
  });
});
