// @vitest-environment node
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderDefinitionsJsonSchema } from './definitions-json-schema';

const committedPath = path.resolve(import.meta.dirname, '../../public/definitions.schema.json');

describe('public/definitions.schema.json', () => {
  it('matches the schema generated from the Zod schema (run `npm run definitions -- schema` after changing it)', () => {
    expect(readFileSync(committedPath, 'utf8')).toBe(renderDefinitionsJsonSchema());
  });

  it('forbids unknown keys so editors flag typos', () => {
    const schema = JSON.parse(renderDefinitionsJsonSchema()) as {
      additionalProperties: boolean;
      required: string[];
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'id', 'version', 'title', 'criteria', 'bands', 'stages']),
    );
  });
});
