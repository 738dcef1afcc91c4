import { toCanonicalJson } from './canonical-json';

/** The recursive form this replaced: the output must stay byte-identical (hashes depend on it). */
function recursiveCanonical(value: unknown): string {
  const sortKeysDeep = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeysDeep);
    if (v !== null && typeof v === 'object') {
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(v).sort()) {
        const child = (v as Record<string, unknown>)[key];
        if (child !== undefined) sorted[key] = sortKeysDeep(child);
      }
      return sorted;
    }
    return v;
  };
  return JSON.stringify(sortKeysDeep(value));
}

describe('toCanonicalJson', () => {
  it('writes what the recursive form wrote, for nested data of every JSON type', () => {
    const samples: unknown[] = [
      { b: 1, a: [3, 'x', null, true, { z: 'é"\n', y: [] }], c: {}, d: undefined },
      [[], [[1.5e-7, -0]], { '': 0, ' ': 1, B: 2, a: 3 }],
      'plain',
      42,
      null,
      { nested: { deeper: { deepest: [{ k: 'v', j: [1, [2, [3]]] }] } }, when: new Date(0), run: () => 1 },
      [undefined, 1],
    ];
    for (const sample of samples) expect(toCanonicalJson(sample)).toBe(recursiveCanonical(sample));
  });

  it('serialises 200 000 nested arrays without overflowing the stack', () => {
    const depth = 200_000;
    const text = `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const deep: unknown = JSON.parse(text);
    expect(() => recursiveCanonical(deep)).toThrow(RangeError);
    expect(toCanonicalJson({ scores: deep })).toBe(`{"scores":${text}}`);
  });
});
