import { insufficient, known, missing, type Figure } from './figure';
import { DEFAULT_MINIMUMS } from './minimums';

/** A Brier score, with the climatology reference it should beat. */
export type BrierFigure = Figure & {
  /** Share of positive outcomes. */
  baseRate: number | null;
  /** Brier score of always forecasting the base rate: p̄(1 − p̄). */
  reference: number | null;
  /** Brier skill score 1 − BS / reference; null when the reference is 0 (every outcome the same). */
  skill: number | null;
};

/** Brier (1950) score: mean of (forecast − outcome)², outcome 1 for won and 0 for lost. Lower is better. */
export function brierScore(
  forecasts: readonly number[],
  outcomes: readonly boolean[],
  options: { minN?: number } = {},
): BrierFigure {
  if (forecasts.length !== outcomes.length) throw new RangeError('brierScore needs one outcome per forecast');
  const minN = options.minN ?? DEFAULT_MINIMUMS.brierDeals;
  const n = forecasts.length;
  const none = { baseRate: null, reference: null, skill: null };
  if (n < minN) return { ...insufficient(n, 'closed deals with a forecast', minN), ...none };
  let squares = 0;
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const forecast = forecasts[i]!;
    if (!(forecast >= 0 && forecast <= 1))
      throw new RangeError(`a forecast must be a probability, got ${forecast}`);
    const outcome = outcomes[i] ? 1 : 0;
    positives += outcome;
    squares += (forecast - outcome) ** 2;
  }
  const baseRate = positives / n;
  const reference = baseRate * (1 - baseRate);
  const score = squares / n;
  return { ...known(score, n), baseRate, reference, skill: reference > 0 ? 1 - score / reference : null };
}

/** One closed deal and the band its score fell in. */
export interface BandOutcome {
  band: string;
  won: boolean;
}

/**
 * Brier score of forecasting each deal's outcome by its band's empirical win rate (in-sample, so
 * optimistic: it measures how well the bands separate outcomes, not a held-out forecast).
 */
export function bandBrierScore(deals: readonly BandOutcome[], options: { minN?: number } = {}): BrierFigure {
  const won = new Map<string, number>();
  const all = new Map<string, number>();
  for (const deal of deals) {
    all.set(deal.band, (all.get(deal.band) ?? 0) + 1);
    if (deal.won) won.set(deal.band, (won.get(deal.band) ?? 0) + 1);
  }
  const forecasts = deals.map((deal) => (won.get(deal.band) ?? 0) / all.get(deal.band)!);
  const figure = brierScore(
    forecasts,
    deals.map((deal) => deal.won),
    options,
  );
  if (figure.value !== null && all.size === 1) {
    return {
      ...figure,
      ...missing(figure.n, 'no variation', 'every deal is in one band, so bands forecast nothing'),
    };
  }
  return figure;
}
