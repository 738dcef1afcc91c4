import definitionsJson from '../../tests/fixtures/definitions/two-criteria.json';
import { hashDefinitions } from './content-hash';
import { formatProblem } from './definitions-problem';
import { parseDefinitions } from './parse-definitions';
import { DefinitionsV1Schema } from './schema-v1';

const valid = (): Record<string, unknown> => structuredClone(definitionsJson) as Record<string, unknown>;
const problemsOf = (data: unknown): string[] => {
  const result = parseDefinitions(JSON.stringify(data));
  if (result.ok) throw new Error('expected the definitions to be refused');
  return result.error.problems.map(formatProblem);
};

describe('parseDefinitions', () => {
  it('accepts a valid file', () => {
    const result = parseDefinitions(JSON.stringify(definitionsJson));
    expect(result.ok && result.value.criteria.map((c) => c.id)).toEqual(['champion', 'metrics']);
  });

  it('reports a JSON syntax error with line and column', () => {
    const result = parseDefinitions('{\n  "schemaVersion": 1,\n  "id": }');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems[0]).toMatchObject({ line: 3, column: expect.any(Number) });
    expect(result.error.summary).toMatch(/not valid JSON/);
  });

  it('names the path of a wrong type', () => {
    const data = valid();
    (data.criteria as { levels: { value: unknown }[] }[])[1]!.levels[1]!.value = 'five';
    expect(problemsOf(data)).toContainEqual(expect.stringMatching(/^criteria\[1\]\.levels\[1\]\.value: /));
  });

  it('rejects unknown keys as likely typos', () => {
    expect(problemsOf({ ...valid(), critera: [] })).toContainEqual(
      expect.stringContaining('unknown key "critera"'),
    );
  });

  it('accepts salesforceFields for capture fields, and names a bad API field or an uncaptured id by path', () => {
    const named = {
      ...valid(),
      captureFields: ['product_line'],
      salesforceFields: { product_line: 'Product_Line__c' },
    };
    expect(parseDefinitions(JSON.stringify(named)).ok).toBe(true);
    expect(
      problemsOf({ ...named, salesforceFields: { product_line: 'Id FROM User', region: 'Region__c' } }),
    ).toEqual([
      expect.stringMatching(/^salesforceFields\.product_line: must be a Salesforce API field name/),
      expect.stringMatching(/^salesforceFields\.region: names "region", which is not in captureFields/),
    ]);
  });

  it('rejects level values that do not strictly increase', () => {
    const data = valid();
    (data.criteria as { levels: { value: number }[] }[])[0]!.levels[2]!.value = 1;
    expect(problemsOf(data)).toContainEqual(
      expect.stringMatching(/^criteria\[0\]\.levels\[2\]\.value: .*strictly increase/),
    );
  });

  it('rejects duplicate criterion ids', () => {
    const data = valid();
    (data.criteria as { id: string }[])[1]!.id = 'champion';
    expect(problemsOf(data)).toContainEqual(expect.stringContaining('duplicate criterion id "champion"'));
  });

  it('rejects weights of zero', () => {
    const data = valid();
    (data.criteria as { weight: number }[])[0]!.weight = 0;
    expect(problemsOf(data)).toContainEqual(
      expect.stringMatching(/^criteria\[0\]\.weight: must be greater than 0/),
    );
  });

  it('rejects gates naming a missing stage or level', () => {
    const data = valid();
    (data.criteria as { gates: Record<string, number> }[])[0]!.gates = { closing: 1, propose: 9 };
    const problems = problemsOf(data);
    expect(problems).toContainEqual(expect.stringContaining('stage "closing", which is not in stages'));
    expect(problems).toContainEqual(expect.stringContaining('level value 9, which is not a level'));
  });

  it('rejects bands with a gap or an overlap', () => {
    const gap = valid();
    (gap.bands as { min: number }[])[1]!.min = 45;
    expect(problemsOf(gap)).toContainEqual(expect.stringContaining('gap between bands "low"'));
    const overlap = valid();
    (overlap.bands as { min: number }[])[2]!.min = 60;
    expect(problemsOf(overlap)).toContainEqual(expect.stringContaining('overlaps "mid"'));
  });

  it('requires at least one criterion', () => {
    expect(problemsOf({ ...valid(), criteria: [] })).toContainEqual(
      expect.stringContaining('criteria: at least one criterion is required'),
    );
  });
});

describe('parseDefinitions for admins', () => {
  const yamlFile = (version: string, extra = '') => `schemaVersion: 1
id: team
version: ${version}
title: Team
criteria:
  - id: champion
    name: Champion
    question: Who sells for us?
    definition: A person who spent political capital on our behalf.
    weight: 3
    levels:
      - { value: 0, label: None, evidence: Nobody did anything. }
      - { value: 1, label: Coach, evidence: Someone shared the org chart. }
    gates:
      qualfy: 1
bands:
  - { id: low, label: Low, min: 0, max: 40 }
  - { id: high, label: High, min: 45, max: 100 }
stages:
  - { id: qualify, name: Qualify }
${extra}`;

  it('tells an admin who wrote version: 1.0 to quote it, with line and column', () => {
    const result = parseDefinitions(yamlFile('1.0'), 'yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems).toContainEqual({
      path: 'version',
      message: 'must be text, not a number: quote it: "1.0"',
      line: 3,
      column: 10,
    });
  });

  it('reports shape errors and cross-field errors (band gap, gate typo) in one pass, each with its line', () => {
    const result = parseDefinitions(yamlFile('"1.0"').replace('weight: 3', 'weight: heavy'), 'yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems.map(formatProblem)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^criteria\[0\]\.weight: .*number.* \(line 10, column 13\)$/),
        'criteria[0].gates.qualfy: gate names stage "qualfy", which is not in stages (line 15, column 15)',
        'bands[1].min: gap between bands "low" (ends 40) and "high" (starts 45) (line 18, column 35)',
      ]),
    );
  });

  it('locates semantic errors in JSON too, an unknown key at the key itself', () => {
    const data: Record<string, unknown> = { ...valid(), critera: [] };
    (data.criteria as { weight: number }[])[1]!.weight = -1;
    const text = JSON.stringify(data, null, 2);
    const lineOf = (needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;
    const result = parseDefinitions(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.problems).toContainEqual(
      expect.objectContaining({ path: 'criteria[1].weight', line: lineOf('"weight": -1') }),
    );
    expect(result.error.problems).toContainEqual(
      expect.objectContaining({
        path: '',
        message: expect.stringContaining('"critera"'),
        line: lineOf('"critera"'),
      }),
    );
  });
});

describe('hashDefinitions', () => {
  it('is the same for the same content in any key order and ignores $schema', async () => {
    const definitions = DefinitionsV1Schema.parse(definitionsJson);
    const reordered = DefinitionsV1Schema.parse(
      Object.fromEntries(Object.entries({ ...definitionsJson, $schema: './x.json' }).reverse()),
    );
    const hash = await hashDefinitions(definitions);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashDefinitions(reordered)).toBe(hash);
  });

  it('changes when any content changes', async () => {
    const definitions = DefinitionsV1Schema.parse(definitionsJson);
    const changed = { ...definitions, version: '2.1.1' };
    expect(await hashDefinitions(changed)).not.toBe(await hashDefinitions(definitions));
  });
});
