import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDatabaseBackupRestorer } from '../../entrypoints/options/database-backup-restorer';
import type { BackupRestorer } from './backup-restorer';
import { BackupSection } from './BackupSection';

const DEPTH = 200_000;

describe('Restore of a hostile backup', () => {
  it('refuses a backup nested 200 000 deep with its place and reason', async () => {
    const user = userEvent.setup();
    render(
      <BackupSection
        restorer={createDatabaseBackupRestorer(
          () => undefined,
          () => Promise.resolve(),
        )}
      />,
    );
    const deep = `{"format":"yardstick-backup","formatVersion":1,"scores":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
    await user.upload(screen.getByLabelText('Restore from a backup file'), new File([deep], 'deep.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('deep.json was not restored; nothing changed.');
    expect(alert).toHaveTextContent(/line 1, column 120: arrays and objects are nested more than 64 deep/);
  });

  it('says so when the restore itself fails, instead of leaving an uncaught page error', async () => {
    const user = userEvent.setup();
    const failing: BackupRestorer = {
      backUp: () => Promise.reject(new Error('unused')),
      restore: () => Promise.reject(new RangeError('Maximum call stack size exceeded')),
    };
    render(<BackupSection restorer={failing} />);
    await user.upload(screen.getByLabelText('Restore from a backup file'), new File(['{}'], 'odd.json'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('odd.json was not restored; nothing changed.');
    expect(alert).toHaveTextContent('Restore failed: Maximum call stack size exceeded');
    expect(screen.getByRole('button', { name: 'Back up everything' })).toBeEnabled();
  });
});
