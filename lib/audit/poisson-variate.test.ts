import { logGamma, poissonSampler, poissonVariate } from './poisson-variate';
import { seededRandom } from './seeded-random';

describe('poissonVariate', () => {
  it.each([0.5, 3, 12, 80, 5000])('has mean and variance λ = %s', (mean) => {
    const random = seededRandom(42);
    const draws = 40000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < draws; i++) {
      const k = poissonVariate(mean, random);
      expect(Number.isInteger(k) && k >= 0).toBe(true);
      sum += k;
      squares += k * k;
    }
    const average = sum / draws;
    const variance = squares / draws - average * average;
    expect(Math.abs(average - mean)).toBeLessThan(5 * Math.sqrt(mean / draws));
    expect(variance / mean).toBeGreaterThan(0.95);
    expect(variance / mean).toBeLessThan(1.05);
  });

  it('follows the Poisson probabilities at λ = 15 (the PTRS branch)', () => {
    const random = seededRandom(3);
    const draws = 100000;
    const counts = new Map<number, number>();
    for (let i = 0; i < draws; i++) {
      const k = poissonVariate(15, random);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const k of [8, 12, 15, 18, 22]) {
      const p = Math.exp(-15 + k * Math.log(15) - logGamma(k + 1));
      const observed = (counts.get(k) ?? 0) / draws;
      expect(Math.abs(observed - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / draws));
    }
  });

  it('is reproducible from the seed', () => {
    const a = seededRandom(9);
    const b = seededRandom(9);
    expect(Array.from({ length: 5 }, () => poissonVariate(40, a))).toEqual(
      Array.from({ length: 5 }, () => poissonVariate(40, b)),
    );
  });
});

describe('logGamma', () => {
  it('matches log factorials', () => {
    let logFactorial = 0;
    for (let k = 1; k <= 30; k++) {
      logFactorial += Math.log(k);
      expect(logGamma(k + 1)).toBeCloseTo(logFactorial, 9);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 9);
  });
});

describe('poissonSampler', () => {
  it.each([0.5, 1, 4, 9.5, 25])('has mean and variance λ = %s', (mean) => {
    const random = seededRandom(5);
    const draw = poissonSampler(mean);
    const draws = 40000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < draws; i++) {
      const k = draw(random);
      sum += k;
      squares += k * k;
    }
    const average = sum / draws;
    expect(Math.abs(average - mean)).toBeLessThan(5 * Math.sqrt(mean / draws));
    expect((squares / draws - average * average) / mean).toBeGreaterThan(0.95);
    expect((squares / draws - average * average) / mean).toBeLessThan(1.05);
  });

  it('matches P(K = 0) = e^−1 at λ = 1', () => {
    const random = seededRandom(11);
    const draw = poissonSampler(1);
    let zeros = 0;
    for (let i = 0; i < 100000; i++) if (draw(random) === 0) zeros++;
    expect(Math.abs(zeros / 100000 - Math.exp(-1))).toBeLessThan(0.005);
  });
});
