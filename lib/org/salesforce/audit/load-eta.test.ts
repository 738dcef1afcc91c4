import { estimateRemaining } from './load-eta';

describe('estimateRemaining', () => {
  it('is unknown until the org says the total', () => {
    expect(estimateRemaining(200, null, 1000)).toEqual({ fraction: null, remainingMs: null });
  });

  it('knows the share but not the time before the first row', () => {
    expect(estimateRemaining(0, 90, 500)).toEqual({ fraction: 0, remainingMs: null });
  });

  it('extrapolates the rate so far to the rows left', () => {
    expect(estimateRemaining(30, 90, 1500)).toEqual({ fraction: 1 / 3, remainingMs: 3000 });
  });

  it('never goes past the end when the org reads more rows than it announced', () => {
    expect(estimateRemaining(120, 90, 1000)).toEqual({ fraction: 1, remainingMs: 0 });
  });
});
