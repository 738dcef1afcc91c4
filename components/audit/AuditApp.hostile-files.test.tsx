import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { bundleChecksum } from '../../lib/exchange/bundle-checksum';
import { SELF_DECLARED_NOTE } from '../../lib/exchange/merge-warnings';
import { fixtureText } from '../../tests/unit/helpers/fixture-text';
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

describe('AuditApp with a bundle that conflicts with another, or forged totals', () => {
  const alice = fixtureText('audit/pipeline-alice.json');
  type Bundle = Record<string, unknown> & { scores: { total: number; answers: { evidence: string }[] }[] };
  async function edited(edit: (bundle: Bundle) => void): Promise<string> {
    const bundle = JSON.parse(alice) as Bundle;
    edit(bundle);
    bundle.checksum = { algorithm: 'SHA-256', value: await bundleChecksum(bundle) };
    return JSON.stringify(bundle);
  }

  it('refuses only the conflicting bundle, naming both, audits the rest, and says names are self-declared', async () => {
    const user = renderPage();
    const conflicting = await edited((b) => (b.scores[0]!.answers[0]!.evidence = 'edited later'));
    await user.upload(screen.getByLabelText(/^Data files/), [
      new File([alice], 'alice.json'),
      new File([conflicting], 'alice-edited.json'),
    ]);
    await screen.findByText(/^Imported 1 of 2 files.*; 1 file refused/, {}, { timeout: 20_000 });
    expect(screen.getByRole('alert')).toHaveTextContent(
      /alice-edited\.json was refused: 1 score shares an id with a different score in alice\.json/,
    );
    expect(screen.getByTestId('count-Scores')).toHaveTextContent('51');
    const warnings = screen.getByRole('list', { name: 'Warnings about the inputs' });
    expect(within(warnings).getByText(SELF_DECLARED_NOTE)).toBeInTheDocument();
  }, 30_000);

  it('shows a recomputed total as a warning under the inputs', async () => {
    const user = renderPage();
    const forged = await edited((b) => (b.scores[1]!.total = 100));
    await user.upload(screen.getByLabelText(/^Data files/), [new File([forged], 'forged.json')]);
    await screen.findByText(/^Imported 1 of 1 file/, {}, { timeout: 20_000 });
    const warnings = screen.getByRole('list', { name: 'Warnings about the inputs' });
    expect(within(warnings).getByText(/^forged\.json:\d+: score .*: total 100 recorded/)).toBeInTheDocument();
  }, 30_000);
});
