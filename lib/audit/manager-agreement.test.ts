import type { AuditScore } from './audit-input';
import { managerAgreement } from './manager-agreement';

let counter = 0;
const score = (
  deal: string,
  rater: string,
  role: 'rep' | 'manager' | undefined,
  levels: Record<string, number | null>,
  scoredAt = 0,
): AuditScore => ({
  id: `s${++counter}`,
  deal,
  rater,
  ...(role ? { role } : {}),
  context: 'deal',
  scoredAt,
  definitionsVersion: null,
  total: null,
  answers: Object.entries(levels).map(([criterion, level]) => ({ criterion, level })),
});

describe('managerAgreement', () => {
  it('counts agreements, disputes and Unknowns per criterion against the manager’s latest view', () => {
    const scores = [
      score('d1', 'ann', 'rep', { champion: 2, metrics: 1 }),
      score('d1', 'max', 'manager', { champion: 1, metrics: 1 }, 1),
      score('d1', 'max', 'manager', { champion: 2, metrics: null }, 2), // latest manager view wins
      score('d2', 'bob', undefined, { champion: 0, metrics: 3 }),
      score('d2', 'max', 'manager', { champion: 1, metrics: 3 }),
      score('d3', 'ann', 'rep', { champion: 1, metrics: 1 }), // no manager: not compared
    ];
    const result = managerAgreement(scores, ['champion', 'metrics'], 1);
    expect(result).toMatchObject({ deals: 2, comparisons: 2 });
    expect(result.criteria).toEqual([
      { criterion: 'champion', agrees: 1, disputes: 1, unknown: 0, share: { value: 0.5, n: 2 } },
      { criterion: 'metrics', agrees: 1, disputes: 0, unknown: 1, share: { value: 1, n: 1 } },
    ]);
    expect(result.disputes).toEqual([
      { deal: 'd2', criterion: 'champion', rep: 'bob', repLevel: 0, manager: 'max', managerLevel: 1 },
    ]);
  });

  it('reports insufficient data below the minimum, never a noisy share', () => {
    const result = managerAgreement(
      [score('d1', 'ann', 'rep', { champion: 2 }), score('d1', 'max', 'manager', { champion: 2 })],
      ['champion'],
      5,
    );
    expect(result.criteria[0]!.share).toEqual({
      value: null,
      n: 1,
      reason: expect.stringMatching(/^insufficient data: 1 rep–manager comparisons/),
      sufficientWhen: [{ need: 4, of: 'rep–manager comparisons with both levels known' }],
    });
  });

  it('ignores calibration scores and deals without a manager', () => {
    const calibration = {
      ...score('c1', 'max', 'manager', { champion: 1 }),
      context: 'calibration' as const,
    };
    const result = managerAgreement(
      [calibration, score('c1', 'ann', 'rep', { champion: 1 })],
      ['champion'],
      1,
    );
    expect(result.deals).toBe(0);
  });
});
