import { coverage } from './coverage';
import { staleness } from './staleness';

describe('coverage', () => {
  it('is the share of known deals that are scored', () => {
    expect(coverage(['a', 'b', 'c', 'd'], new Set(['a', 'c', 'x']))).toEqual({
      value: 0.5,
      n: 4,
      deals: 4,
      scored: 2,
    });
  });

  it('is not applicable without a list of deals', () => {
    expect(coverage([], new Set(['a'])).reason).toMatch(/^not applicable:/);
  });
});

describe('staleness', () => {
  const asOf = Date.UTC(2024, 5, 30);
  const day = 86_400_000;

  it('summarises the age of the latest scores', () => {
    const result = staleness([asOf - 10 * day, asOf - 20 * day, asOf - 40 * day, asOf - 50 * day], asOf, 30);
    expect(result.medianDays).toEqual({ value: 30, n: 4 });
    expect(result.maxDays).toEqual({ value: 50, n: 4 });
    expect(result.staleShare).toEqual({ value: 0.5, n: 4 });
  });

  it('names the absence of dated scores', () => {
    expect(staleness([], asOf, 30).medianDays.reason).toBe('insufficient data: no dated scores');
  });
});
