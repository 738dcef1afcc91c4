import type { Band } from '../../definitions/schema-v1';
import { bandFor } from '../../scoring/compute-score';
import type { AuditReport, PredictiveFigures } from '../audit-report';
import { bandBrierScore, type BandOutcome } from '../brier-score';
import { missing } from '../figure';
import { mannWhitneyAuc } from '../mann-whitney-auc';
import type { Minimums } from '../minimums';
import { winRateByBand, type BandWinRate } from '../win-rate-by-band';

/** A closed deal's value (a level or a total) and whether it was won. */
export interface ClosedValue {
  value: number;
  won: boolean;
}

/** How well values separate won from lost deals: counts and the AUC. */
export function predictiveOf(values: readonly ClosedValue[], minimums: Minimums): PredictiveFigures {
  const won = values.filter((v) => v.won).map((v) => v.value);
  const lost = values.filter((v) => !v.won).map((v) => v.value);
  return {
    deals: values.length,
    won: won.length,
    lost: lost.length,
    auc: mannWhitneyAuc(won, lost, { minPerClass: minimums.aucPerOutcome }),
  };
}

/** Predictive validity of the total: AUC, win rate by band and the bands' Brier score (bands permitting). */
export function totalPredictive(
  totals: readonly ClosedValue[],
  bands: readonly Band[] | null,
  minimums: Minimums,
): AuditReport['total']['predictive'] {
  const banded: BandOutcome[] = bands
    ? totals.map(({ value, won }) => ({ band: bandFor(bands, value).id, won }))
    : [];
  return {
    ...predictiveOf(totals, minimums),
    winRateByBand: bands
      ? withBandLabels(winRateByBand(banded, orderOf(bands), { minDeals: minimums.bandDeals }), bands)
      : null,
    ...(bands
      ? {}
      : {
          winRateByBandReason:
            'not applicable: no bands known (pass --definitions, or bundles that carry their definitions)',
        }),
    brier: bands
      ? bandBrierScore(banded, { minN: minimums.brierDeals })
      : {
          ...missing(totals.length, 'not applicable', 'no bands known'),
          baseRate: null,
          reference: null,
          skill: null,
        },
  };
}

/** A manager reads "band Developing", not the band's id, in what would make a win rate sufficient. */
function withBandLabels(rates: BandWinRate[], bands: readonly Band[]): BandWinRate[] {
  const labels = new Map(bands.map((band) => [band.id, band.label]));
  for (const rate of rates) {
    if (rate.winRate.value !== null || !rate.winRate.sufficientWhen) continue;
    rate.winRate.sufficientWhen = rate.winRate.sufficientWhen.map((need) => ({
      ...need,
      in: `band ${labels.get(rate.band) ?? rate.band}`,
    }));
  }
  return rates;
}

function orderOf(bands: readonly Band[]): string[] {
  return [...bands].sort((a, b) => a.min - b.min).map((band) => band.id);
}
