import fleiss1971 from '../../tests/fixtures/audit/fleiss-1971-diagnoses.json';
import workedExample from '../../tests/fixtures/audit/fleiss-kappa-worked-example.json';
import { fleissKappa, fleissKappaFromCounts } from './fleiss-kappa';

describe('fleissKappaFromCounts', () => {
  // Source: Fleiss, J. L. (1971), Psychological Bulletin 76(5):378–382, Table 1 (30 patients × 6
  // diagnoses each, 5 categories); the paper reports κ = .430.
  it('reproduces Fleiss (1971), κ = .430', () => {
    const kappa = fleissKappaFromCounts(fleiss1971.counts);
    expect(kappa.value).toBeCloseTo(fleiss1971.expected.kappa, 3);
    expect(kappa).toMatchObject({ n: 30, ratingsPerUnit: 6 });
  });

  // Source: the worked example of the Wikipedia article "Fleiss' kappa" (10 subjects × 14 raters ×
  // 5 categories): P̄ = 0.378, P̄e = 0.213, κ = 0.210, each checkable by hand.
  it('reproduces the 10 × 14 worked example, κ = 0.210', () => {
    const kappa = fleissKappaFromCounts(workedExample.counts);
    expect(kappa.observedAgreement).toBeCloseTo(workedExample.expected.observedAgreement, 3);
    expect(kappa.chanceAgreement).toBeCloseTo(workedExample.expected.chanceAgreement, 3);
    expect(kappa.value).toBeCloseTo(workedExample.expected.kappa, 3);
    expect(kappa.n).toBe(10);
  });

  it('names unequal numbers of ratings per unit', () => {
    const kappa = fleissKappaFromCounts([
      [2, 0],
      [1, 2],
      [0, 2],
      [2, 0],
      [1, 1],
    ]);
    expect(kappa.value).toBeNull();
    expect(kappa.reason).toBe(
      "not applicable: units have between 2 and 3 ratings; Fleiss' κ needs the same number on every unit",
    );
  });

  it('names no variation and insufficient data', () => {
    expect(fleissKappaFromCounts(Array.from({ length: 6 }, () => [3, 0])).reason).toMatch(/^no variation:/);
    expect(
      fleissKappaFromCounts([
        [1, 1],
        [2, 0],
      ]).reason,
    ).toBe('insufficient data: 2 units (minimum 5)');
  });
});

describe('fleissKappa (raw ratings)', () => {
  it('equals the counts form and drops missing ratings', () => {
    const raw = workedExample.counts.map((row) => [
      ...row.flatMap((count, category) => Array<number>(count).fill(category + 1)),
      null,
    ]);
    expect(fleissKappa(raw).value).toBeCloseTo(fleissKappaFromCounts(workedExample.counts).value!, 12);
  });
});
