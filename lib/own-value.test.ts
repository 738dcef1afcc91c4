import { ownValue } from './own-value';

describe('ownValue', () => {
  it('finds own keys and nothing Object.prototype holds', () => {
    const table: Record<string, number> = { qualify: 1 };
    expect(ownValue(table, 'qualify')).toBe(1);
    expect(ownValue(table, 'constructor')).toBeUndefined();
    expect(ownValue(table, 'toString')).toBeUndefined();
    expect(ownValue(undefined, 'qualify')).toBeUndefined();
  });
});
