import type { MergeSummary } from './merge-imports';

/** Said with every report built from files: nothing in a file proves who wrote it. */
export const SELF_DECLARED_NOTE =
  'rater names and roles are self-declared: they are what the files say, and a checksum proves a file intact, not who made it';

/**
 * The sentences a report shows under its inputs, in order: that names and roles are self-declared,
 * each file refused for conflicting with another, then each warning of the merge.
 */
export function mergeWarningLines(summary: MergeSummary | null | undefined): string[] {
  if (!summary) return [];
  return [
    ...(summary.selfDeclared ? [SELF_DECLARED_NOTE] : []),
    ...(summary.refused ?? []).map((refused) => refused.error.summary),
    ...(summary.warnings ?? []),
  ];
}
