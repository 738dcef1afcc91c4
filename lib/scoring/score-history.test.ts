import type { ScoreRecord } from './score-record';
import { mergeScoreHistory } from './score-history';

// Only the fields the merge reads matter here.
const score = (id: string, savedAt: string) => ({ id, savedAt }) as ScoreRecord;
const ids = (scores: ScoreRecord[]) => scores.map((s) => s.id);

describe('mergeScoreHistory', () => {
  const newest = score('c', '2026-11-22T10:03:00.000Z');
  const middle = score('b', '2026-11-22T10:02:00.000Z');
  const oldest = score('a', '2026-11-22T10:01:00.000Z');

  it('puts the newest first, whatever page a score came from', () => {
    expect(ids(mergeScoreHistory([[middle, oldest], [newest]]))).toEqual(['c', 'b', 'a']);
  });

  it('keeps each score once when pages overlap', () => {
    expect(
      ids(
        mergeScoreHistory([
          [newest, middle],
          [newest, middle, oldest],
        ]),
      ),
    ).toEqual(['c', 'b', 'a']);
  });

  it('orders scores saved in the same millisecond by id, backwards, as the index does', () => {
    const at = '2026-11-22T10:00:00.000Z';
    expect(ids(mergeScoreHistory([[score('x1', at)], [score('x3', at), score('x2', at)]]))).toEqual([
      'x3',
      'x2',
      'x1',
    ]);
  });

  it('keeps the newest `limit` scores', () => {
    expect(ids(mergeScoreHistory([[oldest, newest], [middle]], 2))).toEqual(['c', 'b']);
  });
});
