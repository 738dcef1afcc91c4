// @vitest-environment node
import '../zod-jitless';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ScoreRecord } from '../scoring/score-record';
import { backupChecksum, type BackupDefinitionsVersion, type BackupSetting } from './backup-format';
import { readBackup } from './read-backup';
import { formatRestoreError, type RestoreErrorReason } from './restore-error';
import { serializeBackup } from './write-backup';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const fixture = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/db/schema-v1.json'), 'utf8'),
) as {
  tables: {
    scores: ScoreRecord[];
    definitionsVersions: BackupDefinitionsVersion[];
    settings: BackupSetting[];
  };
};

const backupText = () =>
  serializeBackup({ createdAt: new Date('2026-11-22T12:00:00Z'), databaseVersion: 1, ...fixture.tables });

async function signed(edit: (backup: Json) => void): Promise<string> {
  const backup = JSON.parse(await backupText()) as Json;
  edit(backup);
  backup.checksum = { algorithm: 'SHA-256', value: await backupChecksum(backup) };
  return JSON.stringify(backup, null, 2);
}

async function reasonOf(input: string | Uint8Array, maxBytes?: number): Promise<RestoreErrorReason | 'ok'> {
  const read = await readBackup('b.json', input, { maxBytes });
  return read.ok ? 'ok' : read.error.reason;
}

describe('readBackup', () => {
  it('accepts a byte-order mark, $schema, and text or bytes alike', async () => {
    const text = await backupText();
    expect(await reasonOf(`\uFEFF${text}`)).toBe('ok');
    expect(await reasonOf(new TextEncoder().encode(`\uFEFF${text}`))).toBe('ok');
    expect(
      await reasonOf(await signed((b) => (b.$schema = 'https://yardstick.invalid/backup.schema.json'))),
    ).toBe('ok');
  });

  it('keeps rows the file repeats identically once, and counts them', async () => {
    const text = await signed((b) => {
      b.scores.push(structuredClone(b.scores[0]));
      b.settings.push(structuredClone(b.settings[0]));
      b.counts = { scores: 3, definitionsVersions: 1, settings: 4 };
    });
    const read = await readBackup('b.json', text);
    expect(read.ok && read.value.backup.scores.length).toBe(2);
    expect(read.ok && read.value.backup.settings.length).toBe(3);
    expect(read.ok && read.value.duplicateRows).toBe(2);
  });

  it('tells the UI why, by reason', async () => {
    const text = await backupText();
    expect(await reasonOf(text, 100)).toBe('too-large');
    expect(await reasonOf(Uint8Array.from([0x7b, 0xe9, 0x7d]))).toBe('encoding');
    expect(await reasonOf(text.slice(0, 100))).toBe('syntax');
    expect(await reasonOf('{"format":"yardstick-bundle"}')).toBe('not-a-backup');
    expect(await reasonOf(text.replace('"formatVersion":1', '"formatVersion":2'))).toBe(
      'unsupported-version',
    );
    expect(await reasonOf(text.replace('"total":37.5', '"total":37.6'))).toBe('checksum');
    expect(await reasonOf(await signed((b) => (b.scores[0].total = -1)))).toBe('invalid');
  });

  it('lists 20 problems, then counts the rest', async () => {
    const text = await signed((b) => {
      for (let i = 0; i < 25; i++) b.settings.push({ key: `k${i}`, value: i, extra: true });
      b.counts.settings = b.settings.length;
    });
    const read = await readBackup('b.json', text);
    if (read.ok) throw new Error('expected a refusal');
    expect(read.error.summary).toBe('b.json: the backup has 25 problems; nothing was restored');
    const lines = formatRestoreError(read.error);
    expect(lines).toHaveLength(21);
    expect(lines[0]).toMatch(/^b\.json, line \d+, column \d+: settings\[3\]: unknown key "extra"$/);
    expect(lines.at(-1)).toBe('b.json: … and 5 more problems');
  });
});
