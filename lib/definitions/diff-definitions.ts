import type { Criterion, Definitions } from './schema-v1';

/** How one criterion differs between two definitions versions. */
export type CriterionChange =
  | { kind: 'added'; criterionId: string; name: string }
  | { kind: 'removed'; criterionId: string; name: string }
  | { kind: 'changed'; criterionId: string; name: string; details: string[] };

/** Lists criteria added, removed, reworded, reweighted or with changed levels, from `before` to `after`. */
export function diffDefinitions(before: Definitions, after: Definitions): CriterionChange[] {
  const changes: CriterionChange[] = [];
  const beforeById = new Map(before.criteria.map((c) => [c.id, c]));
  const afterIds = new Set(after.criteria.map((c) => c.id));
  for (const criterion of after.criteria) {
    const previous = beforeById.get(criterion.id);
    if (!previous) {
      changes.push({ kind: 'added', criterionId: criterion.id, name: criterion.name });
      continue;
    }
    const details = describeChanges(previous, criterion);
    if (details.length > 0)
      changes.push({ kind: 'changed', criterionId: criterion.id, name: criterion.name, details });
  }
  for (const criterion of before.criteria) {
    if (!afterIds.has(criterion.id))
      changes.push({ kind: 'removed', criterionId: criterion.id, name: criterion.name });
  }
  return changes;
}

function describeChanges(before: Criterion, after: Criterion): string[] {
  const details: string[] = [];
  if (before.name !== after.name) details.push(`renamed from “${before.name}”`);
  if (before.question !== after.question) details.push('question reworded');
  if (before.definition !== after.definition) details.push('definition reworded');
  if (before.weight !== after.weight) details.push(`weight ${before.weight} → ${after.weight}`);
  const beforeValues = before.levels.map((l) => l.value).join(',');
  const afterValues = after.levels.map((l) => l.value).join(',');
  if (beforeValues !== afterValues) {
    details.push(`levels changed (${before.levels.length} → ${after.levels.length})`);
  } else {
    const reworded = after.levels.filter((level, index) => {
      const old = before.levels[index];
      return old && (old.label !== level.label || old.evidence !== level.evidence);
    });
    if (reworded.length > 0) details.push(`evidence reworded for ${reworded.map((l) => l.label).join(', ')}`);
  }
  if (JSON.stringify(before.gates ?? {}) !== JSON.stringify(after.gates ?? {}))
    details.push('stage gates changed');
  return details;
}
