import { fixtureText } from '../../tests/unit/helpers/fixture-text';
import {
  bumpVersion,
  describeDraftChanges,
  draftProblems,
  serializeDefinitions,
  setAt,
  startDraft,
} from './next-version';
import { parseDefinitions } from './parse-definitions';

const current = (() => {
  const parsed = parseDefinitions(fixtureText('audit/two-criteria.json'));
  if (!parsed.ok) throw new Error(parsed.error.summary);
  return parsed.value;
})();

describe('the next definitions version', () => {
  it('bumps the minor version', () => {
    expect(bumpVersion('2.1.0')).toBe('2.2.0');
    expect(bumpVersion('1.9')).toBe('1.10');
    expect(bumpVersion('7')).toBe('8');
    expect(bumpVersion('spring')).toBe('spring.1');
  });

  it('reports a bad edit with the same words as the CLI validator', () => {
    const draft = setAt(startDraft(current), ['criteria', 0, 'weight'], 0);
    const checked = draftProblems(draft);
    expect(checked.valid).toBeNull();
    expect(checked.lines).toEqual(['criteria[0].weight: must be greater than 0']);
    expect(checked.paths.get('criteria[0].weight')).toBe('must be greater than 0');
  });

  it('lists the changes and writes JSON and YAML that parse back to the same definitions', () => {
    const draft = setAt(
      startDraft(current),
      ['criteria', 1, 'levels', 0, 'evidence'],
      'No number agreed yet.',
    );
    const { valid } = draftProblems(draft);
    expect(describeDraftChanges(current, valid!)).toEqual([
      'version 2.1.0 → 2.2.0',
      'Metrics: evidence reworded for ' + current.criteria[1]!.levels[0]!.label,
    ]);
    for (const syntax of ['json', 'yaml'] as const) {
      const reread = parseDefinitions(serializeDefinitions(valid!, syntax), syntax);
      expect(reread.ok && reread.value).toEqual(valid);
    }
  });
});
