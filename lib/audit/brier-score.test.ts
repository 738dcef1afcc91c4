import { bandBrierScore, brierScore } from './brier-score';
import { winRateByBand } from './win-rate-by-band';

describe('brierScore', () => {
  it('is the mean squared error of the forecasts (by hand)', () => {
    // (0.8−1)² + (0.8−0)² + (0.2−0)² + (0.2−1)² = 0.04 + 0.64 + 0.04 + 0.64 = 1.36; / 4 = 0.34
    const figure = brierScore([0.8, 0.8, 0.2, 0.2], [true, false, false, true], { minN: 1 });
    expect(figure.value).toBeCloseTo(0.34, 12);
    expect(figure).toMatchObject({ n: 4, baseRate: 0.5, reference: 0.25 });
    expect(figure.skill).toBeCloseTo(1 - 0.34 / 0.25, 12);
  });

  it('needs enough deals', () => {
    expect(brierScore([0.5], [true]).reason).toBe(
      'insufficient data: 1 closed deals with a forecast (minimum 10)',
    );
  });
});

describe('bandBrierScore and winRateByBand', () => {
  const deals = [
    ...Array.from({ length: 8 }, (_, i) => ({ band: 'low', won: i < 2 })),
    ...Array.from({ length: 6 }, (_, i) => ({ band: 'high', won: i < 5 })),
  ];

  it('forecasts each deal by its band win rate (by hand)', () => {
    // low: 2/8 won → forecast 0.25; Σ = 2·0.75² + 6·0.25² = 1.5. high: 5/6 → 5·(1/6)² + (5/6)² = 5/6.
    const figure = bandBrierScore(deals);
    expect(figure.value).toBeCloseTo((1.5 + 5 / 6) / 14, 12);
    expect(figure.n).toBe(14);
  });

  it('names one band as no variation', () => {
    expect(bandBrierScore(deals.map((deal) => ({ ...deal, band: 'low' }))).reason).toMatch(/^no variation:/);
  });

  it('gives win rates with Wilson intervals, in band order, n on every band', () => {
    const rates = winRateByBand(deals, ['low', 'mid', 'high']);
    expect(rates.map((rate) => rate.band)).toEqual(['low', 'mid', 'high']);
    expect(rates[0]).toMatchObject({ deals: 8, won: 2, lost: 6, winRate: { value: 0.25, n: 8 } });
    expect(rates[0]!.interval!.low).toBeLessThan(0.25);
    expect(rates[1]!.winRate).toEqual({
      value: null,
      n: 0,
      reason: 'insufficient data: 0 closed deals in the band (minimum 5)',
      sufficientWhen: [{ need: 5, of: 'closed deals', in: 'band mid' }],
    });
    expect(rates[1]!.interval).toBeNull();
  });
});
