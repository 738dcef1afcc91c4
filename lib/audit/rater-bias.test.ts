import { raterBias } from './rater-bias';
import { raterDrift } from './rater-drift';

describe('raterBias', () => {
  it('is the mean deviation from the other raters (by hand)', () => {
    // Unit 1: a=2, b=1, c=0 → a: 2 − 0.5 = 1.5; b: 1 − 1 = 0; c: 0 − 1.5 = −1.5.
    // Unit 2: a=2, b=2 → a: 0, b: 0. Unit 3: a=1, c=Unknown → no pair.
    const result = raterBias(
      [
        [
          { rater: 'a', value: 2 },
          { rater: 'b', value: 1 },
          { rater: 'c', value: 0 },
        ],
        [
          { rater: 'a', value: 2 },
          { rater: 'b', value: 2 },
        ],
        [
          { rater: 'a', value: 1 },
          { rater: 'c', value: null },
        ],
      ],
      { minUnits: 1 },
    );
    expect(result.map((entry) => [entry.rater, entry.bias.value, entry.bias.n])).toEqual([
      ['a', 0.75, 2],
      ['b', 0, 2],
      ['c', -1.5, 1],
    ]);
    expect(result[0]!.bias.se).toBeCloseTo(Math.sqrt(((1.5 - 0.75) ** 2 + (0 - 0.75) ** 2) / 1 / 2), 12);
  });

  it('names one rater and insufficient data', () => {
    expect(raterBias([[{ rater: 'a', value: 1 }]])[0]!.bias.reason).toMatch(/^one rater:/);
    const few = raterBias([
      [
        { rater: 'a', value: 1 },
        { rater: 'b', value: 2 },
      ],
    ]);
    expect(few[0]!.bias).toEqual({
      value: null,
      n: 1,
      reason: 'insufficient data: 1 units shared with another rater (minimum 5)',
      sufficientWhen: [{ need: 4, of: 'units shared with another rater' }],
      se: null,
    });
  });
});

describe('raterDrift', () => {
  const day = 86_400_000;
  const start = Date.UTC(2024, 0, 10);
  // Rater a drifts upward by 0.5 level a month against b, who stays at 1.
  const units = Array.from({ length: 12 }, (_, i) => [
    { rater: 'b', value: 1, at: start + i * 30 * day },
    { rater: 'a', value: 1 + 0.5 * i, at: start + i * 30 * day },
  ]);

  it('finds the slope per 30 days and the monthly bias', () => {
    const drift = raterDrift(units);
    const a = drift.find((entry) => entry.rater === 'a')!;
    expect(a.slopePer30Days.value).toBeCloseTo(0.5, 9);
    expect(a.slopePer30Days.n).toBe(12);
    expect(a.windows[0]).toEqual({
      window: '2024-01',
      bias: {
        value: null,
        n: 1,
        reason: 'insufficient data: 1 deviations in the month (minimum 3)',
        sufficientWhen: [{ need: 2, of: 'deviations in the month' }],
      },
    });
    const b = drift.find((entry) => entry.rater === 'b')!;
    expect(b.slopePer30Days.value).toBeCloseTo(-0.5, 9);
  });

  it("compares every dated rating with the others' latest ratings", () => {
    const history = [
      [
        { rater: 'a', value: 0, at: Date.UTC(2024, 0, 1) },
        { rater: 'a', value: 2, at: Date.UTC(2024, 2, 1) },
        { rater: 'b', value: 1, at: Date.UTC(2023, 11, 1) },
        { rater: 'b', value: 2, at: Date.UTC(2024, 3, 1) },
      ],
    ];
    const a = raterDrift(history, { minWindowDeviations: 1 }).find((entry) => entry.rater === 'a')!;
    expect(a.windows.map((window) => [window.window, window.bias.value])).toEqual([
      ['2024-01', -2],
      ['2024-03', 0],
    ]);
  });

  it('needs deviations spread over two months', () => {
    const sameMonth = Array.from({ length: 12 }, (_, i) => [
      { rater: 'a', value: i % 3, at: start + i * day },
      { rater: 'b', value: 1, at: start + i * day },
    ]);
    expect(raterDrift(sameMonth)[0]!.slopePer30Days.reason).toMatch(/one month/);
  });
});
