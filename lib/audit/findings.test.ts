import { LENIENT_RATER, lenientTeamInput } from '../../tests/unit/helpers/lenient-team';
import { toAuditJson } from './audit-report-json';
import { buildFindings, lowAgreement } from './findings';
import { runAudit } from './run-audit';
import { teamDeviations } from './team-deviation';

const asOf = Date.UTC(2024, 6, 1);
const names = { champion: 'Champion', metrics: 'Metrics' };

describe('findings', () => {
  const report = runAudit(lenientTeamInput(), { asOf });

  it('names the lenient rater, not the two accurate ones, from the robust bias', () => {
    const differences = teamDeviations(report);
    expect(differences.map((d) => `${d.rater}:${d.criterion}`)).toEqual([`${LENIENT_RATER}:champion`]);
    expect(differences[0]).toMatchObject({ deals: 15, calibrationCases: 3 });
    expect(differences[0]!.levels).toBeCloseTo(2 / 3, 6);
  });

  it('opens with at most five one-sentence findings, criteria by name, each with its certainty', () => {
    const findings = buildFindings(report, { criterionNames: names });
    expect(findings.length).toBeLessThanOrEqual(5);
    expect(findings.map((f) => f.topic)).toEqual([
      'raters',
      'criteria',
      'prediction',
      'pipeline',
      'definitions',
    ]);
    const [raters, criteria, prediction, pipeline, definitions] = findings;
    expect(raters!.sentence).toBe(
      'lee scores Champion higher than the rest of the team, by 0.7 levels on 15 deals and 3 calibration cases.',
    );
    expect(raters!.sentence).not.toMatch(/\bana\b|\bben\b/);
    expect(criteria!.sentence).toBe(
      'The team reads Champion (agreement 0.65 on 15 deals and 3 calibration cases) differently from one another; lee alone explains Champion (1.00 without them).',
    );
    expect(prediction!.sentence).toBe(
      'Higher scores go with won deals: AUC 0.81 [0.51, 0.94] on 15 closed deals (0.5 is chance, 1 perfect).',
    );
    // Newcombe's interval stays above 0.5 on 15 closed deals (the old logit one reached 0.49).
    expect(prediction!.certainty).toBe('sure');
    expect(pipeline!.sentence).toMatch(/^All 15 deals in the outcomes file are scored/);
    for (const finding of findings) expect(finding.sentence.match(/\. /g)).toBeNull();
    expect(findings.map((f) => f.sentence).join(' ')).not.toContain('champion');
    // The rater alone disturbed Champion: talk to the rater, do not reword.
    expect(definitions!.sentence).toBe(
      'In the definitions: do not reword Champion, talk to lee (agreement 1.00 without them).',
    );
    expect(definitions!.sentence).not.toMatch(/reword the levels/);
  });

  it('recommends rewording when α without the rater stays low, and blames the rater when it recovers', () => {
    expect(lowAgreement(report)).toMatchObject([
      { criterion: 'champion', cause: 'rater', raters: ['lee'], alphaWithoutRater: 1 },
    ]);
    // The same split had α without lee stayed low: the closed loop lists it for a rewrite.
    const [item] = report.closedLoop.raterNotWording;
    const stillLow = {
      ...report,
      closedLoop: {
        ...report.closedLoop,
        raterNotWording: [],
        rewrite: [
          {
            ...item!,
            ci: null,
            withoutFlaggedRater: [{ rater: 'lee', alpha: 0.4, units: 18, recovers: false }],
          },
        ],
      },
    };
    expect(lowAgreement(stillLow)).toMatchObject([{ criterion: 'champion', cause: 'wording' }]);
    expect(buildFindings(stillLow, { criterionNames: names }).at(-1)!.sentence).toBe(
      'In the definitions: reword the levels of Champion.',
    );
  });

  it('says what is missing for a verdict on prediction', () => {
    const input = lenientTeamInput();
    const few = runAudit({ ...input, outcomes: input.outcomes.slice(0, 6) }, { asOf, bootstrap: false });
    const prediction = buildFindings(few).find((f) => f.topic === 'prediction')!;
    expect(prediction.sentence).toMatch(
      /^Whether the score predicts wins is not known yet: it needs \d+ more (won|lost)/,
    );
    expect(prediction.certainty).toBe('not sure yet');
  });

  it('finds no rater out of line when everyone agrees', () => {
    const input = lenientTeamInput();
    const fair = runAudit(
      { ...input, scores: input.scores.filter((s) => s.rater !== LENIENT_RATER) },
      { asOf, bootstrap: false },
    );
    expect(buildFindings(fair)[0]!.sentence).toBe(
      'No rater scores differently from the rest of the team on any criterion.',
    );
  });

  it('adds the findings to the JSON report, keeping every earlier field', () => {
    const json = toAuditJson(report);
    expect(Object.keys(json).slice(0, -1)).not.toContain('findings');
    expect(Object.keys(json).at(-1)).toBe('findings');
    expect((json.findings as { sentence: string }[])[0]!.sentence).toMatch(/^lee scores champion higher/);
    // The robust bias's detail gains the calibration cases among its n (added, nothing renamed).
    const lee = (json.raters as { id: string; robustBiasDetail: Record<string, unknown> }[]).find(
      (rater) => rater.id === LENIENT_RATER,
    )!;
    expect(lee.robustBiasDetail.champion).toMatchObject({ flagged: true, calibrationCases: 3 });
    // Issue #20's minimums and interval method are added beside the earlier fields.
    const loop = json.closedLoop as { thresholds: Record<string, number> };
    expect(loop.thresholds).toMatchObject({
      rewriteAlphaBelow: 0.667,
      rewriteMinUnits: 18,
      raterCheckMinUnits: 40,
    });
    const predictive = (json.total as { predictive: Record<string, unknown> }).predictive;
    expect(predictive).toHaveProperty('aucSe');
    expect(predictive.aucCi).toMatchObject({ level: 0.95, method: 'newcombe' });
  });
});
