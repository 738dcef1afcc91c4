import twoCriteria from '../../tests/fixtures/definitions/two-criteria.json';
import { findDefinitionsWarnings, readsAsUnknown } from './definitions-warnings';
import { parseDefinitions } from './parse-definitions';
import { readDefinitionsText } from './read-definitions-text';
import { DefinitionsV1Schema } from './schema-v1';

describe('readsAsUnknown', () => {
  it.each([
    'Unknown',
    'unknown',
    'UNKNOWN',
    ' Un known ',
    'Un-known',
    'Unkown',
    'Unknwon',
    'Unknonw',
    'Unknowns',
  ])('flags "%s"', (label) => expect(readsAsUnknown(label)).toBe(true));

  it.each(['N/A', 'n.a.', 'TBD', 'Not known', '?'])('flags the placeholder "%s"', (label) =>
    expect(readsAsUnknown(label)).toBe(true),
  );

  it.each(['Not identified', 'None yet', 'None', 'Known', 'Unanswered', 'Named', 'Unshown', 'Nana'])(
    'leaves "%s" alone',
    (label) => expect(readsAsUnknown(label)).toBe(false),
  );
});

describe('findDefinitionsWarnings', () => {
  function withLabel(label: string) {
    const data = structuredClone(twoCriteria);
    data.criteria[1]!.levels[0]!.label = label;
    return data;
  }

  it('names the level by path, says why, and keeps the file valid', () => {
    const definitions = DefinitionsV1Schema.parse(withLabel('unknown'));
    expect(findDefinitionsWarnings(definitions)).toEqual([
      {
        path: 'criteria[1].levels[0].label',
        message: expect.stringMatching(/^"unknown" reads as Unknown, which is reserved/),
      },
    ]);
  });

  it('locates the warning in the file when given the reading', () => {
    const text = JSON.stringify(withLabel('Unknown'), null, 2);
    const parsed = parseDefinitions(text, 'json');
    if (!parsed.ok) throw new Error('expected valid definitions');
    const read = readDefinitionsText(text, 'json');
    if (!read.ok) throw new Error('expected readable text');
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"Unknown"')) + 1;
    const [warning] = findDefinitionsWarnings(parsed.value, read.value.locate);
    expect(warning).toMatchObject({ line, column: lines[line - 1]!.indexOf('"Unknown"') + 1 });
  });

  it('finds nothing in definitions whose labels describe evidence', () => {
    expect(findDefinitionsWarnings(DefinitionsV1Schema.parse(twoCriteria))).toEqual([]);
  });
});
