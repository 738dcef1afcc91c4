import definitionsJson from '../../tests/fixtures/definitions/two-criteria.json';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import { DefinitionsV1Schema } from '../definitions/schema-v1';
import {
  dealToRescore,
  MAX_REMEMBERED_OPENS,
  readRecentDealOpens,
  recentlyOpened,
  withDealOpened,
} from './deals-to-rescore';
import type { ScoreRecord } from './score-record';

const DEFINITIONS = DefinitionsV1Schema.parse(definitionsJson);
const active = (hash: string) => ({ hash, definitions: DEFINITIONS });
const NOW = new Date('2026-12-03T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

function score(hash: string): ScoreRecord {
  const deal = lightningSnapshot();
  return {
    id: '6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c',
    dealKey: deal.dealKey,
    rater: 'dana',
    context: 'deal',
    deal,
    definitions: { id: 'meddpicc', version: '1.0.0', hash },
    answers: [],
    total: 70.8,
    ceiling: 70.8,
    band: { id: 'hot', label: 'Hot' },
    savedAt: daysAgo(40),
  };
}

describe('recently opened deals', () => {
  it('keeps the newest open of each deal, most recent first, and forgets opens past 30 days', () => {
    let opens = withDealOpened({ old: daysAgo(31), kept: daysAgo(29) }, 'a', new Date(daysAgo(2)));
    opens = withDealOpened(opens, 'b', new Date(daysAgo(1)));
    opens = withDealOpened(opens, 'a', NOW);
    expect(opens).toEqual({ a: NOW.toISOString(), b: daysAgo(1), kept: daysAgo(29) });
    expect(recentlyOpened(opens, NOW).map((open) => open.dealKey)).toEqual(['a', 'b', 'kept']);
    // What was recent when stored ages out of the list on its own.
    expect(recentlyOpened(opens, new Date(NOW.getTime() + 2 * 86_400_000)).map((o) => o.dealKey)).toEqual([
      'a',
      'b',
    ]);
  });

  it(`remembers at most ${MAX_REMEMBERED_OPENS} deals, dropping the oldest`, () => {
    let opens = {};
    for (let i = 0; i <= MAX_REMEMBERED_OPENS; i++)
      opens = withDealOpened(opens, `deal-${i}`, new Date(NOW.getTime() + i * 1000));
    expect(Object.keys(opens)).toHaveLength(MAX_REMEMBERED_OPENS);
    expect(opens).not.toHaveProperty('deal-0');
    expect(opens).toHaveProperty(`deal-${MAX_REMEMBERED_OPENS}`);
  });

  it('reads malformed storage as nothing opened', () => {
    expect(readRecentDealOpens(undefined)).toEqual({});
    expect(readRecentDealOpens({ a: 'yesterday' })).toEqual({});
    expect(readRecentDealOpens({ a: NOW.toISOString() })).toEqual({ a: NOW.toISOString() });
  });
});

describe('dealToRescore', () => {
  it('names a deal whose latest score was made under other definitions, with its link', () => {
    expect(
      dealToRescore(score('a'.repeat(64)), active('b'.repeat(64)), undefined, NOW.toISOString()),
    ).toEqual({
      dealKey: 'salesforce-lightning:acme:006Dn00000AbCdEIAV',
      name: 'Globex — Data Platform Renewal',
      url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006Dn00000AbCdEIAV/view',
      scoredUnder: { id: 'meddpicc', version: '1.0.0' },
      savedAt: daysAgo(40),
      openedAt: NOW.toISOString(),
    });
  });

  it('leaves out a deal scored under the active definitions, or never scored', () => {
    expect(
      dealToRescore(score('a'.repeat(64)), active('a'.repeat(64)), undefined, NOW.toISOString()),
    ).toBeNull();
    expect(dealToRescore(undefined, active('a'.repeat(64)), undefined, NOW.toISOString())).toBeNull();
  });

  it('leaves out a deal whose score’s definitions differ only in what changes no score', () => {
    const calibrated = { ...structuredClone(DEFINITIONS), version: '2.1.1', calibration: [] };
    const latest = score('a'.repeat(64));
    expect(dealToRescore(latest, active('b'.repeat(64)), calibrated, NOW.toISOString())).toBeNull();
    const reweighted = structuredClone(DEFINITIONS);
    reweighted.criteria[0]!.weight = 7;
    expect(dealToRescore(latest, active('b'.repeat(64)), reweighted, NOW.toISOString())).toMatchObject({
      dealKey: latest.dealKey,
    });
  });
});
