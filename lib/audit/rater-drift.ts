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

const DAY = 86_400_000;

/**
 * Drift: every dated rating of a rater is compared with the mean of the other raters' latest known
 * ratings of the same unit; within a month only the rater's latest rating of a unit counts. Bias is
 * reported per month, and the slope of deviation against time summarises the trend.
 */
export function raterDrift(
  units: readonly (readonly DatedRating[])[],
  options: { minDeviations?: number; minWindowDeviations?: number } = {},
): RaterDrift[] {
  const minDeviations = options.minDeviations ?? DEFAULT_MINIMUMS.driftDeviations;
  const minWindow = options.minWindowDeviations ?? DEFAULT_MINIMUMS.driftWindowDeviations;
  const deviations = new Map<string, { at: number; window: string; deviation: number }[]>();
  for (const unit of units) {
    const latest = new Map<string, DatedRating>();
    for (const rating of unit) {
      const current = latest.get(rating.rater);
      if (!current || (rating.at ?? -Infinity) >= (current.at ?? -Infinity)) latest.set(rating.rater, rating);
    }
    let sum = 0;
    let count = 0;
    for (const rating of latest.values()) {
      if (rating.value === null) continue;
      sum += rating.value;
      count++;
    }
    const perWindow = new Map<string, DatedRating>();
    for (const rating of unit) {
      if (!deviations.has(rating.rater)) deviations.set(rating.rater, []);
      if (rating.value === null || rating.at === null) continue;
      const key = `${rating.rater}\u0000${monthOf(rating.at)}`;
      const current = perWindow.get(key);
      if (!current || rating.at >= current.at!) perWindow.set(key, rating);
    }
    for (const rating of perWindow.values()) {
      const own = latest.get(rating.rater)!;
      const othersCount = own.value === null ? count : count - 1;
      if (othersCount < 1) continue;
      const othersMean = (own.value === null ? sum : sum - own.value) / othersCount;
      deviations.get(rating.rater)!.push({
        at: rating.at!,
        window: monthOf(rating.at!),
        deviation: rating.value! - othersMean,
      });
    }
  }
  return [...deviations.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rater, list]) => ({
      rater,
      windows: windowsOf(list, minWindow),
      slopePer30Days: slopeOf(list, minDeviations, deviations.size),
    }));
}

function monthOf(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

function windowsOf(list: readonly { window: string; deviation: number }[], minimum: number): DriftWindow[] {
  const byWindow = new Map<string, { n: number; sum: number }>();
  for (const { window, deviation } of list) {
    const entry = byWindow.get(window) ?? { n: 0, sum: 0 };
    entry.n++;
    entry.sum += deviation;
    byWindow.set(window, entry);
  }
  return [...byWindow.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([window, { n, sum }]) => ({
      window,
      bias: n >= minimum ? known(sum / n, n) : insufficient(n, 'deviations in the month', minimum),
    }));
}

function slopeOf(
  list: readonly { at: number; window: string; deviation: number }[],
  minimum: number,
  raters: number,
): Figure & { se: number | null } {
  const n = list.length;
  if (raters <= 1) return { ...missing(n, 'one rater', 'there is no other rater to compare with'), se: null };
  if (n < minimum) return { ...insufficient(n, 'dated deviations', minimum), se: null };
  const windows = new Set(list.map((entry) => entry.window));
  if (windows.size < 2) {
    return {
      ...missing(n, 'insufficient data', 'all dated deviations fall in one month (minimum 2 months)'),
      se: null,
    };
  }
  const origin = list[0]!.at;
  let meanX = 0;
  let meanY = 0;
  for (const { at, deviation } of list) {
    meanX += (at - origin) / DAY / n;
    meanY += deviation / n;
  }
  let sxx = 0;
  let sxy = 0;
  for (const { at, deviation } of list) {
    const dx = (at - origin) / DAY - meanX;
    sxx += dx * dx;
    sxy += dx * (deviation - meanY);
  }
  const slope = sxy / sxx;
  let residuals = 0;
  for (const { at, deviation } of list) {
    const fitted = meanY + slope * ((at - origin) / DAY - meanX);
    residuals += (deviation - fitted) ** 2;
  }
  const se = n > 2 ? Math.sqrt(residuals / (n - 2) / sxx) * 30 : null;
  return { ...known(slope * 30, n), se };
}
