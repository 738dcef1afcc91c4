import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDatabaseBackupRestorer } from '../../entrypoints/options/database-backup-restorer';
import { createScoresExporter } from '../../entrypoints/options/scores-exporter';
import { MessageType } from '../../lib/messaging/protocol-names';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import { BackupSection } from './BackupSection';
import { ExportSection } from './ExportSection';

// The real exporter and restorer, on the default database name the extension pages open.
async function seedOneScore() {
  const background = createInMemoryBackground();
  await background.sidebar.setRater('priya@acme.example');
  const state = await background.sidebar.getDealState('x');
  if (!state.ok) throw new Error('deal state');
  await background.send({
    type: MessageType.saveScore,
    saveId: crypto.randomUUID(),
    deal: lightningSnapshot(),
    definitionsHash: state.value.active.hash,
    answers: [{ criterionId: 'metrics', level: 2, evidence: '=HYPERLINK("x")' }],
  });
  return background;
}

describe('Export and backup sections', () => {
  it('exports the rater’s bundle and restores a backup twice without changing anything the second time', async () => {
    const user = userEvent.setup();
    const background = await seedOneScore();
    const downloads: { fileName: string; text: string }[] = [];
    const exporter = createScoresExporter(async () => 'priya@acme.example');
    exporter.download = (file) => void downloads.push(file);
    const restorer = createDatabaseBackupRestorer(
      (fileName, text) => void downloads.push({ fileName, text }),
      () => background.options.backupRestored(),
    );
    // The in-memory background writes to its own database; copy its score into the pages' database.
    const { YardstickDatabase } = await import('../../lib/db/yardstick-database');
    const pagesDb = new YardstickDatabase();
    await pagesDb.scores.bulkPut(await background.services.db.scores.toArray());
    await pagesDb.definitionsVersions.bulkPut(await background.services.db.definitionsVersions.toArray());
    pagesDb.close();

    render(
      <>
        <ExportSection exporter={exporter} />
        <BackupSection restorer={restorer} />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Export my scores (bundle, JSON)' }));
    expect(
      await screen.findByText(/^Exported 1 scores to yardstick-priya@acme.example-/),
    ).toBeInTheDocument();
    expect(JSON.parse(downloads[0]!.text)).toMatchObject({
      format: 'yardstick-bundle',
      rater: 'priya@acme.example',
    });

    await user.click(screen.getByRole('button', { name: 'Export all scores (CSV for spreadsheets)' }));
    expect(await screen.findByText(/^Exported 1 scores to yardstick-scores-/)).toBeInTheDocument();
    expect(downloads[1]!.text).toContain(`"'=HYPERLINK(""x"")"`);

    await user.click(screen.getByRole('button', { name: 'Back up everything' }));
    expect(await screen.findByText(/^Backed up 1 scores to yardstick-backup-/)).toBeInTheDocument();
    const backup = downloads[2]!;
    const changesBeforeRestore = background.stateChanges.length;
    await user.upload(
      screen.getByLabelText('Restore from a backup file'),
      new File([backup.text], backup.fileName),
    );
    expect(await screen.findByText(/0 scores added, 1 already here/)).toBeInTheDocument();
    // The background heard of the restore after it committed, and told open sidebars and pages.
    const changesAfterRestore = background.stateChanges.length;
    expect(changesAfterRestore).toBe(changesBeforeRestore + 1);

    const damaged = backup.text.replace('"priya@acme.example"', '"mallory@acme.example"');
    await user.upload(
      screen.getByLabelText('Restore from a backup file'),
      new File([damaged], 'damaged.json'),
    );
    expect(await screen.findByText('damaged.json was not restored; nothing changed.')).toBeInTheDocument();
    expect(background.stateChanges).toHaveLength(changesAfterRestore);
  });
});
