import definitionsJson from '../../tests/fixtures/definitions/two-criteria.json';
import { changesScoring } from './scoring-meaning';
import { DefinitionsV1Schema, type Definitions } from './schema-v1';

const before = DefinitionsV1Schema.parse(definitionsJson);
const edit = (change: (draft: Definitions) => void): Definitions => {
  const draft = structuredClone(before);
  change(draft);
  return draft;
};

describe('changesScoring', () => {
  it('finds no change in meaning when only calibration cases, titles, version and capture fields change', () => {
    const after = edit((d) => {
      d.version = '2.1.1';
      d.title = 'Renamed';
      d.description = 'Now with a description.';
      d.captureFields = ['amount'];
      d.calibration = [
        { id: 'case-a', title: 'Case A', summary: 'A deal.', intendedLevels: { champion: 1 } },
      ];
      d.criteria[0]!.name = 'Internal champion';
      d.criteria[0]!.levels[1]!.label = 'Informant';
      d.criteria.reverse();
    });
    expect(changesScoring(before, after)).toBe(false);
  });

  it('finds a change when a weight changes', () => {
    expect(
      changesScoring(
        before,
        edit((d) => void (d.criteria[1]!.weight = 2)),
      ),
    ).toBe(true);
  });

  it('finds a change when a level’s evidence is reworded', () => {
    const after = edit(
      (d) => void (d.criteria[0]!.levels[2]!.evidence = 'A contact introduced us to the CFO.'),
    );
    expect(changesScoring(before, after)).toBe(true);
  });

  it('finds a change when a gate, a band range, a stage alias or the level scale changes', () => {
    const changes: ((d: Definitions) => void)[] = [
      (d) => void (d.criteria[0]!.gates = { propose: 2 }),
      (d) => void (d.bands[0]!.max += 1),
      (d) => void (d.stages[0]!.aliases = [...(d.stages[0]!.aliases ?? []), 'Triage']),
      (d) => void d.criteria[1]!.levels.pop(),
      (d) => void (d.criteria[1]!.definition = 'Any number the customer mentioned.'),
    ];
    for (const change of changes) expect(changesScoring(before, edit(change))).toBe(true);
  });
});
