import type { AuditInput, AuditScore } from '../audit-input';
import type { AuditReport } from '../audit-report';
import { DEFAULT_CLOSED_LOOP } from '../minimums';
import { runAudit } from '../run-audit';
import { seededRandom, type Random } from '../seeded-random';

/** What makes a simulated team disagree. */
export type TeamScenario = 'lenient-rater' | 'noisy-wording' | 'both';

/** Every scenario, in the order the simulation reports them. */
export const TEAM_SCENARIOS: readonly TeamScenario[] = ['lenient-rater', 'noisy-wording', 'both'];

/** The shape of a simulated team: how many deals, raters and levels, and how the raters read. */
export interface TeamShape {
  deals: number;
  raters: number;
  /** Levels 0 … levels − 1. */
  levels: number;
  /** Levels the lenient rater adds to what they read (clamped at the top level). */
  leniency: number;
  /** Chance that a rater reads a clear criterion's true level. */
  clearReadsTrue: number;
  /** Chance that a rater reads a noisy criterion's true level (else one or two levels off). */
  noisyReadsTrue: number;
  /** Share of misreadings that are two levels off rather than one. */
  twoLevelsOff: number;
}

/**
 * The documented minimum team: 18 deals (the closed loop's minimum for a rewrite), 3 raters (the
 * fewest for a median that can tell who differs), 4 levels, one rater a full level lenient.
 */
export const MINIMUM_TEAM: Readonly<TeamShape> = Object.freeze({
  deals: DEFAULT_CLOSED_LOOP.rewriteMinUnits,
  raters: 3,
  levels: 4,
  leniency: 1,
  clearReadsTrue: 0.95,
  noisyReadsTrue: 0.35,
  twoLevelsOff: 0.25,
});

/** The criterion every simulated team scores, and the name of its lenient rater. */
export const SIMULATED_CRITERION = 'criterion';
export const LENIENT_RATER = 'rater-1';

/** A team's scores of one criterion under `scenario`; rater-1 is the lenient one when there is one. */
export function simulateTeam(scenario: TeamScenario, shape: TeamShape, random: Random): AuditInput {
  const noisy = scenario !== 'lenient-rater';
  const lenient = scenario !== 'noisy-wording';
  const top = shape.levels - 1;
  const scores: AuditScore[] = [];
  for (let d = 0; d < shape.deals; d++) {
    const truth = Math.floor(random() * shape.levels);
    for (let r = 1; r <= shape.raters; r++) {
      let level = readLevel(
        truth,
        noisy ? shape.noisyReadsTrue : shape.clearReadsTrue,
        shape.twoLevelsOff,
        top,
        random,
      );
      if (lenient && r === 1) level = Math.min(top, level + shape.leniency);
      scores.push({
        id: `d${d}-r${r}`,
        deal: `deal-${d}`,
        rater: `rater-${r}`,
        context: 'deal',
        scoredAt: 0,
        definitionsVersion: null,
        total: null,
        answers: [{ criterion: SIMULATED_CRITERION, level }],
      });
    }
  }
  return { scores, outcomes: [], criteria: [SIMULATED_CRITERION] };
}

/** The true level with chance `readsTrue`; else one level off, or two in a `twoLevelsOff` share. */
function readLevel(
  truth: number,
  readsTrue: number,
  twoLevelsOff: number,
  top: number,
  random: Random,
): number {
  if (random() < readsTrue) return truth;
  const distance = random() < twoLevelsOff ? 2 : 1;
  const level = truth + (random() < 0.5 ? -distance : distance);
  // Off the scale reads as the nearest level off the other way, so misreadings stay unbiased.
  if (level < 0) return Math.min(top, truth + distance);
  if (level > top) return Math.max(0, truth - distance);
  return level;
}

/** What the audit concluded about one simulated team. */
export interface TeamDiagnosis {
  flaggedRaters: string[];
  /** The criterion is listed for rewriting (the wording is blamed). */
  rewrite: boolean;
  /** The criterion's low α is put on a rater instead, and which one. */
  raterNotWording: string | null;
  /** Ordinal α with every rater (null when it could not be computed). */
  alpha: number | null;
}

/** Reads the findings that matter for rater versus wording out of a report. */
export function diagnose(report: AuditReport): TeamDiagnosis {
  const flaggedRaters = report.raters
    .filter((rater) => rater.robustBias[SIMULATED_CRITERION]?.flagged)
    .map((rater) => rater.id);
  const loop = report.closedLoop;
  return {
    flaggedRaters,
    rewrite: loop.rewrite.some((item) => item.criterion === SIMULATED_CRITERION),
    raterNotWording:
      loop.raterNotWording.find((item) => item.criterion === SIMULATED_CRITERION)?.rater ?? null,
    alpha: report.criteria[0]?.agreement.alpha.ordinal.value ?? null,
  };
}

/**
 * Whether the findings name the right cause: the lenient rater alone is flagged when there is
 * one, no other rater is, and the wording is blamed exactly when it is noisy.
 */
export function namesRightCause(scenario: TeamScenario, diagnosis: TeamDiagnosis): boolean {
  const lenient = scenario !== 'noisy-wording';
  const noisy = scenario !== 'lenient-rater';
  const flaggedRight = lenient
    ? diagnosis.flaggedRaters.length === 1 && diagnosis.flaggedRaters[0] === LENIENT_RATER
    : diagnosis.flaggedRaters.length === 0;
  return flaggedRight && diagnosis.rewrite === noisy;
}

/** Hit rate of one scenario over simulated teams. */
export interface ScenarioHitRate {
  scenario: TeamScenario;
  teams: number;
  rightCause: number;
  /** Teams whose α with every rater fell below the rewrite threshold (the attribution was put to the test). */
  alphaBelowThreshold: number;
  /** Teams where the low α was put on the lenient rater instead of the wording. */
  namedRaterNotWording: number;
}

/** Runs `teams` seeded teams of `scenario` through the whole audit and counts right causes. */
export function scenarioHitRate(
  scenario: TeamScenario,
  shape: TeamShape,
  teams: number,
  seed: number,
): ScenarioHitRate {
  const random = seededRandom(seed);
  let rightCause = 0;
  let alphaBelowThreshold = 0;
  let namedRaterNotWording = 0;
  for (let t = 0; t < teams; t++) {
    const report = runAudit(simulateTeam(scenario, shape, random), {
      asOf: 0,
      bootstrap: false,
      slices: false,
    });
    const diagnosis = diagnose(report);
    if (namesRightCause(scenario, diagnosis)) rightCause++;
    if (diagnosis.alpha !== null && diagnosis.alpha < report.closedLoop.thresholds.rewriteAlphaBelow) {
      alphaBelowThreshold++;
    }
    if (diagnosis.raterNotWording === LENIENT_RATER) namedRaterNotWording++;
  }
  return { scenario, teams, rightCause, alphaBelowThreshold, namedRaterNotWording };
}
