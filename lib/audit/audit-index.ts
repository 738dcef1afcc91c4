import type { AuditInput, AuditScore } from './audit-input';
import type { UnitRatings } from './krippendorff-alpha';

/** Score indices grouped by deal index. */
export type DealGroups = Map<number, number[]>;

/**
 * The audit's input in columns: every score gets an index, and its deal, rater, time and levels
 * are read from typed arrays by that index, so the sections loop over numbers instead of objects.
 */
export interface AuditIndex {
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

/** Builds the columnar index of the scores (criteria in input order, or as first answered). */
export function indexAuditInput(input: AuditInput): AuditIndex {
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
export function latestGroups(data: AuditIndex, keep: (score: number) => boolean): DealGroups {
  const best = new Map<number, number>();
  const raters = data.raters.length;
  for (let s = 0; s < data.scores.length; s++) {
    if (!keep(s)) continue;
    const key = data.dealOf[s]! * raters + data.raterOf[s]!;
    const current = best.get(key);
    if (current === undefined || data.timeOf[s]! >= data.timeOf[current]!) best.set(key, s);
  }
  const groups: DealGroups = new Map();
  for (const s of best.values()) {
    const deal = data.dealOf[s]!;
    const group = groups.get(deal);
    if (group) group.push(s);
    else groups.set(deal, [s]);
  }
  return groups;
}

/** Every score, in input order, grouped by deal. */
export function historyGroups(data: AuditIndex): DealGroups {
  const groups: DealGroups = new Map();
  for (let s = 0; s < data.scores.length; s++) {
    const deal = data.dealOf[s]!;
    const group = groups.get(deal);
    if (group) group.push(s);
    else groups.set(deal, [s]);
  }
  return groups;
}

/** A score's level on a criterion, or null for Unknown or not answered. */
export function levelOf(data: AuditIndex, s: number, c: number): number | null {
  const level = data.levels[s * data.criteria.length + c]!;
  return Number.isNaN(level) ? null : level;
}

/** The values of every group with at least two scores, one entry per score. */
export function unitsFor(groups: DealGroups, value: (s: number) => number | null): UnitRatings[] {
  const units: UnitRatings[] = [];
  for (const group of groups.values()) if (group.length >= 2) units.push(group.map(value));
  return units;
}

/** The known values of every unit with at least two of them. */
export function knownUnits(data: AuditIndex, groups: DealGroups, c: number): number[][] {
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

/** The raters with a known value in a group that has at least two known values. */
export function pairableRaters(
  data: AuditIndex,
  groups: DealGroups,
  value: (s: number) => number | null,
): Set<number> {
  const raters = new Set<number>();
  for (const group of groups.values()) {
    let known = 0;
    for (const s of group) if (value(s) !== null) known++;
    if (known < 2) continue;
    for (const s of group) if (value(s) !== null) raters.add(data.raterOf[s]!);
  }
  return raters;
}

/** Closed deals with the mean, across raters, of each rater's latest known value. */
export function closedValues(
  groups: DealGroups,
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
