import type { AuditScore } from './audit-input';
import { predictiveGap, winRateGap } from './missing-data';
import { runAudit } from './run-audit';

const score = (deal: string, total: number): AuditScore => ({
  id: `${deal}-ann`,
  deal,
  rater: 'ann',
  context: 'deal',
  scoredAt: 0,
  definitionsVersion: 'v1',
  total,
  answers: [{ criterion: 'need', level: 1 }],
});

describe('what would make insufficient data sufficient', () => {
  // Three closed deals: 2 won (totals 80, 50), 1 lost (total 20).
  const report = runAudit(
    {
      scores: [score('d1', 80), score('d2', 50), score('d3', 20)],
      outcomes: [
        { deal: 'd1', won: true, segments: {} },
        { deal: 'd2', won: true, segments: {} },
        { deal: 'd3', won: false, segments: {} },
      ],
      bands: [
        { id: 'unqualified', label: 'Unqualified', min: 0, max: 40 },
        { id: 'developing', label: 'Developing', min: 40, max: 70 },
        { id: 'qualified', label: 'Qualified', min: 70, max: 100 },
      ],
    },
    { asOf: 0, bootstrap: false },
  );

  it('says how many more won and lost deals the AUC needs', () => {
    expect(report.total.predictive.auc.value).toBeNull();
    expect(predictiveGap(report)).toBe(
      'AUC needs at least 5 won and 5 lost closed deals with scores; you have 2 won and 1 lost. 3 more won deals and 4 more lost deals would make it sufficient.',
    );
  });

  it('says how many more closed deals each band needs', () => {
    expect(winRateGap(report)).toBe(
      'Each band needs at least 5 closed deals for a win rate; no band has that many yet. It needs 4 more closed deals in band Unqualified, 4 more closed deals in band Developing, 4 more closed deals in band Qualified.',
    );
  });
});
