import { compareCodeUnits } from '../compare-code-units';
import { hashDefinitions } from '../definitions/content-hash';
import type { Definitions } from '../definitions/schema-v1';
import type { DefinitionsRef, ScoreRecord } from '../scoring/score-record';
import { bundleChecksum } from './bundle-checksum';
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, type Bundle, type BundleDefinitions } from './bundle-format';

/** What an export is made of. */
export interface BundleSource {
  rater: string;
  exportedAt: Date;
  scores: readonly ScoreRecord[];
  /** Definitions documents (included whole, so the audit knows levels and bands) or bare references. */
  definitions: readonly (Definitions | DefinitionsRef)[];
}

/** Builds a bundle and its checksum. Definitions are ordered by id, version and hash for stable output. */
export async function createBundle(source: BundleSource): Promise<Bundle> {
  const definitions: BundleDefinitions[] = [];
  const seen = new Set<string>();
  for (const entry of source.definitions) {
    const item: BundleDefinitions =
      'schemaVersion' in entry
        ? { id: entry.id, version: entry.version, hash: await hashDefinitions(entry), document: entry }
        : { id: entry.id, version: entry.version, hash: entry.hash };
    if (seen.has(item.hash)) continue;
    seen.add(item.hash);
    definitions.push(item);
  }
  definitions.sort(
    (a, b) =>
      compareCodeUnits(a.id, b.id) ||
      compareCodeUnits(a.version, b.version) ||
      compareCodeUnits(a.hash, b.hash),
  );
  const content: Omit<Bundle, 'checksum'> = {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: source.exportedAt.toISOString(),
    rater: source.rater,
    definitions,
    scores: [...source.scores],
  };
  return { ...content, checksum: { algorithm: 'SHA-256', value: await bundleChecksum(content) } };
}

/** The JSON encoding: one document, compact unless `pretty`, ending in a newline. */
export function bundleToJson(bundle: Bundle, options: { pretty?: boolean } = {}): string {
  return `${JSON.stringify(bundle, null, options.pretty ? 2 : undefined)}\n`;
}

/** The NDJSON encoding: a header line, one line per score, and the checksum line last. */
export function bundleToNdjson(bundle: Bundle): string {
  const { scores, checksum, ...header } = bundle;
  const lines = [JSON.stringify({ type: 'header', ...header })];
  for (const score of scores) lines.push(JSON.stringify({ type: 'score', score }));
  lines.push(JSON.stringify({ type: 'checksum', ...checksum }));
  return `${lines.join('\n')}\n`;
}
