// @vitest-environment node
import '../zod-jitless';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScoreRecord } from '../scoring/score-record';
import { BACKUP_FORMAT, type BackupDefinitionsVersion, type BackupSetting } from './backup-format';
import { readBackup } from './read-backup';
import { formatRestoreError } from './restore-error';
import { backupFileName, serializeBackup, type BackupSource } from './write-backup';

const fixture = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/db/schema-v1.json'), 'utf8'),
) as {
  tables: {
    scores: ScoreRecord[];
    definitionsVersions: BackupDefinitionsVersion[];
    settings: BackupSetting[];
  };
};

const source = (): BackupSource => ({
  createdAt: new Date('2026-11-22T12:00:00Z'),
  databaseVersion: 1,
  ...structuredClone(fixture.tables),
});

describe('serializeBackup', () => {
  it('writes a member per line and a row per line, scores last, checksum at the end', async () => {
    const text = await serializeBackup(source());
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      '{',
      `"format":"${BACKUP_FORMAT}",`,
      '"formatVersion":1,',
      '"createdAt":"2026-11-22T12:00:00.000Z",',
      '"databaseVersion":1,',
      '"counts":{"scores":2,"definitionsVersions":1,"settings":3},',
      '"definitionsVersions":[',
    ]);
    expect(lines.at(-3)).toMatch(/^"checksum":\{"algorithm":"SHA-256","value":"[0-9a-f]{64}"\}$/);
    expect(lines.at(-2)).toBe('}');
    const scoresAt = lines.indexOf('"scores":[');
    expect(JSON.parse(lines[scoresAt + 1]!.replace(/,$/, '')).id).toBe(fixture.tables.scores[0]!.id);
    expect(JSON.parse(lines[scoresAt + 2]!).id).toBe(fixture.tables.scores[1]!.id);
  });

  it('gives the same bytes for the same content, whatever the key order of the rows', async () => {
    const shuffled = source();
    shuffled.scores = shuffled.scores.map(
      (score) => Object.fromEntries(Object.entries(score).reverse()) as unknown as ScoreRecord,
    );
    expect(await serializeBackup(shuffled)).toBe(await serializeBackup(source()));
  });

  it('reads back exactly what it wrote, also re-indented', async () => {
    const text = await serializeBackup(source());
    const read = await readBackup('b.json', text);
    if (!read.ok) throw new Error(formatRestoreError(read.error).join('\n'));
    expect(read.value.backup.scores).toEqual(fixture.tables.scores);
    expect(read.value.backup.definitionsVersions).toEqual(fixture.tables.definitionsVersions);
    expect(read.value.backup.settings).toEqual(fixture.tables.settings);
    expect((await readBackup('b.json', JSON.stringify(JSON.parse(text), null, 2))).ok).toBe(true);
  });

  it('writes an empty database as a valid backup', async () => {
    const text = await serializeBackup({ ...source(), scores: [], definitionsVersions: [], settings: [] });
    expect(text).toContain('"scores":[\n],');
    const read = await readBackup('empty.json', text);
    expect(read.ok && read.value.backup.counts).toEqual({ scores: 0, definitionsVersions: 0, settings: 0 });
  });
});

describe('backupFileName', () => {
  it('is a dated name that every file system accepts', () => {
    expect(backupFileName(new Date('2026-11-22T12:00:00.123Z'))).toBe(
      'yardstick-backup-2026-11-22T12-00-00Z.json',
    );
  });
});
