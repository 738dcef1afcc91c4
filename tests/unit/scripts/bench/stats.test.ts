import { seededRandom } from '../../../../lib/audit/seeded-random';
import { median, medianDifferenceInterval, medianInterval } from '../../../../scripts/bench/stats';

/** Loads whose script time spreads like the bench's (a few ms, a long tail), shifted by `offset`. */
function loads(count: number, offset: number, random = seededRandom(7)): number[] {
  return Array.from({ length: count }, () => 2 + offset + -Math.log(1 - random()) * 1.2);
}

describe('medianDifferenceInterval', () => {
  it('brackets the difference between two shifted samples, and narrows with more loads', () => {
    const small = medianDifferenceInterval(loads(30, 0, seededRandom(1)), loads(30, 0.6, seededRandom(2)));
    const large = medianDifferenceInterval(loads(600, 0, seededRandom(3)), loads(600, 0.6, seededRandom(4)));
    expect(small.low).toBeLessThan(0.6);
    expect(small.high).toBeGreaterThan(0.6);
    expect(large.low).toBeLessThan(0.6);
    expect(large.high).toBeGreaterThan(0.6);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 2);
  });

  it('holds the observed median difference inside the interval', () => {
    const before = loads(30, 0, seededRandom(5));
    const after = loads(30, 1, seededRandom(6));
    const { low, high } = medianDifferenceInterval(before, after);
    const observed = median(after) - median(before);
    expect(low).toBeLessThanOrEqual(observed);
    expect(high).toBeGreaterThanOrEqual(observed);
  });

  it('excludes zero when one sample is clearly above the other', () => {
    const { low } = medianDifferenceInterval(loads(40, 0, seededRandom(8)), loads(40, 3, seededRandom(9)));
    expect(low).toBeGreaterThan(1);
  });

  it('gives the same interval for the same samples, and NaN without samples', () => {
    const before = loads(20, 0);
    const after = loads(20, 0.5, seededRandom(11));
    expect(medianDifferenceInterval(before, after)).toEqual(medianDifferenceInterval(before, after));
    expect(medianDifferenceInterval([], after).low).toBeNaN();
    expect(medianDifferenceInterval(before, []).high).toBeNaN();
  });
});

describe('medianInterval', () => {
  it('brackets the median of the distribution the loads come from, and narrows with more loads', () => {
    // loads() draws 2 + an exponential of mean 1.2, whose median is 2 + 1.2·ln 2.
    const trueMedian = 2 + 1.2 * Math.log(2);
    const small = medianInterval(loads(30, 0, seededRandom(12)));
    const large = medianInterval(loads(600, 0, seededRandom(13)));
    expect(small.low).toBeLessThan(trueMedian);
    expect(small.high).toBeGreaterThan(trueMedian);
    expect(large.low).toBeLessThan(trueMedian);
    expect(large.high).toBeGreaterThan(trueMedian);
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 2);
  });

  it('holds the observed median, and gives NaN without samples', () => {
    const samples = loads(25, 0, seededRandom(14));
    const { low, high } = medianInterval(samples);
    expect(low).toBeLessThanOrEqual(median(samples));
    expect(high).toBeGreaterThanOrEqual(median(samples));
    expect(medianInterval([]).low).toBeNaN();
  });
});
