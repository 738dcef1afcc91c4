import type { BackupRestorer } from '../../components/options/backup-restorer';
import { createBackup } from '../../lib/db/backup';
import { restoreBackup } from '../../lib/db/restore';
import { formatRestoreError } from '../../lib/exchange/restore-error';
import { YardstickDatabase } from '../../lib/db/yardstick-database';
import { backupFileName } from '../../lib/exchange/write-backup';
import { readFailure } from '../../lib/exchange/read-failure';
import { err } from '../../lib/result';
import { checkFileSize, MAX_BACKUP_BYTES } from '../../lib/exchange/file-size-limit';

/**
 * Backup and restore straight against the extension-origin database (an extension page may open it);
 * after a restore commits, `announceRestore` tells the background, which owns what lives outside the
 * database (custom hosts' loader registrations, open sidebars' state).
 */
export function createDatabaseBackupRestorer(
  download: (fileName: string, text: string, mimeType: string) => void,
  announceRestore: () => Promise<unknown>,
): BackupRestorer {
  return {
    async backUp() {
      const db = new YardstickDatabase();
      try {
        const now = new Date();
        const [text, scores] = await Promise.all([createBackup(db, now), db.scores.count()]);
        const fileName = backupFileName(now);
        download(fileName, text, 'application/json');
        return { fileName, scores };
      } finally {
        db.close();
      }
    },
    async restore(file) {
      const tooLarge = checkFileSize(file.name, file.size, MAX_BACKUP_BYTES, 'a backup');
      if (!tooLarge.ok) return { ok: false, problems: formatRestoreError(tooLarge.error) };
      const db = new YardstickDatabase();
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const result = await restoreBackup(db, bytes, new Date(), { file: file.name }).catch(
          (error: unknown) => err({ ...readFailure(file.name, error), reason: 'invalid' as const }),
        );
        if (!result.ok) return { ok: false, problems: formatRestoreError(result.error) };
        // The data is restored whatever the background answers; a background that cannot be reached
        // picks the restored settings up at its next start.
        await announceRestore().catch(() => undefined);
        const { scores, definitionsVersions, settings, backupCreatedAt } = result.value;
        return {
          ok: true,
          report: {
            scoresAdded: scores.added,
            scoresUnchanged: scores.unchanged,
            definitionsAdded: definitionsVersions.added,
            settingsAdded: settings.added,
            backupCreatedAt,
          },
        };
      } finally {
        db.close();
      }
    },
  };
}
