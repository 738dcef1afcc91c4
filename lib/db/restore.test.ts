// @vitest-environment node
import 'fake-indexeddb/auto';
import '../zod-jitless';
import Dexie from 'dexie';
import {
  backupSourceRows,
  LOCAL_ONLY_SCORE,
  localRows,
  seedDatabase,
  snapshotDatabase,
} from '../../tests/corpus/bad-imports';
import { appendScore } from './score-repository';
import { createBackup } from './backup';
import { formatRestoreError, restoreBackup, SETTING_RESTORE_RULES } from './restore';
import { YardstickDatabase } from './yardstick-database';

const backupTime = new Date('2026-11-22T12:00:00Z');
const now = new Date('2026-12-02T09:00:00Z');
let counter = 0;
const newDatabase = () => new YardstickDatabase(`restore-${++counter}`);

type Rows = ReturnType<typeof backupSourceRows>;

async function backupOf(rows: Rows): Promise<string> {
  const db = newDatabase();
  await seedDatabase(db, rows);
  const text = await createBackup(db, backupTime);
  db.close();
  return text;
}

async function restored(db: YardstickDatabase, text: string | Uint8Array) {
  const result = await restoreBackup(db, text, now);
  if (!result.ok) throw new Error(formatRestoreError(result.error).join('\n'));
  return result.value;
}

describe('restoreBackup', () => {
  it('restores a whole database into an empty one: every row exactly, but not the sync state', async () => {
    const rows = backupSourceRows();
    const target = newDatabase();
    const summary = await restored(target, await backupOf(rows));
    expect(summary).toEqual({
      backupCreatedAt: backupTime.toISOString(),
      restoredAt: now.toISOString(),
      scores: { inBackup: 6, added: 6, unchanged: 0 },
      definitionsVersions: { inBackup: 1, added: 1, unchanged: 0 },
      settings: { inBackup: 7, added: 6, keptLocal: 0, skipped: ['syncState'] },
      duplicateRowsInFile: 0,
    });
    const expected = newDatabase();
    await seedDatabase(expected, { ...rows, settings: rows.settings.filter((s) => s.key !== 'syncState') });
    expect(await snapshotDatabase(target)).toBe(await snapshotDatabase(expected));
  });

  it('changes nothing when the same backup is restored again', async () => {
    const text = await backupOf(backupSourceRows());
    const db = newDatabase();
    await seedDatabase(db, localRows());
    await restored(db, text);
    const once = await snapshotDatabase(db);
    const again = await restored(db, text);
    expect(await snapshotDatabase(db)).toBe(once);
    expect(again.scores).toEqual({ inBackup: 6, added: 0, unchanged: 6 });
    expect(again.definitionsVersions).toEqual({ inBackup: 1, added: 0, unchanged: 1 });
    expect(again.settings.added).toBe(0);
  });

  it('merges by score id and never deletes or changes scores newer than the backup', async () => {
    const db = newDatabase();
    await seedDatabase(db, localRows());
    const summary = await restored(db, await backupOf(backupSourceRows()));
    expect(summary.scores).toEqual({ inBackup: 6, added: 4, unchanged: 2 });
    expect(await db.scores.get(LOCAL_ONLY_SCORE.id)).toEqual(LOCAL_ONLY_SCORE);
    expect(await db.scores.count()).toBe(7);
  });

  it('keeps local settings, adds missing ones, never restores sync state or unknown keys', async () => {
    const rows = backupSourceRows();
    rows.settings.push(
      { key: 'lastDefinitionsFailure', value: { at: '2026-11-21T00:00:00.000Z', source: 'x', error: {} } },
      { key: 'someFutureSetting', value: true },
    );
    const db = newDatabase();
    const local = localRows();
    local.settings = [
      { key: 'rater', value: 'priya.local@acme.example' },
      { key: 'syncIntervalMinutes', value: 15 },
    ];
    await seedDatabase(db, local);

    const summary = await restored(db, await backupOf(rows));

    expect(summary.settings).toEqual({
      inBackup: 9,
      added: 4,
      keptLocal: 2,
      skipped: ['lastDefinitionsFailure', 'someFutureSetting', 'syncState'],
    });
    const settings = Object.fromEntries((await db.settings.toArray()).map((row) => [row.key, row.value]));
    expect(settings).toEqual({
      rater: 'priya.local@acme.example',
      syncIntervalMinutes: 15,
      role: 'rep',
      staleAmountChangePercent: 20,
      activeDefinitionsHash: rows.definitionsVersions[0]!.hash,
      definitionsSource: { kind: 'url', url: 'https://defs.acme.example/team.json' },
    });
  });

  it('does not restore an active definitions hash that names no stored definitions', async () => {
    const rows = backupSourceRows();
    rows.settings.find((s) => s.key === 'activeDefinitionsHash')!.value = 'e'.repeat(64);
    const db = newDatabase();
    const summary = await restored(db, await backupOf(rows));
    expect(summary.settings.skipped).toContain('activeDefinitionsHash');
    expect(await db.settings.get('activeDefinitionsHash')).toBeUndefined();
  });

  it('keeps the local row of a definitions version it already has (same content hash)', async () => {
    const db = newDatabase();
    const local = localRows();
    local.definitionsVersions[0] = {
      ...local.definitionsVersions[0],
      source: 'file:team.json',
      firstSeenAt: '2026-01-01T00:00:00.000Z',
    };
    await seedDatabase(db, local);
    const summary = await restored(db, await backupOf(backupSourceRows()));
    expect(summary.definitionsVersions).toEqual({ inBackup: 1, added: 0, unchanged: 1 });
    expect(await db.definitionsVersions.toArray()).toEqual(local.definitionsVersions);
  });

  it('writes nothing when the database fails part-way through (one transaction)', async () => {
    const db = newDatabase();
    await db.open();
    const before = await snapshotDatabase(db);
    vi.spyOn(db.definitionsVersions, 'bulkAdd').mockImplementation(() => {
      throw new Dexie.QuotaExceededError('The quota has been exceeded.');
    });
    const result = await restoreBackup(db, await backupOf(backupSourceRows()), now);
    vi.restoreAllMocks();
    expect(!result.ok && result.error.reason).toBe('storage');
    expect(!result.ok && result.error.summary).toBe(
      'backup.json: the browser could not store the restored data (QuotaExceededError: The quota has been exceeded.); nothing was restored',
    );
    expect(await snapshotDatabase(db)).toBe(before);
  });

  it('refuses a score stored here with different content, whichever way it got here', async () => {
    const text = await backupOf(backupSourceRows());
    const db = newDatabase();
    const backedUp = backupSourceRows().scores[2]!;
    await appendScore(db, { ...backedUp, total: 99 });
    const before = await snapshotDatabase(db);
    const result = await restoreBackup(db, new TextEncoder().encode(text), now, { file: 'mine.json' });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.reason).toBe('conflict');
    expect(formatRestoreError(result.error)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^mine\\.json, line \\d+, column \\d+: scores\\[\\d\\]\\.id: score ${backedUp.id} is already stored in this browser with different content \\(saved ${backedUp.savedAt} by ${backedUp.rater}\\)`,
        ),
      ),
    ]);
    expect(await snapshotDatabase(db)).toBe(before);
  });

  it('has a rule for every setting, and restores device state never', () => {
    expect(SETTING_RESTORE_RULES.syncState.restore).toBe(false);
    expect(SETTING_RESTORE_RULES.lastDefinitionsFailure.restore).toBe(false);
    expect(SETTING_RESTORE_RULES.rater.restore).toBe(true);
  });
});
