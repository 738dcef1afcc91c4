import type { AuditScore } from '../audit/audit-input';
import type { Definitions } from '../definitions/schema-v1';
import { computeScore } from '../scoring/compute-score';

/**
 * CSV rows carry no total. With definitions it is computed exactly as the extension does; without,
 * every criterion weighs the same and its levels span the range observed in the input.
 */
export function fillCsvTotals(
  csvScores: AuditScore[],
  all: readonly AuditScore[],
  definitions: Definitions | null,
): void {
  if (csvScores.length === 0) return;
  if (definitions) {
    for (const score of csvScores) {
      const answers = score.answers.map((answer) => ({
        criterionId: answer.criterion,
        level: answer.level,
        evidence: '',
      }));
      (score as { total: number | null }).total = computeScore(definitions, answers).total;
    }
    return;
  }
  const range = new Map<string, { low: number; high: number }>();
  for (const score of all) {
    for (const { criterion, level } of score.answers) {
      if (level === null) continue;
      const entry = range.get(criterion);
      if (!entry) range.set(criterion, { low: level, high: level });
      else {
        entry.low = Math.min(entry.low, level);
        entry.high = Math.max(entry.high, level);
      }
    }
  }
  const varying = [...range.entries()].filter(([, r]) => r.high > r.low);
  for (const score of csvScores) {
    if (varying.length === 0) continue;
    let attained = 0;
    for (const [criterion, { low, high }] of varying) {
      const level = score.answers.find((answer) => answer.criterion === criterion)?.level ?? null;
      if (level !== null) attained += (level - low) / (high - low);
    }
    (score as { total: number | null }).total = (100 * attained) / varying.length;
  }
}
