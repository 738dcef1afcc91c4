import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import type { AuditScore } from './audit-input';
import { dealMovement } from './deal-movement';

let counter = 0;
const score = (
  deal: string,
  rater: string,
  scoredAt: number,
  changes: Parameters<typeof lightningSnapshot>[0] = {},
): AuditScore => {
  const snapshot = lightningSnapshot({ recordId: deal, ...changes });
  return {
    id: `s${++counter}`,
    deal: snapshot.dealKey,
    rater,
    context: 'deal',
    scoredAt,
    definitionsVersion: null,
    total: null,
    answers: [],
    snapshot,
  };
};

describe('dealMovement', () => {
  it('counts latest scores whose deal has since moved, with the reasons', () => {
    const moved = { stage: { text: 'Negotiation/Review', strategy: 'path.current' } };
    const scores = [
      score('006A', 'ann', 1), // Proposal, then bob saw Negotiation: stale
      score('006A', 'bob', 2, moved),
      score('006B', 'ann', 1),
      score('006B', 'bob', 2), // same deal state: fresh
      score('006C', 'ann', 1),
      score('006C', 'bob', 2, {
        amount: { text: 'USD 2,000,000.00', strategy: 'x', value: 2_000_000, currency: 'USD' },
      }),
    ];
    const result = dealMovement(scores, new Set(), 1);
    expect(result.n).toBe(6);
    expect(result.movedShare).toEqual({ value: 2 / 6, n: 6 });
    expect(result.reasons).toEqual({ stage: 1, closeDate: 0, amount: 1 });
  });

  it('leaves closed deals out and reports insufficient data below the minimum', () => {
    const scores = [score('006A', 'ann', 1), score('006A', 'bob', 2)];
    const result = dealMovement(scores, new Set([scores[0]!.deal]), 1);
    expect(result.n).toBe(0);
    expect(dealMovement(scores, new Set(), 5).movedShare).toMatchObject({
      value: null,
      reason: expect.stringMatching(/^insufficient data/),
    });
  });
});
