import type { Band, Criterion, Definitions } from '../definitions/schema-v1';
import type { Answer } from './answer';
import { levelOf } from './level-of';

/** What one criterion contributes to the total. */
export interface CriterionContribution {
  criterionId: string;
  level: number | null;
  /** Share of the criterion's range reached, 0–1; null when Unknown. */
  attainment: number | null;
  /** Points this criterion adds to the 0–100 total. */
  points: number;
  /** Points it could add at most (its weight's share of 100). */
  maxPoints: number;
}

/** The result of scoring a deal against definitions. */
export interface ScoreResult {
  /** 0–100, one decimal. Unknown criteria earn no points. */
  total: number;
  /** The total the deal would reach if every Unknown criterion turned out at its top level. */
  ceiling: number;
  band: Band;
  knownCount: number;
  unknownCount: number;
  contributions: CriterionContribution[];
}

/** Thrown when an answer names a level the criterion does not have: a programming error upstream. */
export class UnknownLevelError extends Error {
  override name = 'UnknownLevelError';
}

/**
 * Scores answers against definitions:
 * total = 100 × Σ wᵢ·aᵢ / Σ wᵢ over all criteria, where aᵢ = (levelᵢ − lowestᵢ) / (highestᵢ − lowestᵢ)
 * for a known answer and 0 for Unknown. `ceiling` counts Unknown criteria as aᵢ = 1.
 */
export function computeScore(definitions: Definitions, answers: readonly Answer[]): ScoreResult {
  const totalWeight = definitions.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const contributions = definitions.criteria.map((criterion) =>
    contributionOf(criterion, levelOf(answers, criterion.id), totalWeight),
  );
  const rawTotal = contributions.reduce((sum, c) => sum + c.points, 0);
  const rawUnknownPoints = contributions
    .filter((c) => c.level === null)
    .reduce((sum, c) => sum + c.maxPoints, 0);
  const total = roundToTenth(rawTotal);
  return {
    total,
    ceiling: roundToTenth(rawTotal + rawUnknownPoints),
    band: bandFor(definitions.bands, total),
    knownCount: contributions.filter((c) => c.level !== null).length,
    unknownCount: contributions.filter((c) => c.level === null).length,
    contributions,
  };
}

/** Finds the band a 0–100 total falls in: `min` inclusive, `max` exclusive, except 100 in the top band. */
export function bandFor(bands: readonly Band[], total: number): Band {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const band = sorted.find((b) => total >= b.min && total < b.max) ?? sorted.findLast((b) => total >= b.min);
  if (!band) throw new RangeError(`No band covers ${total}; definitions validation should have caught this`);
  return band;
}

function contributionOf(
  criterion: Criterion,
  level: number | null,
  totalWeight: number,
): CriterionContribution {
  const maxPoints = (100 * criterion.weight) / totalWeight;
  if (level === null) return { criterionId: criterion.id, level, attainment: null, points: 0, maxPoints };
  if (!criterion.levels.some((l) => l.value === level)) {
    throw new UnknownLevelError(`Criterion "${criterion.id}" has no level ${level}`);
  }
  const lowest = criterion.levels[0]!.value;
  const highest = criterion.levels.at(-1)!.value;
  const attainment = (level - lowest) / (highest - lowest);
  return { criterionId: criterion.id, level, attainment, points: attainment * maxPoints, maxPoints };
}

function roundToTenth(value: number): number {
  return Math.round(value * 10) / 10;
}
