import { fixtureText } from '../../tests/unit/helpers/fixture-text';
import {
  appendItem,
  moveItem,
  newBand,
  newCriterion,
  newLevel,
  newStage,
  removeCriterion,
  removeStage,
  unusedId,
} from './draft-edits';
import { draftProblems, startDraft } from './next-version';
import { parseDefinitions } from './parse-definitions';

const current = (() => {
  const parsed = parseDefinitions(fixtureText('audit/two-criteria.json'));
  if (!parsed.ok) throw new Error(parsed.error.summary);
  return parsed.value;
})();

describe('structural edits of a draft', () => {
  it('appends a criterion with an unused id and blank words the validator asks for', () => {
    const draft = startDraft(current);
    const first = appendItem(draft, ['criteria'], newCriterion(draft));
    const second = appendItem(first, ['criteria'], newCriterion(first));
    expect((second.criteria as { id: string }[]).map((c) => c.id)).toEqual([
      'champion',
      'metrics',
      'criterion_1',
      'criterion_2',
    ]);
    expect(draftProblems(second).lines).toContain('criteria[2].name: must not be empty');
    expect(draft.criteria).toHaveLength(2);
  });

  it('adds a level above the highest, and new bands and stages with unused ids', () => {
    expect(newLevel([{ value: 1 }, { value: 10 }, { value: 5 }])).toEqual({
      value: 11,
      label: '',
      evidence: '',
    });
    expect(newLevel('broken')).toEqual({ value: 0, label: '', evidence: '' });
    const draft = startDraft(current);
    expect(newStage(draft)).toMatchObject({ id: 'stage_1' });
    expect(newBand(draft)).toMatchObject({ id: 'band_1' });
    expect(unusedId('stage', ['stage_1', 'stage_3'])).toBe('stage_2');
  });

  it('moves an item within its list and never past its ends', () => {
    const draft = startDraft(current);
    const ids = (d: typeof draft) => (d.criteria as { id: string }[]).map((c) => c.id);
    expect(ids(moveItem(draft, ['criteria'], 1, -1))).toEqual(['metrics', 'champion']);
    expect(ids(moveItem(draft, ['criteria'], 1, 1))).toEqual(['champion', 'metrics']);
  });

  it('removes a stage with its gates and CRM names, and a criterion with its calibration answers', () => {
    const withCase = {
      ...startDraft(current),
      calibration: [
        { id: 'case', title: 'A case', summary: 'A deal.', intendedLevels: { champion: 1, metrics: 5 } },
      ],
    };
    const noNegotiate = removeStage(withCase, 2);
    expect((noNegotiate.criteria as { gates?: object }[])[0]!.gates).toEqual({ propose: 1 });
    expect(noNegotiate.stageMap).toEqual({});
    const noQualify = removeStage(withCase, 0);
    expect((noQualify.criteria as { gates?: object }[])[1]).not.toHaveProperty('gates');
    expect(draftProblems(noQualify).valid).not.toBeNull();
    const noChampion = removeCriterion(withCase, 0);
    expect((noChampion.calibration as { intendedLevels: object }[])[0]!.intendedLevels).toEqual({
      metrics: 5,
    });
    expect(draftProblems(noChampion).valid).not.toBeNull();
  });
});
