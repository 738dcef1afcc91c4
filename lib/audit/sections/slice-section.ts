import { closedValues, knownUnits, latestGroups, type AuditIndex, type DealGroups } from '../audit-index';
import type { AuditInput } from '../audit-input';
import type { AuditReport, SliceAudit } from '../audit-report';
import { missing } from '../figure';
import { krippendorffAlpha, type AlphaFigure } from '../krippendorff-alpha';
import type { Minimums } from '../minimums';
import { oneRaterAlpha } from './agreement-section';
import { predictiveOf } from './predictive-section';

/** Agreement and AUC on each segment value, rater and definitions version (segments too varied are skipped). */
export function slicesOf(
  data: AuditIndex,
  input: AuditInput,
  latestAll: DealGroups,
  latestDeal: DealGroups,
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
      const keep = (groups: DealGroups): DealGroups => {
        const kept: DealGroups = new Map();
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
    const totals = closedValues(own, outcomes, (s) => data.scores[s]!.total ?? NaN);
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
  data: AuditIndex,
  latestAll: DealGroups,
  latestDeal: DealGroups,
  outcomes: Map<number, boolean>,
  minimums: Minimums,
  value: string,
): Omit<SliceAudit, 'by' | 'column'> {
  const raters = new Set<number>();
  for (const group of latestAll.values()) for (const s of group) raters.add(data.raterOf[s]!);
  const totals = closedValues(latestDeal, outcomes, (s) => data.scores[s]!.total ?? NaN);
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
