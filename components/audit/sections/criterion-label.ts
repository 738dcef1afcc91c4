/** Criterion id → name, from the definitions the report reads. */
export type CriterionNames = Readonly<Record<string, string>>;

/** A criterion's name when the definitions give one, else its id. */
export const criterionLabel = (names: CriterionNames, id: string): string => names[id] ?? id;
