import type { AuditInput, AuditScore } from '../../../lib/audit/audit-input';

/** The lenient rater of the scenario: one level higher than the team on Champion. */
export const LENIENT_RATER = 'lee';
const RATERS = ['ana', 'ben', LENIENT_RATER] as const;
const DEALS = 15;
const METRICS_LEVELS = [1, 5, 10] as const;

/** The deal key of deal `index` (1-based in the key). */
export const lenientTeamDeal = (index: number) => `generic:crm.example.com:deal-${index + 1}`;

/** Whether deal `index` was won: every deal whose champion is level 2, and every other level-1 deal. */
export const lenientTeamWon = (index: number) => index % 3 === 2 || (index % 3 === 1 && index % 2 === 0);

/**
 * Three raters on fifteen deals of the two-criteria definitions (tests/fixtures/audit/two-criteria.json)
 * and three calibration cases: ana and ben agree exactly; lee rates Champion one level higher
 * wherever the scale allows. The wording is clear: without lee, every criterion's α is 1.
 */
export function lenientTeamInput(): AuditInput {
  const scores: AuditScore[] = [];
  const units = [
    ...Array.from({ length: DEALS }, (_, i) => ({ key: lenientTeamDeal(i), i, context: 'deal' as const })),
    ...['case-a', 'case-b', 'case-c'].map((key, i) => ({ key, i, context: 'calibration' as const })),
  ];
  for (const { key, i, context } of units) {
    for (const rater of RATERS) {
      const champion = i % 3;
      const given = rater === LENIENT_RATER ? Math.min(2, champion + 1) : champion;
      const metrics = (i + 1) % 3;
      scores.push({
        id: `${rater}:${key}`,
        deal: key,
        rater,
        context,
        scoredAt: Date.UTC(2024, 5, 1 + (i % 20)),
        definitionsVersion: 'two-criteria@2.1.0',
        // The definitions' weighting: Champion 3, Metrics 1, each level's share of its top level.
        total: Math.round((1000 * (3 * (given / 2) + (METRICS_LEVELS[metrics]! - 1) / 9)) / 4) / 10,
        answers: [
          { criterion: 'champion', level: given },
          { criterion: 'metrics', level: METRICS_LEVELS[metrics]! },
        ],
      });
    }
  }
  const outcomes = Array.from({ length: DEALS }, (_, i) => ({
    deal: lenientTeamDeal(i),
    won: lenientTeamWon(i),
    segments: {},
  }));
  return { scores, outcomes, criteria: ['champion', 'metrics'] };
}
