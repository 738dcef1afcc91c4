import { insufficient, known, missing, type Figure } from './figure';
import { DEFAULT_MINIMUMS } from './minimums';

/** One rating in a unit's history: `at` is epoch milliseconds (null when undated). */
export interface DatedRating {
  rater: string;
  value: number | null;
  at: number | null;
}

/** A rater's bias within one calendar month (UTC). */
export interface DriftWindow {
  /** `YYYY-MM`. */
  window: string;
  bias: Figure;
}

/** How a rater's bias moves over time. */
export interface RaterDrift {
  rater: string;
  windows: DriftWindow[];
  /** Least-squares slope of deviation against time, in level units per 30 days; n = deviations. */
  slopePer30Days: Figure & { se: number | null };
}

/** Options for the drift computation. */
export interface DriftOptions {
  minDeviations?: number;
  minWindowDeviations?: number;
}

/**
 * Indexed ratings for {@link raterDriftIndexed}: rating i of the data is by rater `raterOf[i]`,
 * with `valueOf(i)` (NaN = missing) at `timeOf(i)` (non-finite = undated).
 */
export interface IndexedRatings {
  raterNames: readonly string[];
  raterOf: ArrayLike<number>;
  valueOf: (i: number) => number;
  timeOf: (i: number) => number;
}

const DAY = 86_400_000;

/**
 * Drift: every dated rating of a rater is compared with the mean of the other raters' latest known
 * ratings of the same unit; within a month only the rater's latest rating of a unit counts. Bias is
 * reported per month, and the slope of deviation against time summarises the trend.
 */
export function raterDrift(
  units: readonly (readonly DatedRating[])[],
  options: DriftOptions = {},
): RaterDrift[] {
  const raterIndex = new Map<string, number>();
  const raterOf: number[] = [];
  const values: number[] = [];
  const times: number[] = [];
  const groups: number[][] = [];
  for (const unit of units) {
    const group: number[] = [];
    for (const rating of unit) {
      let rater = raterIndex.get(rating.rater);
      if (rater === undefined) {
        rater = raterIndex.size;
        raterIndex.set(rating.rater, rater);
      }
      group.push(raterOf.length);
      raterOf.push(rater);
      values.push(rating.value ?? NaN);
      times.push(rating.at ?? -Infinity);
    }
    groups.push(group);
  }
  return raterDriftIndexed(
    groups,
    { raterNames: [...raterIndex.keys()], raterOf, valueOf: (i) => values[i]!, timeOf: (i) => times[i]! },
    options,
  );
}

/** {@link raterDrift} over indexed data: `groups` lists the rating indices of each unit. */
export function raterDriftIndexed(
  groups: Iterable<readonly number[]>,
  data: IndexedRatings,
  options: DriftOptions = {},
): RaterDrift[] {
  const minDeviations = options.minDeviations ?? DEFAULT_MINIMUMS.driftDeviations;
  const minWindow = options.minWindowDeviations ?? DEFAULT_MINIMUMS.driftWindowDeviations;
  const { raterOf, valueOf, timeOf } = data;
  const raters = data.raterNames.length;
  const seen = new Uint8Array(raters);
  const at: number[][] = data.raterNames.map(() => []);
  const month: number[][] = data.raterNames.map(() => []);
  const deviation: number[][] = data.raterNames.map(() => []);
  const monthOf = monthIndexer();
  const latestRater: number[] = [];
  const latestIndex: number[] = [];
  const windowKey: number[] = [];
  const windowIndex: number[] = [];
  for (const group of groups) {
    latestRater.length = 0;
    latestIndex.length = 0;
    for (const i of group) {
      const rater = raterOf[i]!;
      seen[rater] = 1;
      const slot = latestRater.indexOf(rater);
      if (slot < 0) {
        latestRater.push(rater);
        latestIndex.push(i);
      } else if (timeOf(i) >= timeOf(latestIndex[slot]!)) latestIndex[slot] = i;
    }
    let sum = 0;
    let count = 0;
    for (const i of latestIndex) {
      const value = valueOf(i);
      if (Number.isNaN(value)) continue;
      sum += value;
      count++;
    }
    if (count === 0) continue;
    windowKey.length = 0;
    windowIndex.length = 0;
    for (const i of group) {
      const time = timeOf(i);
      if (Number.isNaN(valueOf(i)) || !Number.isFinite(time)) continue;
      const key = raterOf[i]! * 1_000_000 + monthOf(time);
      const slot = windowKey.indexOf(key);
      if (slot < 0) {
        windowKey.push(key);
        windowIndex.push(i);
      } else if (time >= timeOf(windowIndex[slot]!)) windowIndex[slot] = i;
    }
    for (let w = 0; w < windowIndex.length; w++) {
      const i = windowIndex[w]!;
      const rater = raterOf[i]!;
      const own = valueOf(latestIndex[latestRater.indexOf(rater)]!);
      const ownKnown = !Number.isNaN(own);
      const others = ownKnown ? count - 1 : count;
      if (others < 1) continue;
      at[rater]!.push(timeOf(i));
      month[rater]!.push(windowKey[w]! % 1_000_000);
      deviation[rater]!.push(valueOf(i) - (ownKnown ? sum - own : sum) / others);
    }
  }
  const present = data.raterNames.map((name, r) => ({ name, r })).filter(({ r }) => seen[r] === 1);
  return present
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, r }) => ({
      rater: name,
      windows: windowsOf(month[r]!, deviation[r]!, minWindow),
      slopePer30Days: slopeOf(at[r]!, month[r]!, deviation[r]!, minDeviations, present.length),
    }));
}

/** Month number (year × 12 + month, UTC) of a time, cached per day: Date is slow in a hot loop. */
function monthIndexer(): (time: number) => number {
  const cache = new Map<number, number>();
  return (time) => {
    const day = Math.floor(time / DAY);
    let result = cache.get(day);
    if (result === undefined) {
      const date = new Date(time);
      result = date.getUTCFullYear() * 12 + date.getUTCMonth();
      cache.set(day, result);
    }
    return result;
  };
}

function monthName(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function windowsOf(months: readonly number[], deviations: readonly number[], minimum: number): DriftWindow[] {
  const byWindow = new Map<number, { n: number; sum: number }>();
  months.forEach((month, k) => {
    const entry = byWindow.get(month) ?? { n: 0, sum: 0 };
    entry.n++;
    entry.sum += deviations[k]!;
    byWindow.set(month, entry);
  });
  return [...byWindow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([month, { n, sum }]) => ({
      window: monthName(month),
      bias: n >= minimum ? known(sum / n, n) : insufficient(n, 'deviations in the month', minimum),
    }));
}

function slopeOf(
  times: readonly number[],
  months: readonly number[],
  deviations: readonly number[],
  minimum: number,
  raters: number,
): Figure & { se: number | null } {
  const n = times.length;
  if (raters <= 1) return { ...missing(n, 'one rater', 'there is no other rater to compare with'), se: null };
  if (n < minimum) return { ...insufficient(n, 'dated deviations', minimum), se: null };
  if (new Set(months).size < 2) {
    return {
      ...missing(n, 'insufficient data', 'all dated deviations fall in one month (minimum 2 months)'),
      se: null,
    };
  }
  const origin = times[0]!;
  let meanX = 0;
  let meanY = 0;
  for (let k = 0; k < n; k++) {
    meanX += (times[k]! - origin) / DAY / n;
    meanY += deviations[k]! / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (let k = 0; k < n; k++) {
    const dx = (times[k]! - origin) / DAY - meanX;
    sxx += dx * dx;
    sxy += dx * (deviations[k]! - meanY);
  }
  const slope = sxy / sxx;
  let residuals = 0;
  for (let k = 0; k < n; k++) {
    const fitted = meanY + slope * ((times[k]! - origin) / DAY - meanX);
    residuals += (deviations[k]! - fitted) ** 2;
  }
  const se = n > 2 ? Math.sqrt(residuals / (n - 2) / sxx) * 30 : null;
  return { ...known(slope * 30, n), se };
}
