/**
 * Format 0 was the pilot format: `name` instead of `title`, optional weights (1 when absent),
 * no `stages` and no `bands` (the pilot's fixed three bands). Format 1 makes all of them explicit.
 */
export function migrateV0ToV1(v0: Record<string, unknown>): Record<string, unknown> {
  const { name, criteria, ...rest } = v0;
  return {
    ...rest,
    schemaVersion: 1,
    title: rest.title ?? name,
    criteria: Array.isArray(criteria)
      ? criteria.map((criterion: unknown) =>
          isRecord(criterion) && criterion.weight === undefined ? { ...criterion, weight: 1 } : criterion,
        )
      : criteria,
    stages: rest.stages ?? [],
    bands: rest.bands ?? [
      { id: 'unqualified', label: 'Unqualified', min: 0, max: 40 },
      { id: 'developing', label: 'Developing', min: 40, max: 70 },
      { id: 'qualified', label: 'Qualified', min: 70, max: 100 },
    ],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
