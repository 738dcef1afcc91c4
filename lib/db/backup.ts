import type { BackupSource } from '../exchange/write-backup';
import { serializeBackup } from '../exchange/write-backup';
import type { YardstickDatabase } from './yardstick-database';

/** Reads every table in one read transaction, so the backup is a consistent snapshot. */
export async function readBackupSource(db: YardstickDatabase, now: Date): Promise<BackupSource> {
  return db.transaction('r', db.scores, db.definitionsVersions, db.settings, async () => {
    const [scores, definitionsVersions, settings] = await Promise.all([
      db.scores.orderBy('savedAt').toArray(),
      db.definitionsVersions.orderBy('firstSeenAt').toArray(),
      db.settings.orderBy('key').toArray(),
    ]);
    return { createdAt: now, databaseVersion: db.verno, scores, definitionsVersions, settings };
  });
}

/**
 * Backs up the whole local database (scores of every rater, definitions versions, settings) as
 * backup JSON text (docs/data-formats.md, "Backup"). Nothing is written to the database.
 */
export async function createBackup(db: YardstickDatabase, now: Date): Promise<string> {
  return serializeBackup(await readBackupSource(db, now));
}
