import hanleyMcNeil from '../../tests/fixtures/audit/hanley-mcneil-1982.json';
import { aucValue, mannWhitneyAuc, newcombeAucInterval } from './mann-whitney-auc';

const expand = (counts: readonly number[]) => counts.flatMap((count, i) => Array<number>(count).fill(i + 1));

describe('mannWhitneyAuc', () => {
  // Source: Hanley, J. A., & McNeil, B. J. (1982), Radiology 143(1):29–36, Table 1: 5-point ratings
  // of 58 normal and 51 abnormal CT images; area 0.893, standard error 0.032.
  it('reproduces Hanley & McNeil (1982): AUC 0.893, SE 0.032', () => {
    const auc = mannWhitneyAuc(
      expand(hanleyMcNeil.ratingCounts.abnormal),
      expand(hanleyMcNeil.ratingCounts.normal),
    );
    expect(auc.value).toBeCloseTo(hanleyMcNeil.expected.auc, 3);
    expect(auc.se).toBeCloseTo(hanleyMcNeil.expected.se, 3);
    expect(auc).toMatchObject({ n: 109, positives: 51, negatives: 58, u: 2642 });
  });

  it('counts ties as one half (checked by hand)', () => {
    // Won [3, 4, 5] vs lost [1, 2, 3]: 8 pairs won outright, one tie (3 vs 3) = 8.5 of 9.
    expect(aucValue([3, 4, 5], [1, 2, 3])).toBeCloseTo(8.5 / 9, 12);
    expect(aucValue([1, 1], [1, 2])).toBeCloseTo((0.5 + 0 + 0.5 + 0) / 4, 12);
  });

  it('equals the brute-force pair count on random data', () => {
    let seed = 99;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const won = Array.from({ length: 57 }, () => Math.round(random() * 10));
    const lost = Array.from({ length: 43 }, () => Math.round(random() * 10));
    let pairs = 0;
    for (const w of won) for (const l of lost) pairs += w > l ? 1 : w === l ? 0.5 : 0;
    expect(aucValue(won, lost)).toBeCloseTo(pairs / (won.length * lost.length), 12);
  });

  it('names insufficient data and no variation', () => {
    expect(mannWhitneyAuc([1, 2, 3, 4, 5], [1, 2]).reason).toBe(
      'insufficient data: 2 lost deals (minimum 5 won and 5 lost)',
    );
    const flat = mannWhitneyAuc([5, 5, 5, 5, 5], [5, 5, 5, 5, 5]);
    expect(flat).toMatchObject({ value: null, n: 10, reason: expect.stringMatching(/^no variation:/) });
  });

  // Reference: the same bounds as the real roots in (0, 1) of Newcombe's (2006) method-5 quartic,
  // solved independently with numpy.roots (the form the R function auc.nonpara.mw uses).
  it.each([
    [0.8, 10, 12, 0.554026, 0.922294],
    [0.5, 20, 20, 0.331488, 0.668512],
    [0.893, 51, 58, 0.811477, 0.939883],
  ])("draws Newcombe's interval for AUC %s on %i + %i as the quartic gives", (auc, n1, n0, low, high) => {
    const interval = newcombeAucInterval(auc, n1, n0);
    expect(interval.low).toBeCloseTo(low, 5);
    expect(interval.high).toBeCloseTo(high, 5);
  });

  it('keeps a width at a perfect split, where a centred interval would collapse', () => {
    const auc = mannWhitneyAuc([6, 7, 8, 9, 10], [1, 2, 3, 4, 5]);
    expect(auc.value).toBe(1);
    expect(auc.ci).toMatchObject({ method: 'newcombe', high: 1 });
    expect(auc.ci!.low).toBeCloseTo(0.642703, 5);
  });
});
