import { robustRaterBias } from './robust-bias';

/** Units as rater → level maps, indexed the way the audit indexes scores. */
function indexed(units: readonly Record<string, number | null>[]) {
  const names: string[] = [];
  const raterOf: number[] = [];
  const values: number[] = [];
  const groups = units.map((unit) =>
    Object.entries(unit).map(([rater, value]) => {
      if (!names.includes(rater)) names.push(rater);
      raterOf.push(names.indexOf(rater));
      values.push(value ?? NaN);
      return values.length - 1;
    }),
  );
  return { groups, names, raterOf, valueOf: (i: number) => values[i]! };
}

function biasOf(units: readonly Record<string, number | null>[], minUnits = 5) {
  const { groups, names, raterOf, valueOf } = indexed(units);
  return Object.fromEntries(
    robustRaterBias(groups, names, raterOf, valueOf, { minUnits }).map(({ rater, bias }) => [rater, bias]),
  );
}

describe('robustRaterBias', () => {
  it('puts a lenient rater at +1 and leaves the two accurate raters at 0 (the mean of the others gave them −0.5)', () => {
    const units = [0, 1, 2, 1, 0, 2].map((level) => ({ ann: level, bob: level, lee: level + 1 }));
    const bias = biasOf(units);
    expect(bias.lee).toMatchObject({ value: 1, n: 6, flagged: true });
    expect(bias.ann!.value).toBeCloseTo(0, 12);
    expect(bias.bob!.value).toBeCloseTo(0, 12);
    expect(bias.ann!.flagged).toBe(false);
    expect(bias.bob!.flagged).toBe(false);
  });

  it('fits rater effects on incomplete designs (each deal rated by a different pair or trio)', () => {
    // True effects: ann 0, bob 0, cai 0, lee +1; deal levels 0–2; every rating exact.
    const truth = [0, 1, 2, 0, 1, 2, 1, 0];
    const raters = ['ann', 'bob', 'cai', 'lee'];
    const units = truth.map((level, u) =>
      Object.fromEntries(
        raters
          .filter((_, r) => r !== u % 4)
          .map((rater) => [rater, rater === 'lee' ? level + 1 : level] as const),
      ),
    );
    const bias = biasOf(units);
    expect(bias.lee!.value).toBeCloseTo(1, 6);
    expect(bias.lee!.flagged).toBe(true);
    for (const rater of ['ann', 'bob', 'cai']) {
      expect(bias[rater]!.value).toBeCloseTo(0, 6);
      expect(bias[rater]!.flagged).toBe(false);
    }
  });

  it('flags nobody among two raters: either could be the one who differs', () => {
    const units = [0, 1, 2, 1, 0, 2].map((level) => ({ ann: level, lee: level + 1 }));
    const bias = biasOf(units);
    expect(bias.lee).toMatchObject({ value: 0.5, flagged: false });
    expect(bias.ann).toMatchObject({ value: -0.5, flagged: false });
  });

  it('does not flag a difference that is not steady (noise around 0)', () => {
    const lee = [1, -1, 1, -1, 1, 0];
    const units = lee.map((offset, u) => ({ ann: 1, bob: 1, lee: 1 + offset, day: u }));
    const bias = biasOf(units.map(({ ann, bob, lee: l }) => ({ ann, bob, lee: l })));
    expect(bias.lee!.flagged).toBe(false);
  });

  it('tests the gap deal by deal: 0.6 level at 2.7 paired standard errors is not flagged', () => {
    // lee − the others per deal: seven +1, two 0, one −1 (mean 0.6, sd 0.70, SE 0.22). The additive
    // fit's residuals put the SE at 0.18 (3.3 SE), since lee's own rating is in every deal level.
    const lee = [1, 1, 1, 0, 1, 1, -1, 1, 0, 1];
    const bias = biasOf(lee.map((offset) => ({ ann: 2, bob: 2, lee: 2 + offset })));
    expect(bias.lee!.value).toBeCloseTo(0.4, 12);
    expect(bias.lee!.flagged).toBe(false);
    const steady = biasOf(lee.map((offset) => ({ ann: 2, bob: 2, lee: 2 + Math.max(0, offset) })));
    expect(steady.lee!.flagged).toBe(true);
  });

  it('says how many more shared units would make a figure sufficient', () => {
    const bias = biasOf([{ ann: 1, bob: 2, lee: 2 }], 5);
    expect(bias.ann).toEqual({
      value: null,
      n: 1,
      reason: 'insufficient data: 1 units shared with another rater (minimum 5)',
      sufficientWhen: [{ need: 4, of: 'units shared with another rater' }],
      se: null,
      flagged: false,
    });
  });
});
