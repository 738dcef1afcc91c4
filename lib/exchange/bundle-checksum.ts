import { sha256Hex } from '../sha256-hex';
import { toCanonicalJson } from '../definitions/canonical-json';

/** The members of a bundle the checksum covers, in no particular order (the canonical form sorts them). */
export const CHECKSUM_MEMBERS = [
  'format',
  'formatVersion',
  'exportedAt',
  'rater',
  'definitions',
  'scores',
] as const;

/**
 * SHA-256 (lower-case hex) of the bundle's canonical content: the object with exactly the
 * {@link CHECKSUM_MEMBERS}, serialised as JSON with object keys sorted by UTF-16 code units at every
 * depth, no whitespace, numbers and strings as `JSON.stringify` writes them (the RFC 8785 form for
 * this data), encoded as UTF-8. JSON and NDJSON encodings of one export share the checksum.
 */
export async function bundleChecksum(content: Readonly<Record<string, unknown>>): Promise<string> {
  const covered: Record<string, unknown> = {};
  for (const member of CHECKSUM_MEMBERS) covered[member] = content[member];
  return sha256Hex(toCanonicalJson(covered));
}
