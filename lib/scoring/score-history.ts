import type { ScoreRecord } from './score-record';

/**
 * Merges pages of one deal's history into one, newest first, each score once: the order the
 * database's `[dealKey+savedAt]` index gives when read backwards (ties by id, also backwards).
 * History is append-only, so a score shown from an older page is still true in a newer one.
 */
export function mergeScoreHistory(
  pages: readonly (readonly ScoreRecord[])[],
  limit: number = Number.POSITIVE_INFINITY,
): ScoreRecord[] {
  const byId = new Map<string, ScoreRecord>();
  for (const page of pages) for (const score of page) if (!byId.has(score.id)) byId.set(score.id, score);
  return [...byId.values()].sort(newestFirst).slice(0, limit);
}

function newestFirst(a: ScoreRecord, b: ScoreRecord): number {
  if (a.savedAt !== b.savedAt) return a.savedAt < b.savedAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
