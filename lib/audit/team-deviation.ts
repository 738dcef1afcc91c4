import type { AuditReport } from './audit-report';

/** A rater who scores one criterion differently from the rest of the team. */
export interface RaterDifference {
  rater: string;
  criterion: string;
  /** Own rating minus the team's typical rating, in level units: positive is more lenient. */
  levels: number;
  /** Deals the rater shares with colleagues on this criterion. */
  deals: number;
  /** |difference| in standard errors of the rater's bias; null without one. */
  z: number | null;
}

/** Below this many levels from the team a rater is "in line with the team". */
export const IN_LINE_LEVELS = 0.5;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Each rater's difference from the team's median rater, per criterion, from the report's
 * "own − mean of the others" biases. With k raters on the same deals that bias is k/(k−1) times
 * the rater's distance from the team mean, so the distances are recovered and measured from their
 * median, which one lenient rater does not pull. Exact when every rater rates every deal; an
 * approximation otherwise, until the report carries a robust bias of its own.
 */
export function teamDifferences(
  report: Pick<AuditReport, 'raters' | 'criteria'>,
): Map<string, Map<string, number>> {
  const byCriterion = new Map<string, Map<string, number>>();
  for (const { id } of report.criteria) {
    const biases = report.raters.flatMap((rater) => {
      const value = rater.bias[id]?.value;
      return value === null || value === undefined ? [] : [[rater.id, value] as const];
    });
    if (biases.length < 2) continue;
    const k = biases.length;
    const fromMean = biases.map(([rater, bias]) => [rater, (bias * (k - 1)) / k] as const);
    const centre = median(fromMean.map(([, distance]) => distance));
    byCriterion.set(id, new Map(fromMean.map(([rater, distance]) => [rater, distance - centre])));
  }
  return byCriterion;
}

/** Raters at least {@link IN_LINE_LEVELS} from the team's median rater, per criterion. */
export function teamDeviations(report: AuditReport, inLine = IN_LINE_LEVELS): RaterDifference[] {
  const differences: RaterDifference[] = [];
  const byCriterion = teamDifferences(report);
  for (const rater of report.raters) {
    for (const [criterion, distances] of byCriterion) {
      const levels = distances.get(rater.id);
      if (levels === undefined || Math.abs(levels) < inLine) continue;
      const bias = rater.bias[criterion]!;
      const k = distances.size;
      // The standard error of the bias scaled like the distance it was recovered into.
      const se = bias.se === null || bias.se === 0 ? null : (bias.se * (k - 1)) / k;
      differences.push({
        rater: rater.id,
        criterion,
        levels,
        deals: bias.n,
        z: se === null ? null : Math.abs(levels) / se,
      });
    }
  }
  return differences;
}
