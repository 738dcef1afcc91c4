import { z } from 'zod';
import { DefinitionsV1Schema, IdentifierSchema } from '../definitions/schema-v1';
import { ScoreRecordSchema } from '../scoring/score-record';

/** The bundle's format id: the first thing a reader checks. */
export const BUNDLE_FORMAT = 'yardstick-bundle';
/** The bundle format version this code writes and reads. */
export const BUNDLE_FORMAT_VERSION = 1;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits (SHA-256)');

/** A definitions version the bundle's scores were made against; `document` is the full text, when included. */
export const BundleDefinitionsSchema = z.strictObject({
  id: IdentifierSchema,
  version: z.string().min(1),
  hash: Sha256Hex,
  document: DefinitionsV1Schema.optional(),
});
/** A definitions version used by the bundle's scores. */
export type BundleDefinitions = z.infer<typeof BundleDefinitionsSchema>;

/** The checksum member: SHA-256 over the bundle's canonical content (docs/data-formats.md). */
export const BundleChecksumSchema = z.strictObject({
  algorithm: z.literal('SHA-256'),
  value: Sha256Hex,
});
/** The bundle's checksum. */
export type BundleChecksum = z.infer<typeof BundleChecksumSchema>;

const headerFields = {
  $schema: z.string().optional(),
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  exportedAt: z.iso.datetime(),
  rater: z.string().min(1).max(400),
  definitions: z.array(BundleDefinitionsSchema),
};

/** A Yardstick export bundle, JSON encoding (format 1). */
export const BundleSchema = z.strictObject({
  ...headerFields,
  scores: z.array(ScoreRecordSchema),
  checksum: BundleChecksumSchema,
});
/** A Yardstick export bundle. */
export type Bundle = z.infer<typeof BundleSchema>;

/** NDJSON encoding, first line: everything but the scores and the checksum. */
export const NdjsonHeaderLineSchema = z.strictObject({ type: z.literal('header'), ...headerFields });
/** NDJSON encoding, one line per score. */
export const NdjsonScoreLineSchema = z.strictObject({ type: z.literal('score'), score: ScoreRecordSchema });
/** NDJSON encoding, last line. */
export const NdjsonChecksumLineSchema = z.strictObject({
  type: z.literal('checksum'),
  ...BundleChecksumSchema.shape,
});

/** The content the checksum covers: the bundle without `checksum` and `$schema`. */
export type BundleContent = Omit<Bundle, 'checksum' | '$schema'>;
