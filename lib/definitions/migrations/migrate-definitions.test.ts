import { fixtureText } from '../../../tests/unit/helpers/fixture-text';
import { parseDefinitions } from '../parse-definitions';
import { CURRENT_SCHEMA_VERSION } from './migrate-definitions';

// One fixture per format version ever shipped; a new format adds a fixture and a step.
describe('definitions format migrations', () => {
  it('reads a format 0 (pilot) file as format 1', () => {
    const result = parseDefinitions(fixtureText('definitions/formats/format-0-pilot.json'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      schemaVersion: 1,
      title: 'Pilot qualification',
      stages: [],
      bands: [{ id: 'unqualified' }, { id: 'developing' }, { id: 'qualified' }],
    });
    expect(result.value.criteria.map((c) => c.weight)).toEqual([1, 2]);
    expect(result.value).not.toHaveProperty('name');
  });

  it('reads the current format unchanged', () => {
    const text = fixtureText('definitions/formats/format-1.json');
    const result = parseDefinitions(text);
    expect(result.ok && result.value).toEqual(JSON.parse(text));
  });

  it('has a fixture for every format up to the current one', () => {
    const fixtures = ['format-0-pilot.json', 'format-1.json'];
    expect(fixtures).toHaveLength(CURRENT_SCHEMA_VERSION + 1);
  });

  it('refuses a newer format with "update Yardstick" rather than misreading it', () => {
    const result = parseDefinitions(JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, id: 'x' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.summary).toContain('update Yardstick');
  });
});
