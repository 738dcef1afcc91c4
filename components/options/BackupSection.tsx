import { useId, useState, type ChangeEvent } from 'react';
import type { BackupRestorer } from './backup-restorer';

/** Backup and restore of everything on this browser: scores, definitions versions and settings. */
export function BackupSection({ restorer }: { restorer: BackupRestorer }) {
  const [status, setStatus] = useState<{ lines: string[]; isError: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const fileId = useId();

  const backUp = async () => {
    setBusy(true);
    try {
      const { fileName, scores } = await restorer.backUp();
      setStatus({ lines: [`Backed up ${scores} scores to ${fileName}.`], isError: false });
    } catch (error) {
      setStatus({
        lines: [`Backup failed: ${error instanceof Error ? error.message : String(error)}`],
        isError: true,
      });
    } finally {
      setBusy(false);
    }
  };

  const restore = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setBusy(true);
    try {
      const result = await restorer.restore(file);
      if (result.ok) {
        const { scoresAdded, scoresUnchanged, definitionsAdded, settingsAdded, backupCreatedAt } =
          result.report;
        setStatus({
          lines: [
            `Restored ${file.name} (backup of ${backupCreatedAt}): ${scoresAdded} scores added, ${scoresUnchanged} already here, ${definitionsAdded} definitions versions and ${settingsAdded} settings added. Nothing was deleted.`,
          ],
          isError: false,
        });
      } else {
        setStatus({
          lines: [`${file.name} was not restored; nothing changed.`, ...result.problems],
          isError: true,
        });
      }
    } catch (error) {
      setStatus({
        lines: [
          `${file.name} was not restored; nothing changed.`,
          `Restore failed: ${error instanceof Error ? error.message : String(error)}`,
        ],
        isError: true,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backup and restore</h2>
      <p>
        A backup holds every score, definitions version and setting on this browser. Restoring adds what is
        missing and never deletes or changes a score; a damaged file changes nothing.
      </p>
      <button type="button" disabled={busy} onClick={() => void backUp()}>
        Back up everything
      </button>
      <label htmlFor={fileId}>Restore from a backup file</label>
      <input
        id={fileId}
        type="file"
        accept=".json,application/json"
        disabled={busy}
        onChange={(e) => void restore(e)}
      />
      {status && (
        <div role={status.isError ? 'alert' : 'status'} className={status.isError ? 'ys-failure' : undefined}>
          {status.lines.map((line, index) => (
            <p key={index}>{line}</p>
          ))}
        </div>
      )}
    </section>
  );
}
