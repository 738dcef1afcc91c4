import { pairableRaters, levelOf, unitsFor, type AuditIndex, type DealGroups } from '../audit-index';
import type { AuditOptions, CriterionAgreement } from '../audit-report';
import { missing } from '../figure';
import { fleissKappa, unequalRatings } from '../fleiss-kappa';
import { intraclassCorrelations, type IccResult } from '../intraclass-correlation';
import { krippendorffAlpha, type AlphaFigure, type AlphaResult } from '../krippendorff-alpha';
import type { Minimums } from '../minimums';

/** α at every metric replaced by "one rater": with a single rater there is no agreement to measure. */
export function oneRaterAlpha(result: AlphaResult): AlphaResult {
  const figure = missing(result.units, 'one rater', 'agreement needs ratings from at least 2 raters');
  return { ...result, nominal: figure, ordinal: figure, interval: figure, ratio: figure };
}

/** Agreement on criterion `c` (α, Fleiss' κ, ICC) over each rater's latest rating per deal. */
export function criterionAgreement(
  data: AuditIndex,
  groups: DealGroups,
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
  let calibrationCases = 0;
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
    if (isCalibration(data, group)) calibrationCases++;
    fewest = Math.min(fewest, known);
    most = Math.max(most, known);
  }
  let alpha = krippendorffAlpha(units, {
    minUnits: minimums.alphaUnits,
    minIntervalUnits: minimums.alphaIntervalUnits,
    bootstrap,
  });
  if (everRated.size <= 1) alpha = oneRaterAlpha(alpha);
  const kappa =
    units.length > 0 && fewest !== most
      ? unequalRatings(units.length, fewest, most)
      : fleissKappa(units, { minUnits: minimums.kappaUnits });
  return {
    units: alpha.units,
    deals: alpha.units - calibrationCases,
    calibrationCases,
    raters: raters.size,
    alpha,
    fleissKappa: kappa,
    icc: iccOf(data, groups, c, raters, units, minimums),
  };
}

function iccOf(
  data: AuditIndex,
  groups: DealGroups,
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

/** A unit is a calibration case when its scores were made in a calibration session. */
function isCalibration(data: AuditIndex, group: readonly number[]): boolean {
  return data.scores[group[0]!]!.context === 'calibration';
}

/** Ordinal α of criterion `c` with one rater's ratings left out (point estimate, no bootstrap). */
export function ordinalAlphaWithoutRater(
  data: AuditIndex,
  groups: DealGroups,
  c: number,
  rater: number,
  minimums: Minimums,
): AlphaFigure {
  const width = data.criteria.length;
  const units: number[][] = [];
  for (const group of groups.values()) {
    const values: number[] = [];
    for (const s of group) {
      if (data.raterOf[s] === rater) continue;
      const level = data.levels[s * width + c]!;
      if (!Number.isNaN(level)) values.push(level);
    }
    if (values.length >= 2) units.push(values);
  }
  return krippendorffAlpha(units, { minUnits: minimums.alphaUnits, bootstrap: false, metrics: ['ordinal'] })
    .ordinal;
}

/** Interval α of the totals over each rater's latest total per deal. */
export function totalAgreement(
  data: AuditIndex,
  groups: DealGroups,
  minimums: Minimums,
  bootstrap: AuditOptions['bootstrap'],
): { units: number; deals: number; calibrationCases: number; raters: number; alpha: AlphaFigure } {
  const value = (s: number) => data.scores[s]!.total;
  const units = unitsFor(groups, value);
  const raters = pairableRaters(data, groups, value);
  const everRated = new Set<number>();
  for (const group of groups.values())
    for (const s of group) if (value(s) !== null) everRated.add(data.raterOf[s]!);
  let alpha = krippendorffAlpha(units, {
    minUnits: minimums.alphaUnits,
    minIntervalUnits: minimums.alphaIntervalUnits,
    bootstrap,
    metrics: ['interval'],
  });
  if (everRated.size <= 1) alpha = oneRaterAlpha(alpha);
  let calibrationCases = 0;
  for (const group of groups.values()) {
    let known = 0;
    for (const s of group) if (value(s) !== null) known++;
    if (known >= 2 && isCalibration(data, group)) calibrationCases++;
  }
  return {
    units: alpha.units,
    deals: alpha.units - calibrationCases,
    calibrationCases,
    raters: raters.size,
    alpha: alpha.interval,
  };
}
