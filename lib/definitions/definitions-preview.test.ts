import meddpiccJson from '../../public/definitions/meddpicc.json';
import { DefinitionsV1Schema } from './schema-v1';
import { definitionsPreviewOf, readDefinitionsPreview } from './definitions-preview';

const meddpicc = DefinitionsV1Schema.parse(meddpiccJson);

describe('definitions preview', () => {
  it('reads back what was stored, through a structured clone as storage.local keeps it', () => {
    const stored = structuredClone(definitionsPreviewOf('abc123', meddpicc.criteria));
    expect(readDefinitionsPreview(stored)).toEqual({
      format: 1,
      hash: 'abc123',
      criteria: meddpicc.criteria,
    });
  });

  it.each([
    ['nothing stored', undefined],
    ['another format', { ...definitionsPreviewOf('h', meddpicc.criteria), format: 2 }],
    ['no hash', { format: 1, criteria: meddpicc.criteria }],
    ['no criteria', { format: 1, hash: 'h', criteria: [] }],
    [
      'a criterion without levels',
      { format: 1, hash: 'h', criteria: [{ ...meddpicc.criteria[0], levels: 'x' }] },
    ],
    [
      'a level without evidence text',
      {
        format: 1,
        hash: 'h',
        criteria: [{ ...meddpicc.criteria[0], levels: [{ value: 1, label: 'Named', evidence: null }] }],
      },
    ],
  ])('ignores %s', (_case, value) => {
    expect(readDefinitionsPreview(value)).toBeNull();
  });
});
