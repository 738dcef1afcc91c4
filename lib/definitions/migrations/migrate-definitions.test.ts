// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
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

  it('has a fixture for every format up to the current one, and each reads as the current format', () => {
    const folder = path.resolve(import.meta.dirname, '../../../tests/fixtures/definitions/formats');
    const versions = readdirSync(folder).map((file) => {
      const data = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as { schemaVersion: number };
      const parsed = parseDefinitions(JSON.stringify(data));
      expect(parsed.ok && parsed.value.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      return data.schemaVersion;
    });
    expect(versions.sort()).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION + 1 }, (_, v) => v));
  });

  it('refuses a newer format with "update Yardstick" rather than misreading it', () => {
    const result = parseDefinitions(JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION + 1, id: 'x' }));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.summary).toContain('update Yardstick');
  });
});
