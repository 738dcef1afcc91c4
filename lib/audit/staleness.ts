import { quantileOfSorted } from './descriptive-statistics';
import { known, missing, type Figure } from './figure';

/** Age of the latest score of each scored deal, as of a date. */
export interface Staleness {
  asOf: string;
  staleAfterDays: number;
  /** Deals whose latest score is dated. */
  n: number;
  medianDays: Figure;
  p90Days: Figure;
  maxDays: Figure;
  /** Share of those deals whose latest score is older than `staleAfterDays`. */
  staleShare: Figure;
}

const DAY = 86_400_000;

/** Staleness from the latest score time (epoch ms) of every scored deal. */
export function staleness(
  latestScoredAt: readonly number[],
  asOf: number,
  staleAfterDays: number,
): Staleness {
  const ages = Float64Array.from(latestScoredAt, (at) => (asOf - at) / DAY).sort();
  const n = ages.length;
  const base = { asOf: new Date(asOf).toISOString(), staleAfterDays, n };
  if (n === 0) {
    const none = missing(0, 'insufficient data', 'no dated scores');
    return { ...base, medianDays: none, p90Days: none, maxDays: none, staleShare: none };
  }
  let stale = 0;
  for (const age of ages) if (age > staleAfterDays) stale++;
  return {
    ...base,
    medianDays: known(quantileOfSorted(ages, 0.5)!, n),
    p90Days: known(quantileOfSorted(ages, 0.9)!, n),
    maxDays: known(ages[n - 1]!, n),
    staleShare: known(stale / n, n),
  };
}
