import shroutFleiss from '../../tests/fixtures/audit/shrout-fleiss-1979.json';
import { intraclassCorrelations } from './intraclass-correlation';

describe('intraclassCorrelations', () => {
  // Source: Shrout, P. E., & Fleiss, J. L. (1979), Psychological Bulletin 86(2):420–428, Table 2
  // (6 targets × 4 judges): ICC(1,1) = .17, ICC(2,1) = .29, ICC(3,1) = .71; BMS 11.24, WMS 6.26,
  // JMS 32.49, EMS 1.02.
  it('reproduces Shrout & Fleiss (1979)', () => {
    const result = intraclassCorrelations(shroutFleiss.ratings);
    expect(result.oneWay.value).toBeCloseTo(shroutFleiss.expected.icc11, 2);
    expect(result.twoWayAgreement.value).toBeCloseTo(shroutFleiss.expected.icc21, 2);
    expect(result.twoWayConsistency.value).toBeCloseTo(shroutFleiss.expected.icc31, 2);
    const squares = result.meanSquares!;
    expect(squares.between).toBeCloseTo(shroutFleiss.expected.meanSquares.between, 2);
    expect(squares.within).toBeCloseTo(shroutFleiss.expected.meanSquares.within, 2);
    expect(squares.judges).toBeCloseTo(shroutFleiss.expected.meanSquares.judges, 2);
    expect(squares.error).toBeCloseTo(shroutFleiss.expected.meanSquares.error, 2);
    expect(result.oneWay.n).toBe(6);
    expect(result.raters).toBe(4);
  });

  it('is not applicable when a rater skipped a unit', () => {
    const ratings = shroutFleiss.ratings.map((row) => [...row] as (number | null)[]);
    ratings[2]![1] = null;
    const result = intraclassCorrelations(ratings);
    expect(result.twoWayAgreement.reason).toBe(
      'not applicable: 1 of 24 rater × unit cells are empty; an ICC needs every rater to rate every unit',
    );
  });

  it('names one rater, no variation and insufficient data', () => {
    expect(intraclassCorrelations([[1], [2], [3], [4], [5]]).oneWay.reason).toMatch(/^one rater:/);
    expect(intraclassCorrelations(Array.from({ length: 5 }, () => [2, 2, 2])).oneWay.reason).toMatch(
      /^no variation:/,
    );
    expect(
      intraclassCorrelations([
        [1, 2],
        [2, 3],
      ]).oneWay.reason,
    ).toBe('insufficient data: 2 units rated by every rater (minimum 5)');
  });
});
