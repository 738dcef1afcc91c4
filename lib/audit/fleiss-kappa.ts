import { insufficient, known, missing, type Figure } from './figure';
import { DEFAULT_MINIMUMS } from './minimums';
import type { UnitRatings } from './krippendorff-alpha';

/** Fleiss' κ with the agreement terms it is built from (null when κ is). */
export type KappaFigure = Figure & {
  /** Ratings per unit (the same on every unit), when it is. */
  ratingsPerUnit: number | null;
  /** Mean observed agreement P̄. */
  observedAgreement: number | null;
  /** Chance agreement P̄e = Σ pⱼ². */
  chanceAgreement: number | null;
};

/**
 * Fleiss' κ (Fleiss 1971) from a units × categories table of counts: every unit must have the same
 * number m ≥ 2 of ratings. κ = (P̄ − P̄e) / (1 − P̄e), Pᵢ = (Σⱼ nᵢⱼ² − m) / (m(m − 1)).
 */
export function fleissKappaFromCounts(
  counts: readonly (readonly number[])[],
  options: { minUnits?: number } = {},
): KappaFigure {
  const minUnits = options.minUnits ?? DEFAULT_MINIMUMS.kappaUnits;
  const units = counts.length;
  const none = { ratingsPerUnit: null, observedAgreement: null, chanceAgreement: null };
  const totals = counts.map((row) => row.reduce((sum, count) => sum + count, 0));
  const low = Math.min(...totals);
  const high = Math.max(...totals);
  if (units > 0 && low !== high) return unequalRatings(units, low, high);
  const m = units > 0 ? low : 0;
  if (units > 0 && m < 2) {
    return {
      ...missing(units, 'not applicable', `units have ${m} rating each; Fleiss' κ needs at least 2`),
      ...none,
    };
  }
  if (units < minUnits) return { ...insufficient(units, 'units', minUnits), ...none };

  const categories = Math.max(...counts.map((row) => row.length));
  const categoryTotals = new Float64Array(categories);
  let agreementSum = 0;
  for (const row of counts) {
    let squares = 0;
    row.forEach((count, j) => {
      squares += count * count;
      categoryTotals[j]! += count;
    });
    agreementSum += (squares - m) / (m * (m - 1));
  }
  const observed = agreementSum / units;
  let chance = 0;
  for (const total of categoryTotals) chance += (total / (units * m)) ** 2;
  const terms = { ratingsPerUnit: m, observedAgreement: observed, chanceAgreement: chance };
  if (chance >= 1) {
    return {
      ...missing(units, 'no variation', 'every rating falls in one category, so chance agreement is 1'),
      ...terms,
    };
  }
  return { ...known((observed - chance) / (1 - chance), units), ...terms };
}

/**
 * Fleiss' κ from raw ratings per unit (values are nominal categories; null = missing, dropped).
 * Units with fewer than 2 known ratings carry no agreement and are left out, as in α.
 */
export function fleissKappa(units: readonly UnitRatings[], options: { minUnits?: number } = {}): KappaFigure {
  const categories = new Map<number, number>();
  const rows: number[][] = [];
  for (const unit of units) {
    const present = unit.filter((value): value is number => value !== null && value !== undefined);
    if (present.length < 2) continue;
    const row: number[] = [];
    for (const value of present) {
      let index = categories.get(value);
      if (index === undefined) {
        index = categories.size;
        categories.set(value, index);
      }
      row[index] = (row[index] ?? 0) + 1;
    }
    rows.push(Array.from(row, (count) => count ?? 0));
  }
  return fleissKappaFromCounts(rows, options);
}

/** The figure for units that do not all have the same number of ratings. */
export function unequalRatings(units: number, low: number, high: number): KappaFigure {
  return {
    ...missing(
      units,
      'not applicable',
      `units have between ${low} and ${high} ratings; Fleiss' κ needs the same number on every unit`,
    ),
    ratingsPerUnit: null,
    observedAgreement: null,
    chanceAgreement: null,
  };
}
