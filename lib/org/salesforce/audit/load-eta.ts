/** What the progress bar shows besides the count: the share done and the time left, when known. */
export interface LoadEta {
  /** 0–1, or null while the org has not said the total. */
  fraction: number | null;
  /** Milliseconds left at the rate so far, or null while it cannot be told. */
  remainingMs: number | null;
}

/**
 * Estimates a load's remaining time from the rows read since it started, at the average rate so far;
 * unknown until the total is known and at least one row was read.
 */
export function estimateRemaining(rowsRead: number, total: number | null, elapsedMs: number): LoadEta {
  if (total === null || total <= 0) return { fraction: null, remainingMs: null };
  const fraction = Math.min(1, rowsRead / total);
  if (rowsRead <= 0 || elapsedMs <= 0) return { fraction, remainingMs: null };
  const remaining = Math.max(0, total - rowsRead);
  return { fraction, remainingMs: Math.round((remaining * elapsedMs) / rowsRead) };
}
