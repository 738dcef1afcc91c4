import definitionsJson from '../../tests/fixtures/definitions/two-criteria.json';
import { diffDefinitions } from './diff-definitions';
import { DefinitionsV1Schema, type Definitions } from './schema-v1';

const before = DefinitionsV1Schema.parse(definitionsJson);
const edit = (change: (draft: Definitions) => void): Definitions => {
  const draft = structuredClone(before);
  change(draft);
  return draft;
};

describe('diffDefinitions', () => {
  it('finds nothing between equal definitions', () => {
    expect(diffDefinitions(before, structuredClone(before))).toEqual([]);
  });

  it('names added and removed criteria', () => {
    const after = edit((d) => {
      d.criteria = [d.criteria[0]!, { ...d.criteria[1]!, id: 'pain', name: 'Pain' }];
    });
    expect(diffDefinitions(before, after)).toEqual([
      { kind: 'added', criterionId: 'pain', name: 'Pain' },
      { kind: 'removed', criterionId: 'metrics', name: 'Metrics' },
    ]);
  });

  it('names rewording, reweighting, level and gate changes', () => {
    const after = edit((d) => {
      const champion = d.criteria[0]!;
      champion.definition = 'A new definition.';
      champion.weight = 5;
      champion.levels[1]!.evidence = 'A contact forwarded our proposal internally.';
      champion.gates = { propose: 2 };
      d.criteria[1]!.levels.push({
        value: 20,
        label: 'Audited',
        evidence: 'An auditor confirmed the outcome.',
      });
    });
    expect(diffDefinitions(before, after)).toEqual([
      {
        kind: 'changed',
        criterionId: 'champion',
        name: 'Champion',
        details: [
          'definition reworded',
          'weight 3 → 5',
          'evidence reworded for Coach',
          'stage gates changed',
        ],
      },
      { kind: 'changed', criterionId: 'metrics', name: 'Metrics', details: ['levels changed (3 → 4)'] },
    ]);
  });
});
