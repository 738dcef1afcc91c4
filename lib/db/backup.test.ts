// @vitest-environment node
import 'fake-indexeddb/auto';
import '../zod-jitless';
import { backupSourceRows, seedDatabase, snapshotDatabase } from '../../tests/corpus/bad-imports';
import { readBackup } from '../exchange/read-backup';
import { createBackup } from './backup';
import { YardstickDatabase } from './yardstick-database';

const now = new Date('2026-11-22T12:00:00Z');
let counter = 0;

describe('createBackup', () => {
  it('holds every table whole (every rater, every setting), reads back valid and writes nothing', async () => {
    const db = new YardstickDatabase(`backup-${++counter}`);
    const rows = backupSourceRows();
    rows.scores[3] = { ...rows.scores[3]!, rater: 'someone.else@acme.example' };
    await seedDatabase(db, rows);
    const before = await snapshotDatabase(db);

    const text = await createBackup(db, now);

    expect(await snapshotDatabase(db)).toBe(before);
    const read = await readBackup('b.json', text);
    if (!read.ok) throw new Error(read.error.summary);
    const { backup } = read.value;
    expect(backup.createdAt).toBe(now.toISOString());
    expect(backup.databaseVersion).toBe(db.verno);
    expect(backup.counts).toEqual({ scores: 6, definitionsVersions: 1, settings: 7 });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    expect([...backup.scores].sort(byId)).toEqual([...rows.scores].sort(byId));
    expect(backup.scores.map((s) => s.savedAt)).toEqual(backup.scores.map((s) => s.savedAt).sort());
    expect(backup.definitionsVersions).toEqual(rows.definitionsVersions);
    expect(backup.settings.map((s) => s.key)).toEqual(rows.settings.map((s) => s.key).sort());
    db.close();
  });

  it('is the same text for the same database and time', async () => {
    const db = new YardstickDatabase(`backup-${++counter}`);
    await seedDatabase(db, backupSourceRows());
    expect(await createBackup(db, now)).toBe(await createBackup(db, now));
    db.close();
  });
});
