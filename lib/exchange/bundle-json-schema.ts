import { z } from 'zod';
import { BundleSchema } from './bundle-format';

/**
 * The JSON Schema of bundle format 1, generated from the Zod schema. Cross-member rules (checksum,
 * rater, definitions references, levels, duplicate ids) are only in the reader.
 */
export function buildBundleJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(BundleSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...generated,
    $id: 'https://yardstick.invalid/bundle.schema.json',
    title: 'Yardstick export bundle, format 1 (JSON encoding)',
    description:
      'Scores exported by one rep. See docs/data-formats.md for the NDJSON encoding and the canonical content the SHA-256 checksum covers.',
  };
}

/** The committed schema file's text: stable formatting so the drift test compares exactly. */
export function renderBundleJsonSchema(): string {
  return `${JSON.stringify(buildBundleJsonSchema(), null, 2)}\n`;
}
