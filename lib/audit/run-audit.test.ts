import reliability from '../../tests/fixtures/audit/krippendorff-2011-reliability-data.json';
import type { AuditScore } from './audit-input';
import { runAudit } from './run-audit';

const asOf = Date.UTC(2024, 5, 30);
let nextId = 0;
const score = (
  deal: string,
  rater: string,
  levels: Record<string, number | null>,
  extra: Partial<AuditScore> = {},
): AuditScore => ({
  id: `s${nextId++}`,
  deal,
  rater,
  context: 'deal',
  scoredAt: Date.UTC(2024, 0, 1),
  definitionsVersion: 'v1',
  total: null,
  answers: Object.entries(levels).map(([criterion, level]) => ({ criterion, level })),
  ...extra,
});

describe('runAudit', () => {
  // Source: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability" — the same reliability
  // data as krippendorff-alpha.test.ts, entered as scores, must give the published α values.
  it('reproduces Krippendorff (2011) through the whole pipeline', () => {
    const scores: AuditScore[] = [];
    reliability.data.forEach((row, o) =>
      row.forEach((level, u) =>
        scores.push(
          score(`unit-${u + 1}`, reliability.observers[o]!, { coding: level }, { context: 'calibration' }),
        ),
      ),
    );
    const report = runAudit({ scores, outcomes: [] }, { asOf, bootstrap: false });
    const coding = report.criteria[0]!;
    expect(coding.agreement.units).toBe(11);
    expect(coding.agreement.raters).toBe(4);
    expect(coding.agreement.alpha.nominal.value).toBeCloseTo(0.743, 3);
    expect(coding.agreement.alpha.ordinal.value).toBeCloseTo(0.815, 3);
    expect(coding.agreement.alpha.interval.value).toBeCloseTo(0.849, 3);
    expect(coding.agreement.alpha.ratio.value).toBeCloseTo(0.797, 3);
    expect(coding.agreement.fleissKappa.reason).toMatch(
      /^not applicable: units have between 2 and 4 ratings/,
    );
    expect(coding.predictive.auc.reason).toMatch(/^insufficient data/);
  });

  it("uses each rater's latest score and averages across raters for prediction", () => {
    const scores = [
      score('d1', 'a', { c: 0 }, { total: 10, scoredAt: Date.UTC(2024, 0, 1) }),
      score('d1', 'a', { c: 2 }, { total: 90, scoredAt: Date.UTC(2024, 1, 1) }),
      score('d1', 'b', { c: 1 }, { total: 50 }),
    ];
    const report = runAudit(
      { scores, outcomes: [{ deal: 'd1', won: true, segments: {} }] },
      {
        asOf,
        minimums: { aucPerOutcome: 1, biasUnits: 1 },
      },
    );
    // Latest of a is 2 (not 0): bias a = 2 − 1 = +1, b = −1.
    expect(report.raters.map((r) => [r.id, r.bias.c!.value])).toEqual([
      ['a', 1],
      ['b', -1],
    ]);
    expect(report.total.predictive).toMatchObject({ deals: 1, won: 1, lost: 0 });
  });

  it('names one rater everywhere agreement is asked for', () => {
    const scores = Array.from({ length: 8 }, (_, i) =>
      score(`d${i}`, 'solo', { c: i % 3 }, { total: i * 10 }),
    );
    const report = runAudit({ scores, outcomes: [] }, { asOf });
    expect(report.criteria[0]!.agreement.alpha.ordinal.reason).toMatch(/^one rater:/);
    expect(report.total.agreement.alpha.reason).toMatch(/^one rater:/);
    expect(report.raters[0]!.bias.c!.reason).toMatch(/^one rater:/);
    expect(report.coverage.reason).toMatch(/^not applicable:/);
    expect(JSON.stringify(report)).not.toMatch(/NaN|Infinity/);
  });

  it('finds a biased rater, a criterion to rewrite and one to reweight on simulated data', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const scores: AuditScore[] = [];
    const outcomes = [];
    for (let d = 0; d < 120; d++) {
      const quality = d % 3;
      const won = random() < [0.15, 0.5, 0.85][quality]!;
      outcomes.push({ deal: `d${d}`, won, segments: { region: d % 2 ? 'emea' : 'amer' } });
      for (const rater of ['ann', 'ben', 'cat']) {
        const champion = Math.min(2, quality + (rater === 'ben' && d % 2 === 0 ? 1 : 0));
        const noise = Math.floor(random() * 3);
        scores.push(
          score(
            `d${d}`,
            rater,
            { champion, noise },
            { total: champion * 40 + noise * 5, scoredAt: Date.UTC(2024, d % 6, 1) },
          ),
        );
      }
    }
    const report = runAudit({ scores, outcomes }, { asOf, bootstrap: { replicates: 200 } });
    const ben = report.raters.find((r) => r.id === 'ben')!;
    expect(ben.bias.champion!.value).toBeGreaterThan(0.2);
    expect(report.raters.find((r) => r.id === 'ann')!.bias.champion!.value).toBeLessThan(0);
    expect(report.closedLoop.rewrite.map((item) => item.criterion)).toEqual(['noise']);
    expect(report.closedLoop.reweight.map((item) => item.criterion)).toEqual(['noise']);
    expect(report.criteria[0]!.predictive.auc.value).toBeGreaterThan(0.7);
    expect(report.slices.filter((s) => s.by === 'segment').map((s) => `${s.column}=${s.value}`)).toEqual([
      'region=amer',
      'region=emea',
    ]);
    expect(report.criteria[0]!.agreement.fleissKappa.value).not.toBeNull();
    expect(report.criteria[0]!.agreement.icc.twoWayAgreement.value).not.toBeNull();
  });

  it('counts deals and calibration cases apart, and names the lenient rater instead of the wording', () => {
    // Three raters on 15 deals and 3 calibration cases; lee reads every level one higher.
    const levels = [0, 1, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 0, 2, 1, 2, 0];
    const scores = levels.flatMap((level, u) => {
      const context = u < 15 ? 'deal' : 'calibration';
      const unit = u < 15 ? `deal-${u}` : `case-${u}`;
      return ['ann', 'bob', 'lee'].map((rater) =>
        score(unit, rater, { economic_buyer: rater === 'lee' ? level + 1 : level }, { context }),
      );
    });
    const report = runAudit({ scores, outcomes: [] }, { asOf, bootstrap: false });
    expect(report.counts).toMatchObject({ deals: 15, calibrationUnits: 3 });
    const agreement = report.criteria[0]!.agreement;
    expect(agreement).toMatchObject({ units: 18, deals: 15, calibrationCases: 3 });
    expect(agreement.alpha.ordinal.value).toBeLessThan(0.667);
    const robust = Object.fromEntries(report.raters.map((r) => [r.id, r.robustBias.economic_buyer!]));
    expect(robust.lee).toMatchObject({ flagged: true });
    expect(robust.lee!.value).toBeCloseTo(1, 9);
    expect(robust.ann!.value).toBeCloseTo(0, 9);
    expect(robust.ann!.flagged).toBe(false);
    // The plain mean-of-the-others bias still shows the accurate raters pulled to −0.5.
    expect(report.raters.find((r) => r.id === 'ann')!.bias.economic_buyer!.value).toBeCloseTo(-0.5, 9);
    expect(report.closedLoop.rewrite).toEqual([]);
    expect(report.closedLoop.raterNotWording).toEqual([
      expect.objectContaining({ criterion: 'economic_buyer', rater: 'lee', alphaWithoutRater: 1, deals: 15 }),
    ]);
  });
});
