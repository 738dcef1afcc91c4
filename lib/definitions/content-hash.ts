import { sha256Hex } from '../sha256-hex';
import { toCanonicalJson } from './canonical-json';
import type { Definitions } from './schema-v1';

/**
 * SHA-256 (hex) of the definitions' canonical JSON. `$schema` is an editor hint, not content,
 * so two files that differ only there hash the same.
 */
export async function hashDefinitions(definitions: Definitions): Promise<string> {
  const { $schema: _editorHint, ...content } = definitions;
  return sha256Hex(toCanonicalJson(content));
}
