import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify as toYaml } from 'yaml';

/** One bad definitions input and the specific error it must produce. */
export interface BadDefinitionsCase {
  name: string;
  text: string;
  syntax?: 'json' | 'yaml';
  /** Every fragment must appear in the error (summary plus formatted problems). */
  expected: (string | RegExp)[];
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const base: Json = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../fixtures/definitions/two-criteria.json'), 'utf8'),
);

function mutated(
  name: string,
  mutate: (d: Json) => void,
  ...expected: (string | RegExp)[]
): BadDefinitionsCase {
  const draft = structuredClone(base);
  mutate(draft);
  return { name, text: JSON.stringify(draft, null, 2), expected };
}

function raw(name: string, text: string, ...expected: (string | RegExp)[]): BadDefinitionsCase {
  return { name, text, expected };
}

function yaml(name: string, text: string, ...expected: (string | RegExp)[]): BadDefinitionsCase {
  return { name, text, syntax: 'yaml', expected };
}

const c0 = 'criteria[0]';
const lv = (i: number) => `${c0}.levels[${i}]`;

/** The corpus: every syntax error family, every validation rule broken, wrong versions, hostile text. */
export const BAD_DEFINITIONS: BadDefinitionsCase[] = [
  // Syntax: JSON
  raw('empty file', '', 'the file is empty'),
  raw('whitespace only', '   \n\t ', 'the file is empty'),
  raw('truncated object', '{"schemaVersion": 1, "id": "x"', /line 1, column \d+/),
  raw('trailing comma', '{"schemaVersion": 1,}', /Property name expected at line 1/),
  raw('missing colon', '{\n  "id" "x"\n}', 'Colon expected at line 2, column 8'),
  raw('missing value', '{\n  "id": }', 'Value expected at line 2'),
  raw('single quotes', "{'id': 'x'}", /at line 1, column 2/),
  raw('comment in JSON', '{\n  // note\n  "id": "x"\n}', /line 2/),
  raw('unclosed string', '{"id": "x}', /line 1/),
  raw('extra closing brace', '{"schemaVersion": 1}}', 'End of file expected at line 1, column 21'),
  raw('unclosed array', '[1, 2', /line 1/),
  raw(
    'duplicate key',
    '{\n  "schemaVersion": 1,\n  "id": "a",\n  "id": "b"\n}',
    'duplicate key "id" at line 4, column 3',
  ),
  raw('bare word', 'definitions', 'must contain one object'),
  raw('HTML error page', '<!doctype html><html><body>502 Bad Gateway</body></html>', 'HTML or XML page'),
  raw('HTML login page with leading space', '  <html><form>Sign in</form></html>', 'login or error page'),
  raw('XML document', '<?xml version="1.0"?><definitions/>', 'HTML or XML page'),
  raw('JSON array instead of object', '[{"id": "x"}]', 'not a list'),
  raw('JSON string instead of object', '"meddpicc"', 'not a string'),
  raw('JSON number instead of object', '42', 'not a number'),
  raw('JSON null', 'null', 'not null'),
  raw('NaN literal', '{"schemaVersion": NaN}', /line 1/),
  // Syntax: YAML
  yaml('YAML duplicate key', 'schemaVersion: 1\nid: a\nid: b\n', 'Map keys must be unique', /line|2|3/),
  yaml('YAML bad indentation', 'schemaVersion: 1\ncriteria:\n  - id: a\n   name: b\n', /line 4|indent/i),
  yaml('YAML unclosed flow sequence', 'schemaVersion: 1\nstages: [a, b\n', /not valid YAML/),
  yaml('YAML tab indentation', 'schemaVersion: 1\ncriteria:\n\t- id: a\n', /not valid YAML/),
  yaml('YAML scalar document', 'just a sentence', 'must contain one object'),
  yaml('YAML list document', '- id: a\n- id: b\n', 'not a list'),
  // schemaVersion
  mutated('schemaVersion missing', (d) => delete d.schemaVersion, 'schemaVersion is required'),
  mutated('schemaVersion newer', (d) => (d.schemaVersion = 2), 'update Yardstick'),
  mutated('schemaVersion far newer', (d) => (d.schemaVersion = 17), 'format 17', 'update Yardstick'),
  mutated('schemaVersion string', (d) => (d.schemaVersion = '1'), 'must be a whole number, got "1"'),
  mutated('schemaVersion fraction', (d) => (d.schemaVersion = 1.5), 'must be a whole number'),
  mutated('schemaVersion negative', (d) => (d.schemaVersion = -1), 'must be a whole number'),
  // Top level
  mutated('id missing', (d) => delete d.id, /^id: /m),
  mutated('id with capitals', (d) => (d.id = 'MEDDPICC'), 'id: must be lower-case'),
  mutated('id with spaces', (d) => (d.id = 'my team'), 'id: must be lower-case'),
  mutated('id empty', (d) => (d.id = ''), 'id: must be lower-case'),
  mutated('id number', (d) => (d.id = 7), 'id: must be text, not a number: quote it: "7"'),
  mutated('version missing', (d) => delete d.version, /^version: /m),
  mutated('version empty', (d) => (d.version = ' '), 'version: must not be empty'),
  mutated('version number', (d) => (d.version = 2), 'version: must be text, not a number: quote it: "2"'),
  mutated('title missing', (d) => delete d.title, /^title: /m),
  mutated('title empty', (d) => (d.title = ''), 'title: must not be empty'),
  mutated('unknown top-level key', (d) => (d.critera = []), 'unknown key "critera"'),
  mutated('two unknown keys', (d) => Object.assign(d, { foo: 1, bar: 2 }), 'unknown keys "foo", "bar"'),
  mutated('description not text', (d) => (d.description = ['a']), /^description: /m),
  // Criteria list
  mutated('criteria missing', (d) => delete d.criteria, /^criteria: /m),
  mutated('criteria empty', (d) => (d.criteria = []), 'criteria: at least one criterion is required'),
  mutated('criteria not a list', (d) => (d.criteria = {}), /^criteria: .*array/m),
  mutated('criterion null', (d) => (d.criteria[1] = null), /^criteria\[1\]: /m),
  mutated(
    'duplicate criterion id',
    (d) => (d.criteria[1].id = 'champion'),
    'duplicate criterion id "champion"',
  ),
  mutated('criterion id missing', (d) => delete d.criteria[0].id, /^criteria\[0\]\.id: /m),
  mutated(
    'criterion id with dot',
    (d) => (d.criteria[0].id = 'econ.buyer'),
    'criteria[0].id: must be lower-case',
  ),
  mutated('criterion name missing', (d) => delete d.criteria[0].name, /^criteria\[0\]\.name: /m),
  mutated('criterion name blank', (d) => (d.criteria[0].name = '   '), 'criteria[0].name: must not be empty'),
  mutated('criterion question missing', (d) => delete d.criteria[0].question, /^criteria\[0\]\.question: /m),
  mutated(
    'criterion definition missing',
    (d) => delete d.criteria[0].definition,
    /^criteria\[0\]\.definition: /m,
  ),
  mutated(
    'criterion definition blank',
    (d) => (d.criteria[1].definition = ''),
    'criteria[1].definition: must not be empty',
  ),
  mutated('criterion unknown key', (d) => (d.criteria[0].wieght = 2), 'criteria[0]: unknown key "wieght"'),
  // Weights
  mutated('weight zero', (d) => (d.criteria[0].weight = 0), 'criteria[0].weight: must be greater than 0'),
  mutated(
    'weight negative',
    (d) => (d.criteria[1].weight = -2),
    'criteria[1].weight: must be greater than 0',
  ),
  mutated('weight missing', (d) => delete d.criteria[0].weight, /^criteria\[0\]\.weight: /m),
  mutated('weight string', (d) => (d.criteria[0].weight = '3'), /^criteria\[0\]\.weight: .*number/m),
  mutated('weight null', (d) => (d.criteria[0].weight = null), /^criteria\[0\]\.weight: /m),
  // Levels
  mutated('levels missing', (d) => delete d.criteria[0].levels, /^criteria\[0\]\.levels: /m),
  mutated(
    'levels empty',
    (d) => (d.criteria[0].levels = []),
    'criteria[0].levels: a criterion needs at least 2 levels',
  ),
  mutated('single level', (d) => d.criteria[0].levels.splice(1), 'a criterion needs at least 2 levels'),
  mutated(
    'level values equal',
    (d) => (d.criteria[0].levels[1].value = 0),
    `${lv(1)}.value: level values must strictly increase`,
  ),
  mutated(
    'level values decreasing',
    (d) => (d.criteria[0].levels[2].value = -1),
    `${lv(2)}.value: level values must strictly increase`,
  ),
  mutated(
    'level values reversed',
    (d) => d.criteria[1].levels.reverse(),
    'criteria[1].levels[1].value: level values must strictly increase',
  ),
  mutated(
    'level value string',
    (d) => (d.criteria[0].levels[0].value = 'none'),
    new RegExp(`^${escape(lv(0))}\\.value: `, 'm'),
  ),
  mutated(
    'level value missing',
    (d) => delete d.criteria[0].levels[1].value,
    new RegExp(`^${escape(lv(1))}\\.value: `, 'm'),
  ),
  mutated(
    'level label missing',
    (d) => delete d.criteria[0].levels[1].label,
    new RegExp(`^${escape(lv(1))}\\.label: `, 'm'),
  ),
  mutated(
    'level label blank',
    (d) => (d.criteria[0].levels[1].label = ''),
    `${lv(1)}.label: must not be empty`,
  ),
  mutated(
    'level evidence missing',
    (d) => delete d.criteria[0].levels[2].evidence,
    new RegExp(`^${escape(lv(2))}\\.evidence: `, 'm'),
  ),
  mutated(
    'level evidence blank',
    (d) => (d.criteria[0].levels[0].evidence = ' '),
    `${lv(0)}.evidence: must not be empty`,
  ),
  mutated('level unknown key', (d) => (d.criteria[0].levels[0].id = 'none'), `${lv(0)}: unknown key "id"`),
  mutated(
    'level is a string',
    (d) => (d.criteria[0].levels[0] = 'None'),
    new RegExp(`^${escape(lv(0))}: `, 'm'),
  ),
  // Gates
  mutated(
    'gate on missing stage',
    (d) => (d.criteria[0].gates = { closing: 1 }),
    'gate names stage "closing", which is not in stages',
  ),
  mutated(
    'gate on missing level',
    (d) => (d.criteria[0].gates = { propose: 5 }),
    'gate requires level value 5, which is not a level of "champion"',
  ),
  mutated(
    'gate value string',
    (d) => (d.criteria[0].gates = { propose: 'Coach' }),
    /^criteria\[0\]\.gates\.propose: /m,
  ),
  mutated('gates a list', (d) => (d.criteria[0].gates = [1]), /^criteria\[0\]\.gates: /m),
  mutated(
    'gate on stage name instead of id',
    (d) => (d.criteria[1].gates = { Qualify: 5 }),
    'gate names stage "Qualify"',
  ),
  // Stages
  mutated('stages missing', (d) => delete d.stages, /^stages: /m),
  mutated('duplicate stage id', (d) => (d.stages[1].id = 'qualify'), 'duplicate stage id "qualify"'),
  mutated('stage name missing', (d) => delete d.stages[0].name, /^stages\[0\]\.name: /m),
  mutated('stage unknown key', (d) => (d.stages[0].order = 1), 'stages[0]: unknown key "order"'),
  mutated(
    'stage aliases not a list',
    (d) => (d.stages[0].aliases = 'Qualification'),
    /^stages\[0\]\.aliases: /m,
  ),
  mutated(
    'stageMap to missing stage',
    (d) => (d.stageMap = { 'Closed Won': 'won' }),
    'maps to stage "won", which is not in stages',
  ),
  mutated(
    'stageMap value not an id',
    (d) => (d.stageMap = { 'Closed Won': 'Closed' }),
    /^stageMap\["Closed Won"\]: must be lower-case/m,
  ),
  // Bands
  mutated('bands missing', (d) => delete d.bands, /^bands: /m),
  mutated('bands empty', (d) => (d.bands = []), 'bands: at least one band is required'),
  mutated(
    'bands gap',
    (d) => (d.bands[1].min = 45),
    'gap between bands "low" (ends 40) and "mid" (starts 45)',
  ),
  mutated('bands overlap', (d) => (d.bands[2].min = 60), 'band "high" overlaps "mid" (60 < 70)'),
  mutated(
    'bands not starting at 0',
    (d) => (d.bands[0].min = 10),
    'bands must start at 0, the lowest starts at 10',
  ),
  mutated(
    'bands not reaching 100',
    (d) => (d.bands[2].max = 90),
    'bands must end at 100, the highest ends at 90',
  ),
  mutated('band min above max', (d) => (d.bands[0].max = 0), 'bands[0]: min (0) must be below max (0)'),
  mutated('band over 100', (d) => (d.bands[2].max = 120), /^bands\[2\]\.max: /m),
  mutated('band negative', (d) => (d.bands[0].min = -5), /^bands\[0\]\.min: /m),
  mutated('duplicate band id', (d) => (d.bands[1].id = 'low'), 'duplicate band id "low"'),
  mutated('band label missing', (d) => delete d.bands[0].label, /^bands\[0\]\.label: /m),
  // Optional sections
  mutated('staleAfterDays zero', (d) => (d.staleAfterDays = 0), /^staleAfterDays: /m),
  mutated('staleAfterDays fraction', (d) => (d.staleAfterDays = 1.5), /^staleAfterDays: /m),
  mutated(
    'captureFields not ids',
    (d) => (d.captureFields = ['Lead Source']),
    /^captureFields\[0\]: must be lower-case/m,
  ),
  mutated(
    'calibration case missing summary',
    (d) => (d.calibration = [{ id: 'a', title: 'A' }]),
    /^calibration\[0\]\.summary: /m,
  ),
  // For admins: number where text is meant, every problem in one pass, positions of semantic errors
  yaml(
    'YAML version 1.0 unquoted',
    toYaml(base).replace('version: 2.1.0', 'version: 1.0'),
    'version: must be text, not a number: quote it: "1.0" (line 3, column 10)',
  ),
  yaml('YAML version 2 unquoted', toYaml(base).replace('version: 2.1.0', 'version: 2'), 'quote it: "2"'),
  mutated(
    'wrong type does not hide a band gap or a gate typo',
    (d) => {
      d.criteria[0].weight = 'heavy';
      d.bands[1].min = 45;
      d.criteria[1].gates = { qualfy: 5 };
    },
    /^criteria\[0\]\.weight: .*number/m,
    'gap between bands "low" (ends 40) and "mid" (starts 45)',
    'gate names stage "qualfy", which is not in stages',
  ),
  mutated(
    'missing field does not hide a duplicate id',
    (d) => {
      delete d.title;
      d.criteria[1].id = 'champion';
    },
    /^title: /m,
    'duplicate criterion id "champion"',
  ),
  mutated(
    'semantic error located in JSON',
    (d) => (d.criteria[1].weight = 0),
    /^criteria\[1\]\.weight: must be greater than 0 \(line \d+, column \d+\)$/m,
  ),
  yaml(
    'semantic error located in YAML',
    toYaml(base).replace('weight: 3', 'weight: -3'),
    /^criteria\[0\]\.weight: must be greater than 0 \(line 11, column 13\)$/m,
  ),
  // Limits shared with the message protocol (definitions-limits.ts)
  mutated(
    'too many criteria',
    (d) =>
      (d.criteria = Array.from({ length: 201 }, (_, i) => ({ ...d.criteria[0], id: `c${i}`, gates: {} }))),
    'criteria: at most 200 criteria',
  ),
  mutated(
    'too many levels',
    (d) =>
      (d.criteria[0].levels = Array.from({ length: 21 }, (_, i) => ({
        value: i,
        label: `L${i}`,
        evidence: 'E.',
      }))),
    'criteria[0].levels: a criterion has at most 20 levels',
  ),
  mutated(
    'too many stages',
    (d) => (d.stages = Array.from({ length: 101 }, (_, i) => ({ id: `s${i}`, name: `S${i}` }))),
    'stages: at most 100 stages',
  ),
  mutated(
    'criterion id too long',
    (d) => (d.criteria[0].id = 'c'.repeat(65)),
    'criteria[0].id: must be at most 64 characters',
  ),
  mutated(
    'criterion name too long',
    (d) => (d.criteria[0].name = 'N'.repeat(201)),
    'criteria[0].name: must be at most 200',
  ),
  mutated(
    'level evidence too long',
    (d) => (d.criteria[0].levels[0].evidence = 'E'.repeat(5001)),
    `${lv(0)}.evidence: must be at most 5000`,
  ),
  mutated(
    'calibration case id too long for a save',
    (d) => (d.calibration = [{ id: 'k'.repeat(65), title: 'A', summary: 'S' }]),
    'calibration[0].id: must be at most 64 characters',
  ),
  mutated(
    'duplicate calibration case id',
    (d) =>
      (d.calibration = [
        { id: 'a', title: 'A', summary: 'S' },
        { id: 'a', title: 'B', summary: 'T' },
      ]),
    'duplicate calibration case id "a"',
  ),
];

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
