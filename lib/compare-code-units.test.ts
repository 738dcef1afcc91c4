import { compareCodeUnits } from './compare-code-units';

describe('compareCodeUnits', () => {
  it('orders by code unit, not by locale: upper case before lower, and equal strings tie', () => {
    expect(['b', 'a', 'B', 'ä'].sort(compareCodeUnits)).toEqual(['B', 'a', 'b', 'ä']);
    expect(compareCodeUnits('x', 'x')).toBe(0);
  });
});
