import { closedLoop, unitsInWords } from './closed-loop';
import type { AlphaFigure } from './krippendorff-alpha';
import type { AucFigure } from './mann-whitney-auc';

const alpha = (value: number | null, n: number): AlphaFigure =>
  value === null ? { value, n, reason: 'insufficient data: test' } : { value, n, ci: null };
const auc = (value: number | null, positives: number, negatives: number): AucFigure => ({
  ...(value === null ? { value, reason: 'insufficient data: test' } : { value }),
  n: positives + negatives,
  positives,
  negatives,
  u: null,
  se: null,
  ci: null,
});

describe('closedLoop', () => {
  it('lists criteria to rewrite (α < 0.667 on ≥ 18 deals) and to reweight (AUC near 0.5, ≥ 20 won and lost)', () => {
    const loop = closedLoop([
      { id: 'clear', alpha: alpha(0.82, 40), auc: auc(0.78, 30, 30) },
      { id: 'vague', alpha: alpha(0.41, 40), auc: auc(0.75, 30, 30) },
      { id: 'few', alpha: alpha(0.2, 17), auc: auc(0.5, 10, 10) },
      { id: 'noise', alpha: alpha(0.9, 40), auc: auc(0.53, 25, 40) },
      { id: 'inverse', alpha: alpha(0.9, 40), auc: auc(0.3, 25, 40) },
      { id: 'edge', alpha: alpha(0.667, 40), auc: auc(0.6, 25, 40) },
      { id: 'unknown', alpha: alpha(null, 3), auc: auc(null, 2, 1) },
    ]);
    expect(loop.rewrite.map((item) => [item.criterion, item.alpha, item.units])).toEqual([
      ['vague', 0.41, 40],
    ]);
    expect(loop.reweight.map((item) => [item.criterion, item.auc, item.won, item.lost])).toEqual([
      ['noise', 0.53, 25, 40],
      ['inverse', 0.3, 25, 40],
    ]);
    expect(loop.reweight[1]!.why).toMatch(/losing/);
    expect(loop.rewrite[0]!.raterCheckSufficientWhen).toBeUndefined();
  });

  it('says when a rewrite is too small to show a rater a level off beside the wording, and what would', () => {
    const loop = closedLoop([
      { id: 'vague', alpha: alpha(0.41, 25), auc: auc(null, 0, 0), calibrationCases: 5 },
    ]);
    expect(loop.rewrite[0]!.raterCheckSufficientWhen).toEqual([
      { need: 15, of: 'deals or calibration cases rated by 2 or more raters' },
    ]);
    expect(loop.rewrite[0]!.why).toBe(
      'ordinal α 0.410 < 0.667 on 20 deals and 5 calibration cases; no rater stands out yet, and 15 more deals or calibration cases rated by 2 or more raters would show whether one also rates a level off',
    );
  });

  it('puts a low α on a flagged rater, not the wording, when α without that rater recovers', () => {
    const loop = closedLoop([
      {
        id: 'economic_buyer',
        alpha: alpha(0.41, 18),
        auc: auc(null, 0, 0),
        calibrationCases: 3,
        withoutFlaggedRater: [{ rater: 'lee', alpha: alpha(1, 18) }],
      },
      {
        id: 'champion',
        alpha: alpha(0.3, 18),
        auc: auc(null, 0, 0),
        calibrationCases: 3,
        withoutFlaggedRater: [{ rater: 'lee', alpha: alpha(0.5, 18) }],
      },
    ]);
    expect(loop.rewrite.map((item) => item.criterion)).toEqual(['champion']);
    expect(loop.rewrite[0]).toMatchObject({ deals: 15, calibrationCases: 3 });
    expect(loop.rewrite[0]!.withoutFlaggedRater).toEqual([
      { rater: 'lee', alpha: 0.5, units: 18, recovers: false },
    ]);
    expect(loop.rewrite[0]!.why).toBe('ordinal α 0.300 < 0.667 on 15 deals and 3 calibration cases');
    expect(loop.raterNotWording).toEqual([
      expect.objectContaining({
        criterion: 'economic_buyer',
        rater: 'lee',
        alpha: 0.41,
        alphaWithoutRater: 1,
        deals: 15,
        calibrationCases: 3,
      }),
    ]);
  });

  it('keeps the rewrite when α without the flagged rater cannot be computed', () => {
    const loop = closedLoop([
      {
        id: 'metrics',
        alpha: alpha(0.2, 20),
        auc: auc(null, 0, 0),
        withoutFlaggedRater: [{ rater: 'lee', alpha: alpha(null, 3) }],
      },
    ]);
    expect(loop.rewrite.map((item) => item.criterion)).toEqual(['metrics']);
    expect(loop.raterNotWording).toEqual([]);
  });

  it('names deals and calibration cases apart', () => {
    expect(unitsInWords(15, 3)).toBe('15 deals and 3 calibration cases');
    expect(unitsInWords(1, 1)).toBe('1 deal and 1 calibration case');
    expect(unitsInWords(12, 0)).toBe('12 deals');
  });
});
