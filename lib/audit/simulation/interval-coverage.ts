import { krippendorffAlpha, type AlphaBootstrapOptions } from '../krippendorff-alpha';
import { mannWhitneyAuc } from '../mann-whitney-auc';
import { normalQuantile } from '../normal-quantile';
import { seededRandom, type Random } from '../seeded-random';
import { wilsonInterval } from '../wilson-interval';

/** How often one interval covered its true value over simulated data sets of one size. */
export interface CoverageRow {
  interval: 'alpha-bootstrap' | 'wilson' | 'auc';
  /** The data-generating case, in words: "α ≈ 0.80, 3 raters". */
  truth: string;
  trueValue: number;
  /** The size in words: "5 units", "5 won + 5 lost". */
  size: string;
  dataSets: number;
  /** Data sets where an interval was drawn (the bootstrap can refuse on degenerate data). */
  drawn: number;
  covered: number;
  /** covered / drawn. */
  coverage: number;
  /** The exact coverage, where it can be summed rather than simulated (Wilson at a fixed win rate). */
  exact?: number;
  /** The product draws no interval at this size (below its documented minimum); shown for why. */
  belowMinimum?: boolean;
}

/** A 3-rater, 4-level reading process: each rater reads the true level with chance `readsTrue`. */
interface AlphaCase {
  readsTrue: number;
  raters: number;
  levels: number;
}

function drawUnits(units: number, spec: AlphaCase, random: Random): number[][] {
  const top = spec.levels - 1;
  const out: number[][] = [];
  for (let u = 0; u < units; u++) {
    const truth = Math.floor(random() * spec.levels);
    const values: number[] = [];
    for (let r = 0; r < spec.raters; r++) {
      if (random() < spec.readsTrue) values.push(truth);
      else {
        const level = truth + (random() < 0.5 ? -1 : 1);
        values.push(level < 0 ? 1 : level > top ? top - 1 : level);
      }
    }
    out.push(values);
  }
  return out;
}

/** The population ordinal α of a reading process: α of one very large sample (the limit it converges to). */
export function populationAlpha(spec: AlphaCase, units = 200_000, seed = 7): number {
  return krippendorffAlpha(drawUnits(units, spec, seededRandom(seed)), {
    bootstrap: false,
    metrics: ['ordinal'],
  }).ordinal.value!;
}

/** Coverage of the bootstrap interval of ordinal α at `units` units. */
export function alphaCoverage(
  spec: AlphaCase,
  trueValue: number,
  units: number,
  dataSets: number,
  seed: number,
  bootstrap: Partial<AlphaBootstrapOptions> = {},
): CoverageRow {
  const random = seededRandom(seed);
  let drawn = 0;
  let covered = 0;
  for (let i = 0; i < dataSets; i++) {
    const figure = krippendorffAlpha(drawUnits(units, spec, random), {
      metrics: ['ordinal'],
      minUnits: 2,
      minIntervalUnits: 2,
      bootstrap: { ...bootstrap, seed: seed + i },
    }).ordinal;
    if (figure.value === null || !figure.ci) continue;
    drawn++;
    if (figure.ci.low <= trueValue && trueValue <= figure.ci.high) covered++;
  }
  return row(
    'alpha-bootstrap',
    `α ≈ ${trueValue.toFixed(2)}, ${spec.raters} raters`,
    trueValue,
    `${units} units`,
    dataSets,
    drawn,
    covered,
  );
}

/** Coverage of the Wilson interval for a win rate `p` over `trials` closed deals, simulated and exact. */
export function wilsonCoverage(p: number, trials: number, dataSets: number, seed: number): CoverageRow {
  const random = seededRandom(seed);
  let covered = 0;
  for (let i = 0; i < dataSets; i++) {
    let successes = 0;
    for (let t = 0; t < trials; t++) if (random() < p) successes++;
    const interval = wilsonInterval(successes, trials)!;
    if (interval.low <= p && p <= interval.high) covered++;
  }
  return {
    ...row('wilson', `win rate ${p}`, p, `${trials} deals`, dataSets, dataSets, covered),
    exact: wilsonExactCoverage(p, trials),
  };
}

/**
 * Coverage of the Wilson interval when each data set's true win rate is drawn uniformly from
 * [low, high]: the average over win rates that Brown, Cai & DasGupta (2001) judge intervals by,
 * since at any one rate a small sample's coverage jumps with the few outcomes it can have.
 */
export function wilsonSpreadCoverage(
  low: number,
  high: number,
  trials: number,
  dataSets: number,
  seed: number,
): CoverageRow {
  const random = seededRandom(seed);
  let covered = 0;
  for (let i = 0; i < dataSets; i++) {
    const p = low + (high - low) * random();
    let successes = 0;
    for (let t = 0; t < trials; t++) if (random() < p) successes++;
    const interval = wilsonInterval(successes, trials)!;
    if (interval.low <= p && p <= interval.high) covered++;
  }
  const truth = `win rate ${low}–${high}`;
  return row('wilson', truth, (low + high) / 2, `${trials} deals`, dataSets, dataSets, covered);
}

/** The exact coverage of the Wilson interval at win rate `p`: the binomial probability of the outcomes it covers. */
export function wilsonExactCoverage(p: number, trials: number): number {
  let total = 0;
  let choose = 1;
  for (let k = 0; k <= trials; k++) {
    if (k > 0) choose = (choose * (trials - k + 1)) / k;
    const interval = wilsonInterval(k, trials)!;
    if (interval.low <= p && p <= interval.high) total += choose * p ** k * (1 - p) ** (trials - k);
  }
  return total;
}

/** Coverage of the AUC interval when won totals are normal, shifted so that the true AUC is `auc`. */
export function aucCoverage(
  auc: number,
  won: number,
  lost: number,
  dataSets: number,
  seed: number,
): CoverageRow {
  const random = seededRandom(seed);
  // P(X > Y) for X ~ N(δ, 1), Y ~ N(0, 1) is Φ(δ/√2).
  const shift = Math.SQRT2 * normalQuantile(auc);
  let drawn = 0;
  let covered = 0;
  for (let i = 0; i < dataSets; i++) {
    const positives = Array.from({ length: won }, () => shift + normal(random));
    const negatives = Array.from({ length: lost }, () => normal(random));
    const figure = mannWhitneyAuc(positives, negatives, { minPerClass: 1 });
    if (!figure.ci) continue;
    drawn++;
    if (figure.ci.low <= auc && auc <= figure.ci.high) covered++;
  }
  return row('auc', `AUC ${auc}`, auc, `${won} won + ${lost} lost`, dataSets, drawn, covered);
}

function row(
  interval: CoverageRow['interval'],
  truth: string,
  trueValue: number,
  size: string,
  dataSets: number,
  drawn: number,
  covered: number,
): CoverageRow {
  return {
    interval,
    truth,
    trueValue,
    size,
    dataSets,
    drawn,
    covered,
    coverage: drawn === 0 ? 0 : covered / drawn,
  };
}

/** A standard normal variate (Box–Muller). */
function normal(random: Random): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** The reading processes the coverage table uses: good and poor agreement among 3 raters. */
export const ALPHA_CASES: readonly AlphaCase[] = [
  { readsTrue: 0.85, raters: 3, levels: 4 },
  { readsTrue: 0.55, raters: 3, levels: 4 },
];
