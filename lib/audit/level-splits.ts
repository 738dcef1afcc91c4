/** How many pairs of ratings of the same unit picked one level, or two different levels. */
export interface LevelPair {
  low: number;
  high: number;
  pairs: number;
}

/** How the raters' picks on one criterion split: where they agreed and which levels they confused. */
export interface LevelSplits {
  /** Per level (low = high), rating pairs on a shared unit where both raters picked it, by level. */
  agreed: LevelPair[];
  /** Per two different levels, rating pairs on a shared unit split between them, most pairs first. */
  confused: LevelPair[];
}

/**
 * Counts every pair of ratings of the same unit (each unit's known levels, ≥ 2 of them) by the two
 * levels picked: the pairs behind α's coincidences, in level values a manager can read.
 */
export function levelSplits(units: Iterable<readonly number[]>): LevelSplits {
  const counts = new Map<string, LevelPair>();
  for (const unit of units) {
    for (let i = 0; i < unit.length; i++) {
      for (let j = i + 1; j < unit.length; j++) {
        const low = Math.min(unit[i]!, unit[j]!);
        const high = Math.max(unit[i]!, unit[j]!);
        const key = `${low}:${high}`;
        const pair = counts.get(key);
        if (pair) pair.pairs++;
        else counts.set(key, { low, high, pairs: 1 });
      }
    }
  }
  const all = [...counts.values()];
  return {
    agreed: all.filter((pair) => pair.low === pair.high).sort((a, b) => a.low - b.low),
    confused: all
      .filter((pair) => pair.low !== pair.high)
      .sort((a, b) => b.pairs - a.pairs || a.low - b.low || a.high - b.high),
  };
}

/** The confused pairs that involve `level`, most pairs first. */
export function confusionsOf(splits: LevelSplits, level: number): LevelPair[] {
  return splits.confused.filter((pair) => pair.low === level || pair.high === level);
}
