import { z } from 'zod';
import { DefinitionsV1Schema } from './schema-v1';

/**
 * The JSON Schema of definitions format v1, generated from the Zod schema, for editor autocomplete.
 * Cross-field rules (unique ids, increasing levels, gates, band coverage) are only in the validator.
 */
export function buildDefinitionsJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(DefinitionsV1Schema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...generated,
    $id: 'https://yardstick.invalid/definitions.schema.json',
    title: 'Yardstick definitions, format 1',
    description:
      'Operational definitions of qualification criteria. Run `npm run definitions -- validate <file>` for the full check (unique ids, increasing level values, gates, band coverage).',
  };
}

/** The committed schema file's text: stable formatting so the drift test compares exactly. */
export function renderDefinitionsJsonSchema(): string {
  return `${JSON.stringify(buildDefinitionsJsonSchema(), null, 2)}\n`;
}
