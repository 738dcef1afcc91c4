import newcombe from '../../tests/fixtures/audit/newcombe-1998-wilson.json';
import { wilsonInterval } from './wilson-interval';
import { criticalValue, normalQuantile } from './normal-quantile';

describe('wilsonInterval', () => {
  // Source: Newcombe, R. G. (1998), Statistics in Medicine 17(8):857–872, examples (a)–(d),
  // method 3 (score interval without continuity correction).
  it.each(newcombe.examples)(
    'reproduces Newcombe (1998) for $successes/$trials',
    ({ successes, trials, low, high }) => {
      const interval = wilsonInterval(successes, trials)!;
      expect(interval.low).toBeCloseTo(low, 4);
      expect(interval.high).toBeCloseTo(high, 4);
    },
  );

  it('has the closed form z²/(n + z²) as upper bound for 0 successes (by hand)', () => {
    const z = criticalValue(0.95);
    expect(wilsonInterval(0, 20)!.high).toBeCloseTo((z * z) / (20 + z * z), 12);
  });

  it('is symmetric around one half and null without trials', () => {
    const a = wilsonInterval(3, 10)!;
    const b = wilsonInterval(7, 10)!;
    expect(a.low).toBeCloseTo(1 - b.high, 12);
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
  });
});

describe('normalQuantile', () => {
  it('matches the standard normal table', () => {
    expect(criticalValue(0.95)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 7);
    expect(normalQuantile(0.5)).toBe(0);
  });
});
