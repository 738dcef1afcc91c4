import { insufficient, known, missing, type Figure, type MissingFigure } from './figure';
import { DEFAULT_MINIMUMS } from './minimums';

/** The ANOVA mean squares the ICCs are built from (Shrout & Fleiss 1979, Table 1). */
export interface MeanSquares {
  /** Between targets (units). */
  between: number;
  /** Within targets (one-way residual). */
  within: number;
  /** Between judges (raters). */
  judges: number;
  /** Two-way residual. */
  error: number;
}

/** The three single-rater ICCs of Shrout & Fleiss (1979), n = targets. */
export interface IccResult {
  targets: number;
  raters: number;
  /** ICC(1,1): one-way random effects. */
  oneWay: Figure;
  /** ICC(2,1): two-way random effects, absolute agreement. */
  twoWayAgreement: Figure;
  /** ICC(3,1): two-way mixed effects, consistency. */
  twoWayConsistency: Figure;
  meanSquares: MeanSquares | null;
}

/**
 * ICC(1,1), ICC(2,1) and ICC(3,1) (Shrout & Fleiss 1979) from a complete targets × raters matrix.
 * Any missing cell makes them "not applicable": every rater must rate every target.
 */
export function intraclassCorrelations(
  matrix: readonly (readonly (number | null | undefined)[])[],
  options: { minTargets?: number } = {},
): IccResult {
  const minTargets = options.minTargets ?? DEFAULT_MINIMUMS.iccUnits;
  const n = matrix.length;
  const k = n === 0 ? 0 : Math.max(...matrix.map((row) => row.length));
  const none = (figure: MissingFigure): IccResult => ({
    targets: n,
    raters: k,
    oneWay: figure,
    twoWayAgreement: figure,
    twoWayConsistency: figure,
    meanSquares: null,
  });
  if (n > 0 && k < 2) return none(missing(n, 'one rater', 'an ICC needs at least 2 raters'));
  let empty = 0;
  for (const row of matrix) {
    for (let j = 0; j < k; j++) if (row[j] === null || row[j] === undefined) empty++;
  }
  if (empty > 0) {
    return none(
      missing(
        n,
        'not applicable',
        `${empty} of ${n * k} rater × unit cells are empty; an ICC needs every rater to rate every unit`,
      ),
    );
  }
  if (n < minTargets) return none(insufficient(n, 'units rated by every rater', minTargets));

  const cells = matrix as readonly (readonly number[])[];
  let grand = 0;
  const rowMeans = cells.map((row) => row.reduce((sum, value) => sum + value, 0) / k);
  const columnMeans = new Float64Array(k);
  for (const row of cells) row.forEach((value, j) => (columnMeans[j]! += value / n));
  for (const mean of rowMeans) grand += mean / n;
  let total = 0;
  for (const row of cells) for (const value of row) total += (value - grand) ** 2;
  let rows = 0;
  for (const mean of rowMeans) rows += k * (mean - grand) ** 2;
  let columns = 0;
  for (const mean of columnMeans) columns += n * (mean - grand) ** 2;
  const squares: MeanSquares = {
    between: rows / (n - 1),
    within: (total - rows) / (n * (k - 1)),
    judges: columns / (k - 1),
    error: (total - rows - columns) / ((n - 1) * (k - 1)),
  };
  const { between: bms, within: wms, judges: jms, error: ems } = squares;
  const ratio = (numerator: number, denominator: number): Figure =>
    denominator > 0 && Number.isFinite(numerator / denominator)
      ? known(numerator / denominator, n)
      : missing(n, 'no variation', 'the ratings do not vary, so the ICC is 0/0');
  return {
    targets: n,
    raters: k,
    oneWay: ratio(bms - wms, bms + (k - 1) * wms),
    twoWayAgreement: ratio(bms - ems, bms + (k - 1) * ems + (k * (jms - ems)) / n),
    twoWayConsistency: ratio(bms - ems, bms + (k - 1) * ems),
    meanSquares: squares,
  };
}
