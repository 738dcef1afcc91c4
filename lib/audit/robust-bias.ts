import { insufficient, known, missing, type Figure } from './figure';
import { DEFAULT_BIAS_FLAG, DEFAULT_MINIMUMS, type BiasFlagRule } from './minimums';

/**
 * A rater's bias measured from the team's consensus (raters set aside as outliers excluded), and
 * whether it is large and steady enough to name the rater. One lenient rater moves no one else's.
 */
export type RobustBiasFigure = Figure & {
  /** Standard error of the rater's effect (residual sd / √n), when n ≥ 2. */
  se: number | null;
  /** Set aside as an outlier: ≥ `atLeastLevels` from the others and ≥ `atLeastStandardErrors` standard errors. */
  flagged: boolean;
  /** How many of the n units are calibration cases (the rest are deals); set by the audit. */
  calibrationCases?: number;
};

/** One rater's robust bias on one criterion. */
export interface RaterRobustBias {
  rater: string;
  bias: RobustBiasFigure;
}

/** Options for {@link robustRaterBias}. */
export interface RobustBiasOptions {
  /** Fewer units shared with another rater gives "insufficient data". */
  minUnits?: number;
  flagRule?: BiasFlagRule;
}

/** The fewest raters for telling who differs: with two, either could be the one. */
export const RATERS_FOR_MEDIAN = 3;

/** Sweeps of the additive fit; each halves the error or better, and designs here converge in a few. */
const MAX_SWEEPS = 200;

/**
 * Robust rater bias: fits the additive model rating = deal level + rater effect (least squares,
 * by alternating means over units with ≥ 2 known ratings), sets aside outlying raters one at a
 * time (leave-one-out: each rater against the others, deal by deal), and measures every effect from
 * the mean of the raters kept, so one lenient rater moves no one else's figure. n = the rater's
 * units. `groups` lists rating indices per unit, NaN = missing; raters sorted by id.
 */
export function robustRaterBias(
  groups: Iterable<readonly number[]>,
  raterNames: readonly string[],
  raterOf: ArrayLike<number>,
  valueOf: (i: number) => number,
  options: RobustBiasOptions = {},
): RaterRobustBias[] {
  const minUnits = options.minUnits ?? DEFAULT_MINIMUMS.biasUnits;
  const rule = options.flagRule ?? DEFAULT_BIAS_FLAG;
  const raters = raterNames.length;
  const seen = new Uint8Array(raters);
  const units: { rater: number; value: number }[][] = [];
  for (const group of groups) {
    const ratings: { rater: number; value: number }[] = [];
    for (const i of group) {
      seen[raterOf[i]!] = 1;
      const value = valueOf(i);
      if (!Number.isNaN(value)) ratings.push({ rater: raterOf[i]!, value });
    }
    if (ratings.length >= 2) units.push(ratings);
  }
  const effect = new Float64Array(raters);
  const level = new Float64Array(units.length);
  const n = new Float64Array(raters);
  for (const unit of units) for (const { rater } of unit) n[rater]!++;
  const sums = new Float64Array(raters);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    units.forEach((unit, u) => {
      let sum = 0;
      for (const { rater, value } of unit) sum += value - effect[rater]!;
      level[u] = sum / unit.length;
    });
    sums.fill(0);
    units.forEach((unit, u) => {
      for (const { rater, value } of unit) sums[rater]! += value - level[u]!;
    });
    let change = 0;
    for (let r = 0; r < raters; r++) {
      if (n[r] === 0) continue;
      const next = sums[r]! / n[r]!;
      change = Math.max(change, Math.abs(next - effect[r]!));
      effect[r] = next;
    }
    if (change < 1e-10) break;
  }
  const se = new Float64Array(raters);
  units.forEach((unit, u) => {
    for (const { rater, value } of unit) se[rater]! += (value - level[u]! - effect[rater]!) ** 2;
  });
  for (let r = 0; r < raters; r++) se[r] = n[r]! >= 2 ? Math.sqrt(se[r]! / (n[r]! - 1) / n[r]!) : NaN;
  const { reference, outliers } = teamReference(units, effect, n, minUnits, rule);
  const present = raterNames.map((name, r) => ({ name, r })).filter(({ r }) => seen[r] === 1);
  return present
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map(({ name, r }) => ({
      rater: name,
      bias: robustBiasFigure(
        n[r]!,
        effect[r]! - reference,
        se[r]!,
        minUnits,
        outliers.has(r),
        present.length,
      ),
    }));
}

/**
 * The team's reference effect: the mean effect of the raters left after setting aside, one at a
 * time, the rater furthest from the others (in standard errors) while that rater passes the flag
 * rule. A majority always stays, and with fewer than 3 raters nobody is set aside.
 */
function teamReference(
  units: readonly { rater: number; value: number }[][],
  effect: Float64Array,
  n: Float64Array,
  minUnits: number,
  rule: BiasFlagRule,
): { reference: number; outliers: Set<number> } {
  const kept = new Set([...effect.keys()].filter((r) => n[r]! > 0));
  const outliers = new Set<number>();
  const mostOutliers = Math.floor((kept.size - 1) / 2);
  while (kept.size >= RATERS_FOR_MEDIAN && outliers.size < mostOutliers) {
    // Among the raters who pass the rule, the one furthest away in levels goes: with three raters
    // an accurate one trails a lenient colleague by half the lead, often as many standard errors.
    let worst = -1;
    let worstGap = 0;
    for (const r of kept) {
      const gap = gapFromOthers(units, effect, kept, r);
      if (gap.units < minUnits || gap.units < 2) continue;
      const score = gap.se > 0 ? Math.abs(gap.mean) / gap.se : Math.abs(gap.mean) > 0 ? Infinity : 0;
      // The tolerance keeps a gap of exactly the threshold (0.5 computed as 0.4999…) at the threshold.
      const passes = Math.abs(gap.mean) >= rule.atLeastLevels - 1e-9 && score >= rule.atLeastStandardErrors;
      if (passes && Math.abs(gap.mean) > Math.abs(worstGap)) {
        worst = r;
        worstGap = gap.mean;
      }
    }
    if (worst < 0) break;
    kept.delete(worst);
    outliers.add(worst);
  }
  let sum = 0;
  for (const r of kept) sum += effect[r]!;
  return { reference: kept.size > 0 ? sum / kept.size : 0, outliers };
}

/**
 * Rater r against the other kept raters, deal by deal: d = r's rating − the mean of the others'
 * ratings of the deal (each corrected to the others' mean effect, for incomplete designs), and
 * the mean of d with its standard error sd(d)/√m over the m deals. This is the paired comparison
 * itself; the additive fit's residuals would understate its spread (by √(3/2) with 3 raters),
 * since r's own rating is part of every fitted deal level.
 */
function gapFromOthers(
  units: readonly { rater: number; value: number }[][],
  effect: Float64Array,
  kept: ReadonlySet<number>,
  r: number,
): { mean: number; se: number; units: number } {
  let othersEffect = 0;
  for (const o of kept) if (o !== r) othersEffect += effect[o]!;
  othersEffect /= kept.size - 1;
  const gaps: number[] = [];
  for (const unit of units) {
    const own = unit.find((rating) => rating.rater === r);
    if (!own) continue;
    let sum = 0;
    let count = 0;
    for (const { rater, value } of unit) {
      if (rater === r || !kept.has(rater)) continue;
      sum += value - effect[rater]!;
      count++;
    }
    if (count > 0) gaps.push(own.value - sum / count - othersEffect);
  }
  const m = gaps.length;
  if (m === 0) return { mean: 0, se: NaN, units: 0 };
  const mean = gaps.reduce((a, b) => a + b, 0) / m;
  const variance = m >= 2 ? gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / (m - 1) : NaN;
  return { mean, se: Math.sqrt(variance / m), units: m };
}

function robustBiasFigure(
  n: number,
  bias: number,
  se: number,
  minUnits: number,
  flagged: boolean,
  ratersPresent: number,
): RobustBiasFigure {
  const none = { se: null, flagged: false };
  if (ratersPresent <= 1) {
    return { ...missing(n, 'one rater', 'there is no other rater to compare with'), ...none };
  }
  if (n < minUnits) return { ...insufficient(n, 'units shared with another rater', minUnits), ...none };
  return { ...known(bias, n), se: Number.isNaN(se) ? null : se, flagged };
}
