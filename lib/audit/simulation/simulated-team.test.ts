import {
  diagnose,
  LENIENT_RATER,
  MINIMUM_TEAM,
  namesRightCause,
  scenarioHitRate,
  simulateTeam,
  SIMULATED_CRITERION,
} from './simulated-team';
import { runAudit } from '../run-audit';
import { seededRandom } from '../seeded-random';

describe('simulated teams', () => {
  it('scores every deal once per rater, the lenient rater never below the level it read', () => {
    const input = simulateTeam('lenient-rater', { ...MINIMUM_TEAM, clearReadsTrue: 1 }, seededRandom(3));
    expect(input.scores).toHaveLength(MINIMUM_TEAM.deals * MINIMUM_TEAM.raters);
    const byDeal = new Map<string, Map<string, number>>();
    for (const score of input.scores) {
      const deal = byDeal.get(score.deal) ?? new Map<string, number>();
      deal.set(score.rater, score.answers[0]!.level!);
      byDeal.set(score.deal, deal);
    }
    for (const ratings of byDeal.values()) {
      const accurate = ratings.get('rater-2')!;
      expect(ratings.get('rater-3')).toBe(accurate);
      expect(ratings.get(LENIENT_RATER)).toBe(Math.min(MINIMUM_TEAM.levels - 1, accurate + 1));
    }
  });

  it('is reproducible: the same seed gives the same team', () => {
    expect(simulateTeam('both', MINIMUM_TEAM, seededRandom(9))).toEqual(
      simulateTeam('both', MINIMUM_TEAM, seededRandom(9)),
    );
  });

  it('names the right cause only when both the rater and the wording verdicts are right', () => {
    const clean = { flaggedRaters: [], rewrite: false, raterNotWording: null, alpha: 0.9 };
    expect(namesRightCause('lenient-rater', { ...clean, flaggedRaters: [LENIENT_RATER] })).toBe(true);
    expect(
      namesRightCause('lenient-rater', { ...clean, flaggedRaters: [LENIENT_RATER], rewrite: true }),
    ).toBe(false);
    expect(namesRightCause('lenient-rater', { ...clean, flaggedRaters: [LENIENT_RATER, 'rater-2'] })).toBe(
      false,
    );
    expect(namesRightCause('noisy-wording', { ...clean, rewrite: true })).toBe(true);
    expect(namesRightCause('noisy-wording', { ...clean, rewrite: true, flaggedRaters: ['rater-3'] })).toBe(
      false,
    );
    expect(namesRightCause('both', { ...clean, rewrite: true, flaggedRaters: [LENIENT_RATER] })).toBe(true);
    expect(namesRightCause('both', { ...clean, rewrite: true })).toBe(false);
  });

  it('puts a lenient rater with clear wording on the rater, not the wording (whole audit)', () => {
    // Every accurate reading right: α with the lenient rater is low, without them 1.
    const shape = { ...MINIMUM_TEAM, deals: 20, clearReadsTrue: 1 };
    const report = runAudit(simulateTeam('lenient-rater', shape, seededRandom(3)), {
      asOf: 0,
      bootstrap: false,
      slices: false,
    });
    const diagnosis = diagnose(report);
    expect(diagnosis.flaggedRaters).toEqual([LENIENT_RATER]);
    expect(diagnosis.rewrite).toBe(false);
    expect(diagnosis.alpha).toBeLessThan(0.667);
    expect(diagnosis.raterNotWording).toBe(LENIENT_RATER);
    const item = report.closedLoop.raterNotWording[0]!;
    expect(item).toMatchObject({
      criterion: SIMULATED_CRITERION,
      rater: LENIENT_RATER,
      alphaWithoutRater: 1,
    });
    expect(item.why).toMatch(/without rater-1/);
  });

  it('counts hits over seeded teams, the same counts for the same seed', () => {
    const run = () => scenarioHitRate('noisy-wording', { ...MINIMUM_TEAM, deals: 20 }, 6, 11);
    const first = run();
    expect(first).toEqual(run());
    expect(first.teams).toBe(6);
    expect(first.alphaBelowThreshold).toBe(6);
    expect(first.rightCause).toBeGreaterThanOrEqual(5);
    expect(first.namedRaterNotWording).toBe(0);
  });
});
