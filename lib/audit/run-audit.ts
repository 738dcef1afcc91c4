import type { Band } from '../definitions/schema-v1';
import { bandFor } from '../scoring/compute-score';
import type { AuditInput, AuditScore } from './audit-input';
import { bandBrierScore, type BandOutcome, type BrierFigure } from './brier-score';
import { closedLoop, type ClosedLoop } from './closed-loop';
import { dealMovement, type DealMovement } from './deal-movement';
import { managerAgreement, type ManagerAgreement } from './manager-agreement';
import { coverage, type CoverageFigure } from './coverage';
import { summarise, type DistributionSummary } from './descriptive-statistics';
import { missing } from './figure';
import { fleissKappa, unequalRatings, type KappaFigure } from './fleiss-kappa';
import { intraclassCorrelations, type IccResult } from './intraclass-correlation';
import {
  krippendorffAlpha,
  type AlphaBootstrapOptions,
  type AlphaFigure,
  type AlphaResult,
  type UnitRatings,
} from './krippendorff-alpha';
import { mannWhitneyAuc, type AucFigure } from './mann-whitney-auc';
import { DEFAULT_MINIMUMS, type ClosedLoopThresholds, type Minimums } from './minimums';
import { raterBiasIndexed, type BiasFigure } from './rater-bias';
import { raterDriftIndexed, type RaterDrift } from './rater-drift';
import { staleness, type Staleness } from './staleness';
import { winRateByBand, type BandWinRate } from './win-rate-by-band';

/** How an audit runs. */
export interface AuditOptions {
  /** "Now" for staleness: pass it so that reports are reproducible. */
  asOf: Date | number;
  /** Bootstrap for α's intervals (default 1000 replicates, seed 1), or false for none. */
  bootstrap?: Partial<AlphaBootstrapOptions> | false;
  minimums?: Partial<Minimums>;
  closedLoop?: Partial<ClosedLoopThresholds>;
  /** Compute slices by segment, rater and definitions version (default true). */
  slices?: boolean;
  /** A segment column with more distinct values than this is not sliced (default 50). */
  maxSegmentValues?: number;
}

/** Agreement on one criterion, over deals with at least two ratings (each rater's latest). */
export interface CriterionAgreement {
  units: number;
  raters: number;
  alpha: AlphaResult;
  fleissKappa: KappaFigure;
  icc: IccResult;
}

/** Predictive validity of one criterion (or of the total) on closed deals. */
export interface PredictiveFigures {
  deals: number;
  won: number;
  lost: number;
  auc: AucFigure;
}

/** One criterion's audit. */
export interface CriterionAudit {
  id: string;
  agreement: CriterionAgreement;
  predictive: PredictiveFigures;
}

/** One rater's audit. */
export interface RaterAudit {
  id: string;
  scores: number;
  deals: number;
  /** Per criterion: own − mean(other raters) on shared deals, in level units. */
  bias: Record<string, BiasFigure>;
  drift: Record<string, Omit<RaterDrift, 'rater'>>;
  /** Distribution of the rater's latest total per deal. */
  totals: DistributionSummary;
}

/** One slice of the data (a segment value, a rater or a definitions version). */
export interface SliceAudit {
  by: 'segment' | 'rater' | 'definitions';
  /** The segment column, for `by: 'segment'`. */
  column?: string;
  value: string;
  deals: number;
  raters: number;
  closedDeals: number;
  /** Ordinal α per criterion (no bootstrap in slices). */
  alpha: Record<string, AlphaFigure>;
  /** AUC of the averaged total. */
  auc: AucFigure;
}

/** The complete audit. Every number carries its n; what cannot be computed is null with a reason. */
export interface AuditReport {
  asOf: string;
  counts: {
    scores: number;
    ratings: number;
    raters: number;
    deals: number;
    calibrationUnits: number;
    outcomes: number;
    closedDealsScored: number;
  };
  minimums: Minimums;
  criteria: CriterionAudit[];
  total: {
    /** Interval α of the totals (each rater's latest per deal). */
    agreement: { units: number; raters: number; alpha: AlphaFigure };
    predictive: PredictiveFigures & {
      winRateByBand: BandWinRate[] | null;
      winRateByBandReason?: string;
      brier: BrierFigure;
    };
  };
  raters: RaterAudit[];
  coverage: CoverageFigure;
  staleness: Staleness;
  slices: SliceAudit[];
  /** Segment columns too varied to slice. */
  slicesSkipped: { column: string; values: number; reason: string }[];
  closedLoop: ClosedLoop;
  /** Reps' scores beside managers' validating scores of the same deals. */
  managerAgreement: ManagerAgreement;
  /** Latest scores of open deals that moved since (stage, close date, amount). */
  dealMovement: DealMovement;
}

type Groups = Map<number, number[]>;

/**
 * Runs the whole audit: agreement (α, κ, ICC), rater bias and drift, predictive validity, coverage,
 * staleness, slices and the closed loop. Pure and deterministic for a given input and options.
 */
export function runAudit(input: AuditInput, options: AuditOptions): AuditReport {
  const minimums: Minimums = { ...DEFAULT_MINIMUMS, ...options.minimums };
  const asOf = typeof options.asOf === 'number' ? options.asOf : options.asOf.getTime();
  const data = index(input);
  const { scores, criteria } = data;
  const latestAll = latestGroups(data, () => true);
  const latestDeal = latestGroups(data, (s) => scores[s]!.context === 'deal');
  const outcomeByDeal = new Map<number, boolean>();
  for (const outcome of input.outcomes) {
    const deal = data.dealIndex.get(outcome.deal);
    if (deal !== undefined) outcomeByDeal.set(deal, outcome.won);
  }
  const history = historyGroups(data);

  const criterionAudits: CriterionAudit[] = criteria.map((criterion, c) => ({
    id: criterion,
    agreement: agreementOf(data, latestAll, c, minimums, options.bootstrap),
    predictive: predictiveOf(
      closedValues(data, latestDeal, outcomeByDeal, (s) => data.levels[s * criteria.length + c]!),
      minimums,
    ),
  }));

  const totalValues = closedValues(data, latestDeal, outcomeByDeal, (s) => scores[s]!.total ?? NaN);
  const totalPredictive = predictiveOf(totalValues, minimums);
  const bands = input.bands ?? null;
  const banded: BandOutcome[] = bands
    ? totalValues.map(({ value, won }) => ({ band: bandFor(bands, value).id, won }))
    : [];

  const report: AuditReport = {
    asOf: new Date(asOf).toISOString(),
    counts: {
      scores: scores.length,
      ratings: data.ratings,
      raters: data.raters.length,
      deals: new Set(scores.filter((s) => s.context === 'deal').map((s) => s.deal)).size,
      calibrationUnits: new Set(scores.filter((s) => s.context === 'calibration').map((s) => s.deal)).size,
      outcomes: input.outcomes.length,
      closedDealsScored: totalValues.length,
    },
    minimums,
    criteria: criterionAudits,
    total: {
      agreement: totalAgreementOf(data, latestAll, minimums, options.bootstrap),
      predictive: {
        ...totalPredictive,
        winRateByBand: bands ? winRateByBand(banded, orderOf(bands), { minDeals: minimums.bandDeals }) : null,
        ...(bands
          ? {}
          : {
              winRateByBandReason:
                'not applicable: no bands known (pass --definitions, or bundles that carry their definitions)',
            }),
        brier: bands
          ? bandBrierScore(banded, { minN: minimums.brierDeals })
          : {
              ...missing(totalValues.length, 'not applicable', 'no bands known'),
              baseRate: null,
              reference: null,
              skill: null,
            },
      },
    },
    raters: ratersOf(data, latestAll, history, minimums),
    coverage: coverage(
      input.outcomes.map((outcome) => outcome.deal),
      new Set(scores.filter((s) => s.context === 'deal').map((s) => s.deal)),
    ),
    staleness: stalenessOf(data, latestDeal, outcomeByDeal, asOf, input.staleAfterDays ?? 30),
    slices: [],
    slicesSkipped: [],
    managerAgreement: managerAgreement(input.scores, criteria, minimums.managerComparisons),
    dealMovement: dealMovement(
      input.scores,
      new Set(input.outcomes.map((outcome) => outcome.deal)),
      minimums.managerComparisons,
    ),
    closedLoop: closedLoop(
      criterionAudits.map((audit) => ({
        id: audit.id,
        alpha: audit.agreement.alpha.ordinal,
        auc: audit.predictive.auc,
      })),
      options.closedLoop,
    ),
  };
  if (options.slices !== false) {
    const sliced = slicesOf(
      data,
      input,
      latestAll,
      latestDeal,
      outcomeByDeal,
      minimums,
      options.maxSegmentValues ?? 50,
    );
    report.slices = sliced.slices;
    report.slicesSkipped = sliced.skipped;
  }
  return report;
}

interface Indexed {
  scores: readonly AuditScore[];
  criteria: string[];
  raters: string[];
  dealOf: Int32Array;
  raterOf: Int32Array;
  timeOf: Float64Array;
  /** levels[score × criteria + criterion]; NaN = Unknown or not answered. */
  levels: Float64Array;
  dealIndex: Map<string, number>;
  deals: string[];
  ratings: number;
}

function index(input: AuditInput): Indexed {
  const { scores } = input;
  const criteria = [...(input.criteria ?? [])];
  const criterionIndex = new Map(criteria.map((id, i) => [id, i]));
  if (!input.criteria) {
    for (const score of scores) {
      for (const answer of score.answers) {
        if (!criterionIndex.has(answer.criterion)) {
          criterionIndex.set(answer.criterion, criteria.length);
          criteria.push(answer.criterion);
        }
      }
    }
  }
  const dealIndex = new Map<string, number>();
  const deals: string[] = [];
  const raterIndex = new Map<string, number>();
  const raters: string[] = [];
  const dealOf = new Int32Array(scores.length);
  const raterOf = new Int32Array(scores.length);
  const timeOf = new Float64Array(scores.length);
  const levels = new Float64Array(scores.length * criteria.length).fill(NaN);
  let ratings = 0;
  scores.forEach((score, s) => {
    let deal = dealIndex.get(score.deal);
    if (deal === undefined) {
      deal = deals.length;
      dealIndex.set(score.deal, deal);
      deals.push(score.deal);
    }
    let rater = raterIndex.get(score.rater);
    if (rater === undefined) {
      rater = raters.length;
      raterIndex.set(score.rater, rater);
      raters.push(score.rater);
    }
    dealOf[s] = deal;
    raterOf[s] = rater;
    timeOf[s] = score.scoredAt ?? -Infinity;
    for (const answer of score.answers) {
      const c = criterionIndex.get(answer.criterion);
      if (c === undefined) continue;
      ratings++;
      if (answer.level !== null) levels[s * criteria.length + c] = answer.level;
    }
  });
  return { scores, criteria, raters, dealOf, raterOf, timeOf, levels, dealIndex, deals, ratings };
}

/** Each rater's latest score per deal (ties: the later input wins), grouped by deal. */
function latestGroups(data: Indexed, keep: (score: number) => boolean): Groups {
  const best = new Map<number, number>();
  const raters = data.raters.length;
  for (let s = 0; s < data.scores.length; s++) {
    if (!keep(s)) continue;
    const key = data.dealOf[s]! * raters + data.raterOf[s]!;
    const current = best.get(key);
    if (current === undefined || data.timeOf[s]! >= data.timeOf[current]!) best.set(key, s);
  }
  const groups: Groups = new Map();
  for (const s of best.values()) {
    const deal = data.dealOf[s]!;
    const group = groups.get(deal);
    if (group) group.push(s);
    else groups.set(deal, [s]);
  }
  return groups;
}

function historyGroups(data: Indexed): Groups {
  const groups: Groups = new Map();
  for (let s = 0; s < data.scores.length; s++) {
    const deal = data.dealOf[s]!;
    const group = groups.get(deal);
    if (group) group.push(s);
    else groups.set(deal, [s]);
  }
  return groups;
}

function levelOf(data: Indexed, s: number, c: number): number | null {
  const level = data.levels[s * data.criteria.length + c]!;
  return Number.isNaN(level) ? null : level;
}

function unitsFor(groups: Groups, value: (s: number) => number | null): UnitRatings[] {
  const units: UnitRatings[] = [];
  for (const group of groups.values()) if (group.length >= 2) units.push(group.map(value));
  return units;
}

/** The known values of every unit with at least two of them. */
function knownUnits(data: Indexed, groups: Groups, c: number): number[][] {
  const width = data.criteria.length;
  const units: number[][] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const values: number[] = [];
    for (const s of group) {
      const level = data.levels[s * width + c]!;
      if (!Number.isNaN(level)) values.push(level);
    }
    if (values.length >= 2) units.push(values);
  }
  return units;
}

function pairableRaters(data: Indexed, groups: Groups, value: (s: number) => number | null): Set<number> {
  const raters = new Set<number>();
  for (const group of groups.values()) {
    let known = 0;
    for (const s of group) if (value(s) !== null) known++;
    if (known < 2) continue;
    for (const s of group) if (value(s) !== null) raters.add(data.raterOf[s]!);
  }
  return raters;
}

function oneRaterAlpha(result: AlphaResult): AlphaResult {
  const figure = missing(result.units, 'one rater', 'agreement needs ratings from at least 2 raters');
  return { ...result, nominal: figure, ordinal: figure, interval: figure, ratio: figure };
}

function agreementOf(
  data: Indexed,
  groups: Groups,
  c: number,
  minimums: Minimums,
  bootstrap: AuditOptions['bootstrap'],
): CriterionAgreement {
  const width = data.criteria.length;
  const levels = data.levels;
  // One pass: the known values of every pairable unit, the raters in them, and the spread of
  // ratings per unit (Fleiss' κ needs it constant).
  const units: number[][] = [];
  const raters = new Set<number>();
  const everRated = new Set<number>();
  let fewest = Infinity;
  let most = 0;
  for (const group of groups.values()) {
    let known = 0;
    for (const s of group) {
      if (Number.isNaN(levels[s * width + c]!)) continue;
      known++;
      everRated.add(data.raterOf[s]!);
    }
    if (known < 2) continue;
    const values: number[] = [];
    for (const s of group) {
      const level = levels[s * width + c]!;
      if (Number.isNaN(level)) continue;
      values.push(level);
      raters.add(data.raterOf[s]!);
    }
    units.push(values);
    fewest = Math.min(fewest, known);
    most = Math.max(most, known);
  }
  let alpha = krippendorffAlpha(units, { minUnits: minimums.alphaUnits, bootstrap });
  if (everRated.size <= 1) alpha = oneRaterAlpha(alpha);
  const kappa =
    units.length > 0 && fewest !== most
      ? unequalRatings(units.length, fewest, most)
      : fleissKappa(units, { minUnits: minimums.kappaUnits });
  return {
    units: alpha.units,
    raters: raters.size,
    alpha,
    fleissKappa: kappa,
    icc: iccOf(data, groups, c, raters, units, minimums),
  };
}

function iccOf(
  data: Indexed,
  groups: Groups,
  c: number,
  raters: Set<number>,
  units: readonly (readonly number[])[],
  minimums: Minimums,
): IccResult {
  let cells = 0;
  for (const unit of units) cells += unit.length;
  const expected = units.length * raters.size;
  if (raters.size >= 2 && cells < expected) {
    const figure = missing(
      units.length,
      'not applicable',
      `${expected - cells} of ${expected} rater × unit cells are empty; an ICC needs every rater to rate every unit`,
    );
    return {
      targets: units.length,
      raters: raters.size,
      oneWay: figure,
      twoWayAgreement: figure,
      twoWayConsistency: figure,
      meanSquares: null,
    };
  }
  const columns = new Map([...raters].map((rater, i) => [rater, i]));
  const rows: (number | null)[][] = [];
  for (const group of groups.values()) {
    const row: (number | null)[] = new Array<number | null>(columns.size).fill(null);
    let known = 0;
    for (const s of group) {
      const v = levelOf(data, s, c);
      if (v === null) continue;
      row[columns.get(data.raterOf[s]!)!] = v;
      known++;
    }
    if (known >= 2) rows.push(row);
  }
  return intraclassCorrelations(rows, { minTargets: minimums.iccUnits });
}

function totalAgreementOf(
  data: Indexed,
  groups: Groups,
  minimums: Minimums,
  bootstrap: AuditOptions['bootstrap'],
): { units: number; raters: number; alpha: AlphaFigure } {
  const value = (s: number) => data.scores[s]!.total;
  const units = unitsFor(groups, value);
  const raters = pairableRaters(data, groups, value);
  const everRated = new Set<number>();
  for (const group of groups.values())
    for (const s of group) if (value(s) !== null) everRated.add(data.raterOf[s]!);
  let alpha = krippendorffAlpha(units, { minUnits: minimums.alphaUnits, bootstrap, metrics: ['interval'] });
  if (everRated.size <= 1) alpha = oneRaterAlpha(alpha);
  return { units: alpha.units, raters: raters.size, alpha: alpha.interval };
}

/** Closed deals with the mean, across raters, of each rater's latest known value. */
function closedValues(
  data: Indexed,
  groups: Groups,
  outcomes: Map<number, boolean>,
  valueOf: (s: number) => number,
): { deal: number; value: number; won: boolean }[] {
  const result: { deal: number; value: number; won: boolean }[] = [];
  for (const [deal, won] of outcomes) {
    const group = groups.get(deal);
    if (!group) continue;
    let sum = 0;
    let count = 0;
    for (const s of group) {
      const v = valueOf(s);
      if (Number.isNaN(v)) continue;
      sum += v;
      count++;
    }
    if (count > 0) result.push({ deal, value: sum / count, won });
  }
  return result;
}

function predictiveOf(
  values: readonly { value: number; won: boolean }[],
  minimums: Minimums,
): PredictiveFigures {
  const won = values.filter((v) => v.won).map((v) => v.value);
  const lost = values.filter((v) => !v.won).map((v) => v.value);
  return {
    deals: values.length,
    won: won.length,
    lost: lost.length,
    auc: mannWhitneyAuc(won, lost, { minPerClass: minimums.aucPerOutcome }),
  };
}

function orderOf(bands: readonly Band[]): string[] {
  return [...bands].sort((a, b) => a.min - b.min).map((band) => band.id);
}

function ratersOf(data: Indexed, latest: Groups, history: Groups, minimums: Minimums): RaterAudit[] {
  const { criteria, raters } = data;
  const width = criteria.length;
  const bias = criteria.map((_, c) => {
    const valueOf = (s: number) => data.levels[s * width + c]!;
    const entries = raterBiasIndexed(latest.values(), raters, data.raterOf, valueOf, {
      minUnits: minimums.biasUnits,
    });
    return new Map(entries.map((entry) => [entry.rater, entry.bias]));
  });
  const timeOf = (s: number) => data.timeOf[s]!;
  const drift = criteria.map((_, c) => {
    const entries = raterDriftIndexed(
      history.values(),
      { raterNames: raters, raterOf: data.raterOf, valueOf: (s) => data.levels[s * width + c]!, timeOf },
      { minDeviations: minimums.driftDeviations, minWindowDeviations: minimums.driftWindowDeviations },
    );
    return new Map(entries.map(({ rater, ...rest }) => [rater, rest]));
  });
  const scoreCounts = new Int32Array(raters.length);
  for (let s = 0; s < data.scores.length; s++) scoreCounts[data.raterOf[s]!]!++;
  const totals = raters.map(() => [] as number[]);
  const dealCounts = new Int32Array(raters.length);
  for (const group of latest.values()) {
    for (const s of group) {
      dealCounts[data.raterOf[s]!]!++;
      const total = data.scores[s]!.total;
      if (total !== null) totals[data.raterOf[s]!]!.push(total);
    }
  }
  const noComparison = {
    ...missing(0, 'insufficient data', 'the rater shares no deal with another rater'),
    se: null,
  };
  const noDrift: Omit<RaterDrift, 'rater'> = {
    windows: [],
    slopePer30Days: { ...missing(0, 'insufficient data', 'no dated ratings'), se: null },
  };
  return raters
    .map((id, r) => ({
      id,
      scores: scoreCounts[r]!,
      deals: dealCounts[r]!,
      bias: Object.fromEntries(criteria.map((criterion, c) => [criterion, bias[c]!.get(id) ?? noComparison])),
      drift: Object.fromEntries(criteria.map((criterion, c) => [criterion, drift[c]!.get(id) ?? noDrift])),
      totals: summarise(totals[r]!),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function stalenessOf(
  data: Indexed,
  latestDeal: Groups,
  outcomes: Map<number, boolean>,
  asOf: number,
  staleAfterDays: number,
): Staleness {
  // A closed deal's score need not be refreshed, so only open (not closed) deals count.
  const times: number[] = [];
  for (const [deal, group] of latestDeal) {
    if (outcomes.has(deal)) continue;
    let latest = -Infinity;
    for (const s of group) latest = Math.max(latest, data.timeOf[s]!);
    if (Number.isFinite(latest)) times.push(latest);
  }
  return staleness(times, asOf, staleAfterDays);
}

function slicesOf(
  data: Indexed,
  input: AuditInput,
  latestAll: Groups,
  latestDeal: Groups,
  outcomes: Map<number, boolean>,
  minimums: Minimums,
  maxSegmentValues: number,
): { slices: SliceAudit[]; skipped: AuditReport['slicesSkipped'] } {
  const slices: SliceAudit[] = [];
  const skipped: AuditReport['slicesSkipped'] = [];
  const columns = new Map<string, Map<string, Set<number>>>();
  for (const outcome of input.outcomes) {
    const deal = data.dealIndex.get(outcome.deal);
    for (const [column, value] of Object.entries(outcome.segments)) {
      if (!columns.has(column)) columns.set(column, new Map());
      const byValue = columns.get(column)!;
      if (!byValue.has(value)) byValue.set(value, new Set());
      if (deal !== undefined) byValue.get(value)!.add(deal);
    }
  }
  for (const [column, byValue] of columns) {
    if (byValue.size > maxSegmentValues) {
      skipped.push({
        column,
        values: byValue.size,
        reason: `not applicable: ${byValue.size} distinct values (at most ${maxSegmentValues} are sliced)`,
      });
      continue;
    }
    for (const [value, deals] of [...byValue].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const keep = (groups: Groups): Groups => {
        const kept: Groups = new Map();
        for (const deal of deals) {
          const group = groups.get(deal);
          if (group) kept.set(deal, group);
        }
        return kept;
      };
      slices.push({
        by: 'segment',
        column,
        ...sliceOf(data, keep(latestAll), keep(latestDeal), outcomes, minimums, value),
      });
    }
  }
  // A rater slice has one rater by definition: α is named as such, only the AUC is computed.
  const perRater = data.raters.map(() => ({ deals: 0, latestDeal: new Map<number, number[]>() }));
  for (const group of latestAll.values()) for (const s of group) perRater[data.raterOf[s]!]!.deals++;
  for (const [deal, group] of latestDeal) {
    for (const s of group) perRater[data.raterOf[s]!]!.latestDeal.set(deal, [s]);
  }
  const oneRater = missing(0, 'one rater', 'a slice of one rater has no agreement to measure');
  data.raters.forEach((rater, r) => {
    const { deals, latestDeal: own } = perRater[r]!;
    const totals = closedValues(data, own, outcomes, (s) => data.scores[s]!.total ?? NaN);
    slices.push({
      by: 'rater',
      value: rater,
      deals,
      raters: 1,
      closedDeals: totals.length,
      alpha: Object.fromEntries(data.criteria.map((criterion) => [criterion, oneRater])),
      auc: predictiveOf(totals, minimums).auc,
    });
  });
  const versions = new Set(data.scores.map((score) => score.definitionsVersion ?? '(unknown)'));
  if (versions.size > 0) {
    for (const version of [...versions].sort()) {
      const inVersion = (s: number) => (data.scores[s]!.definitionsVersion ?? '(unknown)') === version;
      slices.push({
        by: 'definitions',
        ...sliceOf(
          data,
          latestGroups(data, inVersion),
          latestGroups(data, (s) => inVersion(s) && data.scores[s]!.context === 'deal'),
          outcomes,
          minimums,
          version,
        ),
      });
    }
  }
  return { slices, skipped };
}

function sliceOf(
  data: Indexed,
  latestAll: Groups,
  latestDeal: Groups,
  outcomes: Map<number, boolean>,
  minimums: Minimums,
  value: string,
): Omit<SliceAudit, 'by' | 'column'> {
  const raters = new Set<number>();
  for (const group of latestAll.values()) for (const s of group) raters.add(data.raterOf[s]!);
  const totals = closedValues(data, latestDeal, outcomes, (s) => data.scores[s]!.total ?? NaN);
  const alpha: Record<string, AlphaFigure> = {};
  data.criteria.forEach((criterion, c) => {
    const units = knownUnits(data, latestAll, c);
    const result = krippendorffAlpha(units, {
      minUnits: minimums.alphaUnits,
      bootstrap: false,
      metrics: ['ordinal'],
    });
    alpha[criterion] = raters.size <= 1 ? oneRaterAlpha(result).ordinal : result.ordinal;
  });
  return {
    value,
    deals: latestAll.size,
    raters: raters.size,
    closedDeals: totals.length,
    alpha,
    auc: predictiveOf(totals, minimums).auc,
  };
}
