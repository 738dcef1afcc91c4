import reliability from '../../tests/fixtures/audit/krippendorff-2011-reliability-data.json';
import { krippendorffAlpha, type UnitRatings } from './krippendorff-alpha';

/** Observers × units in the fixture → one array per unit. */
const units: UnitRatings[] = reliability.data[0]!.map((_, u) =>
  reliability.data.map((row) => row[u] ?? null),
);

describe('krippendorffAlpha', () => {
  // Source: Krippendorff, K. (2011). Computing Krippendorff's Alpha-Reliability. ASC Departmental
  // Papers 43, University of Pennsylvania: the 4 observers × 12 units reliability data with missing
  // values; published α nominal .743, ordinal .815, interval .849, ratio .797.
  it('reproduces Krippendorff (2011) at all four metrics', () => {
    const result = krippendorffAlpha(units, { bootstrap: false });
    expect(result.units).toBe(11); // unit 12 has one value: not pairable
    expect(result.values).toBe(40); // n.. = 40 pairable values in the paper's coincidence matrix
    expect(result.nominal.value).toBeCloseTo(reliability.expected.nominal, 3);
    expect(result.ordinal.value).toBeCloseTo(reliability.expected.ordinal, 3);
    expect(result.interval.value).toBeCloseTo(reliability.expected.interval, 3);
    expect(result.ratio.value).toBeCloseTo(reliability.expected.ratio, 3);
    // The nominal value is exact: 1 − (40 − 1)·10/ (40·39 − Σn_c²)… = 0.743421…
    expect(result.nominal.value).toBeCloseTo(0.7434210526, 9);
  });

  it('does not depend on the order of raters or units', () => {
    const shuffled = [...units].reverse().map((unit) => [...unit].reverse());
    const a = krippendorffAlpha(units, { bootstrap: false });
    const b = krippendorffAlpha(shuffled, { bootstrap: false });
    for (const metric of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
      expect(b[metric].value).toBeCloseTo(a[metric].value!, 12);
    }
  });

  it('treats Unknown (null) as missing and ignores units with fewer than 2 values', () => {
    const withExtra = [...units, [null, 4, null, null], [null, null, null, null]];
    const result = krippendorffAlpha(withExtra, { bootstrap: false });
    expect(result.units).toBe(11);
    expect(result.nominal.value).toBeCloseTo(0.743, 3);
  });

  it('gives 1 for perfect agreement', () => {
    const perfect = [
      [1, 1],
      [2, 2],
      [3, 3],
      [1, 1],
      [2, 2],
    ];
    expect(krippendorffAlpha(perfect, { bootstrap: false }).ordinal.value).toBe(1);
  });

  it('names one rater instead of returning NaN', () => {
    const result = krippendorffAlpha([[1], [2], [3], [1], [2], [3]], { bootstrap: false });
    expect(result.nominal).toEqual({ value: null, n: 0, reason: expect.stringMatching(/^one rater:/) });
  });

  it('names no variation', () => {
    const result = krippendorffAlpha(
      [
        [2, 2],
        [2, 2, 2],
        [2, 2],
        [2, 2],
        [2, 2],
      ],
      { bootstrap: false },
    );
    expect(result.interval.value).toBeNull();
    expect(result.interval.reason).toMatch(/^no variation:/);
    expect(result.interval.n).toBe(5);
  });

  it('reports insufficient data below the minimum number of units', () => {
    const result = krippendorffAlpha(
      [
        [1, 2],
        [2, 2],
        [3, 3],
      ],
      { bootstrap: false },
    );
    expect(result.ordinal).toEqual({
      value: null,
      n: 3,
      reason: 'insufficient data: 3 units with 2 or more ratings (minimum 5)',
      sufficientWhen: [{ need: 2, of: 'units with 2 or more ratings' }],
    });
    expect(
      krippendorffAlpha(
        [
          [1, 2],
          [2, 2],
          [3, 3],
        ],
        { bootstrap: false, minUnits: 3 },
      ).ordinal.value,
    ).not.toBeNull();
  });

  it('refuses the ratio metric for negative values but computes the others', () => {
    const result = krippendorffAlpha(
      [
        [-1, -1],
        [0, 1],
        [1, 1],
        [2, 1],
        [0, 0],
      ],
      { bootstrap: false },
    );
    expect(result.ratio.reason).toMatch(/^not applicable: .*negative/);
    expect(result.interval.value).not.toBeNull();
  });

  it('computes only the requested metrics', () => {
    const result = krippendorffAlpha(units, { bootstrap: false, metrics: ['interval'] });
    expect(result.interval.value).toBeCloseTo(0.849, 3);
    expect(result.nominal.reason).toMatch(/^not applicable: .*not requested/);
  });

  describe('bootstrap interval', () => {
    // The published data has 11 units, below the interval's default minimum of 20.
    const small = { minIntervalUnits: 2 };

    it('draws no interval below the minimum, and says how many units it needs', () => {
      const ordinal = krippendorffAlpha(units, { bootstrap: { replicates: 50 } }).ordinal;
      expect(ordinal.value).toBeCloseTo(0.815, 3);
      if (ordinal.value === null) throw new Error('expected a value');
      expect(ordinal.ci).toBeNull();
      expect(ordinal.ciReason).toBe(
        'insufficient data: 11 units with 2 or more ratings for an interval (minimum 20)',
      );
    });

    it('is reproducible for a seed and contains the estimate', () => {
      const a = krippendorffAlpha(units, { ...small, bootstrap: { seed: 7, replicates: 500 } });
      const b = krippendorffAlpha(units, { ...small, bootstrap: { seed: 7, replicates: 500 } });
      expect(a).toEqual(b);
      const ordinal = a.ordinal;
      if (ordinal.value === null || !ordinal.ci) throw new Error('expected an interval');
      expect(ordinal.ci.low).toBeLessThanOrEqual(ordinal.value);
      expect(ordinal.ci.high).toBeGreaterThanOrEqual(ordinal.value);
      expect(ordinal.ci).toMatchObject({
        method: 'poisson-unit-bootstrap',
        level: 0.95,
        requested: 500,
        seed: 7,
      });
      expect(ordinal.ci.probabilityBelow.threshold).toBe(0.667);
    });

    it('changes with the seed and narrows with more units', () => {
      const a = krippendorffAlpha(units, { ...small, bootstrap: { seed: 1 } }).interval;
      const b = krippendorffAlpha(units, { ...small, bootstrap: { seed: 2 } }).interval;
      if (a.value === null || b.value === null) throw new Error('expected values');
      expect(a.ci?.low).not.toBe(b.ci?.low);
      const many = Array.from({ length: 20 }, () => units).flat();
      const wide = a.ci!.high - a.ci!.low;
      const bigger = krippendorffAlpha(many, { bootstrap: { seed: 1 } }).interval;
      if (bigger.value === null) throw new Error('expected a value');
      expect(bigger.value).toBeCloseTo(a.value, 2);
      expect(bigger.ci!.high - bigger.ci!.low).toBeLessThan(wide / 2);
    });

    it('covers the true α about 95 % of the time on simulated data', () => {
      // Raters agree with a true level 70 % of the time, else pick uniformly; 40 units × 3 raters.
      let state = 12345;
      const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
      const simulate = (n: number) =>
        Array.from({ length: n }, () => {
          const truth = Math.floor(random() * 4);
          return [0, 1, 2].map(() => (random() < 0.7 ? truth : Math.floor(random() * 4)));
        });
      const truth = krippendorffAlpha(simulate(20000), { bootstrap: false }).nominal.value!;
      let covered = 0;
      const trials = 60;
      for (let t = 0; t < trials; t++) {
        const figure = krippendorffAlpha(simulate(40), {
          bootstrap: { seed: t + 1, replicates: 400 },
        }).nominal;
        if (figure.value !== null && figure.ci && figure.ci.low <= truth && truth <= figure.ci.high)
          covered++;
      }
      expect(covered / trials).toBeGreaterThan(0.85);
    });
  });
});
