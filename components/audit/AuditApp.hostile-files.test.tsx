import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AuditApp } from './AuditApp';
import { createInProcessEngine } from './in-process-engine';

// Files built to break the reader: the page must refuse them with a reason, never fail whole.
const DEPTH = 200_000;
const deepBundle = `{"format":"yardstick-bundle","formatVersion":1,"scores":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;

function renderPage() {
  const user = userEvent.setup();
  render(<AuditApp engine={createInProcessEngine()} now={() => Date.parse('2024-07-01T00:00:00Z')} />);
  return user;
}

describe('AuditApp with files nested 200 000 deep', () => {
  it('refuses a deeply nested bundle and says why and where', async () => {
    const user = renderPage();
    await user.upload(screen.getByLabelText(/^Data files/), [new File([deepBundle], 'deep.json')]);
    await screen.findByText(/^Imported 0 of 1 file.*; 1 file refused/, {}, { timeout: 20_000 });
    expect(screen.getByRole('alert')).toHaveTextContent(
      /deep\.json:1:120: arrays and objects are nested more than 64 deep here/,
    );
    expect(screen.queryByText(/Maximum call stack/)).not.toBeInTheDocument();
  }, 30_000);

  it('refuses a deeply nested definitions file and says why', async () => {
    const user = renderPage();
    const deepDefinitions = `{"id":"x","criteria":${'['.repeat(DEPTH)}`;
    await user.upload(screen.getByLabelText(/^Definitions file/), [
      new File([deepDefinitions], 'deep-definitions.json'),
    ]);
    await screen.findByText(/^Imported 0 of 1 file.*; 1 file refused/, {}, { timeout: 20_000 });
    expect(screen.getByRole('alert')).toHaveTextContent(
      /deep-definitions\.json was refused: .*arrays and objects are nested more than 64 deep/,
    );
    expect(screen.queryByText(/Maximum call stack/)).not.toBeInTheDocument();
  }, 30_000);
});
