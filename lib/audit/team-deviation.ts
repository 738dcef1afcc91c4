import type { AuditReport } from './audit-report';
import { DEFAULT_BIAS_FLAG } from './minimums';

/** A rater whose robust bias on one criterion is flagged: they score it differently from the team. */
export interface RaterDifference {
  rater: string;
  criterion: string;
  /** The rater's robust bias, in levels: positive is more lenient than the team. */
  levels: number;
  /** Units the bias rests on: real deals… */
  deals: number;
  /** …and calibration cases, counted apart. */
  calibrationCases: number;
  /** |bias| in standard errors; null without one. */
  z: number | null;
}

/** Within this many levels of the team a rater is "in line with the team" (the flag rule's default). */
export const IN_LINE_LEVELS = DEFAULT_BIAS_FLAG.atLeastLevels;

/**
 * Each rater's robust bias per criterion (criterion → rater → levels): the report's measure from
 * the team's consensus, which one lenient rater does not pull. Raters without one are absent.
 */
export function teamDifferences(
  report: Pick<AuditReport, 'raters' | 'criteria'>,
): Map<string, Map<string, number>> {
  const byCriterion = new Map<string, Map<string, number>>();
  for (const { id } of report.criteria) {
    const distances = new Map<string, number>();
    for (const rater of report.raters) {
      const value = rater.robustBias[id]?.value;
      if (value !== null && value !== undefined) distances.set(rater.id, value);
    }
    if (distances.size > 0) byCriterion.set(id, distances);
  }
  return byCriterion;
}

/** The raters the report flags per criterion (robust bias beyond the report's `biasFlag` rule). */
export function teamDeviations(report: Pick<AuditReport, 'raters' | 'criteria'>): RaterDifference[] {
  const differences: RaterDifference[] = [];
  for (const rater of report.raters) {
    for (const { id } of report.criteria) {
      const bias = rater.robustBias[id];
      if (!bias?.flagged || bias.value === null) continue;
      const calibrationCases = bias.calibrationCases ?? 0;
      differences.push({
        rater: rater.id,
        criterion: id,
        levels: bias.value,
        deals: bias.n - calibrationCases,
        calibrationCases,
        z: bias.se === null || bias.se === 0 ? null : Math.abs(bias.value) / bias.se,
      });
    }
  }
  return differences;
}
