import { insufficient, known, moreNeeded, type Figure } from './figure';
import type { BandOutcome } from './brier-score';
import { DEFAULT_MINIMUMS } from './minimums';
import { wilsonInterval, type ProportionInterval } from './wilson-interval';

/** The win rate of the closed deals in one band. */
export interface BandWinRate {
  band: string;
  deals: number;
  won: number;
  lost: number;
  /** won / deals, n = deals. */
  winRate: Figure;
  /** Wilson 95 % interval, null exactly when `winRate` is. */
  interval: ProportionInterval | null;
}

/** Win rate per band with a Wilson interval, bands in `bandOrder` (unlisted bands follow, by name). */
export function winRateByBand(
  deals: readonly BandOutcome[],
  bandOrder: readonly string[] = [],
  options: { minDeals?: number; level?: number } = {},
): BandWinRate[] {
  const minDeals = options.minDeals ?? DEFAULT_MINIMUMS.bandDeals;
  const counts = new Map<string, { deals: number; won: number }>(
    bandOrder.map((band) => [band, { deals: 0, won: 0 }]),
  );
  for (const deal of deals) {
    const entry = counts.get(deal.band) ?? { deals: 0, won: 0 };
    entry.deals++;
    if (deal.won) entry.won++;
    counts.set(deal.band, entry);
  }
  const extra = [...counts.keys()].filter((band) => !bandOrder.includes(band)).sort();
  return [...bandOrder, ...extra].map((band) => {
    const { deals: n, won } = counts.get(band)!;
    const enough = n >= minDeals;
    return {
      band,
      deals: n,
      won,
      lost: n - won,
      winRate: enough
        ? known(won / n, n)
        : {
            ...insufficient(n, 'closed deals in the band', minDeals),
            sufficientWhen: [moreNeeded(minDeals - n, 'closed deals', `band ${band}`)],
          },
      interval: enough ? wilsonInterval(won, n, options.level ?? 0.95) : null,
    };
  });
}
