import type { AuditIndex, DealGroups } from '../audit-index';
import type { RaterAudit } from '../audit-report';
import { summarise } from '../descriptive-statistics';
import { missing } from '../figure';
import type { BiasFlagRule, Minimums } from '../minimums';
import { raterBiasIndexed } from '../rater-bias';
import { raterDriftIndexed, type RaterDrift } from '../rater-drift';
import { robustRaterBias } from '../robust-bias';

/** Each rater's audit (bias, drift, totals), sorted by rater id. */
export function ratersOf(
  data: AuditIndex,
  latest: DealGroups,
  history: DealGroups,
  minimums: Minimums,
  biasFlag: BiasFlagRule,
): RaterAudit[] {
  const { criteria, raters } = data;
  const width = criteria.length;
  const bias = criteria.map((_, c) => {
    const valueOf = (s: number) => data.levels[s * width + c]!;
    const entries = raterBiasIndexed(latest.values(), raters, data.raterOf, valueOf, {
      minUnits: minimums.biasUnits,
    });
    return new Map(entries.map((entry) => [entry.rater, entry.bias]));
  });
  const robust = criteria.map((_, c) => {
    const entries = robustRaterBias(
      latest.values(),
      raters,
      data.raterOf,
      (s) => data.levels[s * width + c]!,
      {
        minUnits: minimums.biasUnits,
        flagRule: biasFlag,
      },
    );
    const cases = calibrationCasesPerRater(data, latest, c);
    return new Map(
      entries.map((entry) => [
        entry.rater,
        { ...entry.bias, calibrationCases: entry.bias.n === 0 ? 0 : (cases.get(entry.rater) ?? 0) },
      ]),
    );
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
  const noRobustComparison = { ...noComparison, flagged: false };
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
      robustBias: Object.fromEntries(
        criteria.map((criterion, c) => [criterion, robust[c]!.get(id) ?? noRobustComparison]),
      ),
      drift: Object.fromEntries(criteria.map((criterion, c) => [criterion, drift[c]!.get(id) ?? noDrift])),
      totals: summarise(totals[r]!),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Per rater: calibration cases of criterion `c` they rated with at least one colleague (the robust bias's units). */
function calibrationCasesPerRater(data: AuditIndex, latest: DealGroups, c: number): Map<string, number> {
  const width = data.criteria.length;
  const counts = new Map<string, number>();
  for (const group of latest.values()) {
    if (data.scores[group[0]!]!.context !== 'calibration') continue;
    const rating = group.filter((s) => !Number.isNaN(data.levels[s * width + c]!));
    if (rating.length < 2) continue;
    for (const s of rating) {
      const rater = data.raters[data.raterOf[s]!]!;
      counts.set(rater, (counts.get(rater) ?? 0) + 1);
    }
  }
  return counts;
}
