import { toCanonicalJson } from './canonical-json';
import type { Definitions } from './schema-v1';

/**
 * SHA-256 (hex) of the definitions' canonical JSON. `$schema` is an editor hint, not content,
 * so two files that differ only there hash the same.
 */
export async function hashDefinitions(definitions: Definitions): Promise<string> {
  const { $schema: _editorHint, ...content } = definitions;
  const bytes = new TextEncoder().encode(toCanonicalJson(content));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
