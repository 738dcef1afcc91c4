import { sha256Hex } from '../sha256-hex';
import { z } from 'zod';
import { toCanonicalJson } from '../definitions/canonical-json';
import { DefinitionsV1Schema, IdentifierSchema } from '../definitions/schema-v1';
import { ScoreRecordSchema } from '../scoring/score-record';
import { BundleChecksumSchema } from './bundle-format';

/** The backup's format id: the first thing restore checks. */
export const BACKUP_FORMAT = 'yardstick-backup';
/** The backup format version this code writes and reads. */
export const BACKUP_FORMAT_VERSION = 1;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits (SHA-256)');
const Count = z.number().int().min(0);

/** A stored definitions version, exactly as in the `definitionsVersions` table. */
export const BackupDefinitionsVersionSchema = z.strictObject({
  hash: Sha256Hex,
  id: IdentifierSchema,
  version: z.string().min(1),
  definitions: DefinitionsV1Schema,
  /** Where it came from: `built-in`, `file:<name>` or a URL. */
  source: z.string().min(1),
  firstSeenAt: z.iso.datetime(),
});
/** A definitions version row of a backup. */
export type BackupDefinitionsVersion = z.infer<typeof BackupDefinitionsVersionSchema>;

/** A settings row, exactly as in the `settings` table (values are checked per key on restore). */
export const BackupSettingSchema = z.strictObject({
  key: z.string().min(1).max(200),
  value: z.unknown(),
});
/** A settings row of a backup. */
export type BackupSetting = z.infer<typeof BackupSettingSchema>;

/** How many rows of each table the backup holds: a cut or edited file shows up here too. */
export const BackupCountsSchema = z.strictObject({
  scores: Count,
  definitionsVersions: Count,
  settings: Count,
});

/** A Yardstick backup, format 1: the whole local database. */
export const BackupSchema = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.iso.datetime(),
  /** The database schema version (lib/db/schema-versions.ts) the rows were read from; informational. */
  databaseVersion: z.number().int().positive(),
  counts: BackupCountsSchema,
  definitionsVersions: z.array(BackupDefinitionsVersionSchema),
  settings: z.array(BackupSettingSchema),
  scores: z.array(ScoreRecordSchema),
  checksum: BundleChecksumSchema,
});
/** A Yardstick backup. */
export type Backup = z.infer<typeof BackupSchema>;
/** What the checksum covers: the backup without `checksum` and `$schema`. */
export type BackupContent = Omit<Backup, 'checksum' | '$schema'>;

/** The members the checksum covers, sorted as in the canonical form. */
export const BACKUP_CHECKSUM_MEMBERS = [
  'counts',
  'createdAt',
  'databaseVersion',
  'definitionsVersions',
  'format',
  'formatVersion',
  'scores',
  'settings',
] as const;

/**
 * The canonical content of a backup: the object with exactly the {@link BACKUP_CHECKSUM_MEMBERS},
 * serialised like `toCanonicalJson` (keys sorted by UTF-16 code units at every depth, no whitespace,
 * `JSON.stringify` strings and numbers, `undefined` members omitted). Built one row at a time;
 * `scoreCanonical`, when given, must be the canonical JSON of each entry of `scores`, so a caller that
 * needs them anyway computes them once.
 */
export function canonicalBackupText(
  content: Readonly<Record<string, unknown>>,
  scoreCanonical?: readonly string[],
): string {
  const members: string[] = [];
  for (const member of BACKUP_CHECKSUM_MEMBERS) {
    const value = content[member];
    if (value === undefined) continue;
    let text: string | undefined;
    if (member === 'scores' && scoreCanonical && Array.isArray(value)) text = `[${scoreCanonical.join(',')}]`;
    else if (Array.isArray(value)) text = `[${value.map(canonicalArrayItem).join(',')}]`;
    else text = toCanonicalJson(value);
    if (text !== undefined) members.push(`${JSON.stringify(member)}:${text}`);
  }
  return `{${members.join(',')}}`;
}

/** An array item as `JSON.stringify` writes it inside an array (`undefined` and functions as `null`). */
export function canonicalArrayItem(item: unknown): string {
  return toCanonicalJson(item) ?? 'null';
}

/** The backup checksum: SHA-256 of {@link canonicalBackupText}. */
export async function backupChecksum(
  content: Readonly<Record<string, unknown>>,
  scoreCanonical?: readonly string[],
): Promise<string> {
  return sha256Hex(canonicalBackupText(content, scoreCanonical));
}

/**
 * The JSON Schema of backup format 1, generated from the Zod schema. The checksum, counts,
 * duplicate and reference rules and per-key setting values are only checked by restore.
 */
export function buildBackupJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(BackupSchema, { target: 'draft-2020-12', unrepresentable: 'any' });
  return {
    ...generated,
    $id: 'https://yardstick.invalid/backup.schema.json',
    title: 'Yardstick backup, format 1',
    description:
      'The whole local database of one browser (scores, definitions versions, settings). See docs/data-formats.md for the canonical content the SHA-256 checksum covers and the restore rules.',
  };
}

/** The committed schema file's text: stable formatting so the drift test compares exactly. */
export function renderBackupJsonSchema(): string {
  return `${JSON.stringify(buildBackupJsonSchema(), null, 2)}\n`;
}
