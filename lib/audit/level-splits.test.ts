import { confusionsOf, levelSplits } from './level-splits';

describe('levelSplits', () => {
  it('counts every pair of ratings of a unit by the levels picked, confusions most frequent first', () => {
    const splits = levelSplits([
      [1, 1, 2],
      [2, 2, 2],
      [0, 1],
      [1, 2, 2],
    ]);
    expect(splits.agreed).toEqual([
      { low: 1, high: 1, pairs: 1 },
      { low: 2, high: 2, pairs: 4 },
    ]);
    expect(splits.confused).toEqual([
      { low: 1, high: 2, pairs: 4 },
      { low: 0, high: 1, pairs: 1 },
    ]);
    expect(confusionsOf(splits, 0)).toEqual([{ low: 0, high: 1, pairs: 1 }]);
    expect(confusionsOf(splits, 2)).toEqual([{ low: 1, high: 2, pairs: 4 }]);
  });

  it('has nothing to show for units rated once or not at all', () => {
    expect(levelSplits([[3], []])).toEqual({ agreed: [], confused: [] });
  });
});
