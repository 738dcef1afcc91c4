import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fixtureText } from '../../tests/unit/helpers/fixture-text';
import { AuditApp } from './AuditApp';
import { createInProcessEngine } from './in-process-engine';

// The page runs the real read/merge/audit code through the in-process adapter of the worker.
const PIPELINE = [
  'audit/pipeline-alice.json',
  'audit/pipeline-bob.ndjson',
  'audit/pipeline-carol-ratings.csv',
  'audit/pipeline-outcomes.csv',
];
const AS_OF = Date.parse('2024-07-01T00:00:00Z');

const fileOf = (path: string) =>
  new File([fixtureText(path)], path.split('/').at(-1)!, { type: 'text/plain' });

function renderPage() {
  const user = userEvent.setup();
  render(<AuditApp engine={createInProcessEngine()} now={() => AS_OF} />);
  const input = screen.getByLabelText(/^Data files/);
  return { user, input };
}

async function importFiles(user: ReturnType<typeof userEvent.setup>, input: HTMLElement, paths: string[]) {
  await user.upload(input, paths.map(fileOf));
}

const count = (label: string) => screen.getByTestId(`count-${label}`).textContent;

describe('AuditApp', () => {
  it('says what to import before any file is there', () => {
    renderPage();
    expect(screen.getByRole('heading', { name: 'No data yet' })).toBeInTheDocument();
    expect(screen.getByText('Outcomes CSV')).toBeInTheDocument();
  });

  it('imports the pipeline files and shows agreement, bias, predictive validity and the closed loop', async () => {
    const { user, input } = renderPage();
    await importFiles(user, input, PIPELINE);
    await screen.findByText(/^Imported 4 of 4 files/, {}, { timeout: 20_000 });

    expect(count('Scores')).toBe('146');
    expect(count('Raters')).toBe('3');
    expect(count('Deals scored')).toBe('30');
    expect(count('Duplicates merged')).toBe('0');

    // α ordinal of champion (the CLI prints 0.786 [0.66, 0.87] for the same files).
    const agreement = screen.getByRole('table', { name: /Agreement per criterion/ });
    const champion = within(agreement).getByRole('row', { name: /^Champion/ });
    expect(champion).toHaveTextContent('0.786 [0.66, 0.87] n = 36');
    expect(within(agreement).getByRole('row', { name: /^Metrics/ })).toHaveTextContent('0.061');
    // Five columns on the page; the other measures are folded under All figures.
    expect(within(agreement).getAllByRole('columnheader')).toHaveLength(5);
    const kappa = within(screen.getByRole('table', { name: /Fleiss' κ and intraclass/ })).getByRole('row', {
      name: /^Champion/,
    });
    // Fleiss κ and ICC are not applicable here and say why, once for the three ICCs.
    expect(within(kappa).getByText(/Fleiss' κ needs the same number on every unit/)).toBeInTheDocument();
    expect(within(kappa).getAllByText(/an ICC needs every rater to rate every unit/)).toHaveLength(1);
    const others = screen.getByRole('table', { name: /α at the other levels of measurement/ });
    expect(within(others).getByRole('row', { name: /^Champion/ })).toHaveTextContent('0.586');
    expect(screen.getByText(/^All figures/).closest('details')).not.toHaveAttribute('open');
    expect(screen.getByTestId('timings')).toHaveTextContent(/^Debug: worker read \d+ ms/);

    // Findings open the report, criteria by name.
    const findings = within(screen.getByRole('region', { name: 'Findings' })).getAllByRole('listitem');
    expect(findings.length).toBeLessThanOrEqual(5);
    // alice's robust bias on Metrics (+1.22) is under 3 standard errors: named, but not flagged.
    expect(findings[0]).toHaveTextContent(
      /^No rater clearly scores differently from the team: alice scores Metrics 1\.2 levels higher, but within the noise of 20 deals and 6 calibration cases\./,
    );
    expect(findings[2]).toHaveTextContent(
      'Higher scores go with won deals: AUC 0.80 [0.58, 0.91] on 30 closed deals',
    );

    // Charts are named images.
    expect(screen.getByRole('img', { name: /Agreement per criterion/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /How each rater scores against the team/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Score distributions by rater/ })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Win rate by band/ })).toBeInTheDocument();

    const bias = screen.getByRole('table', { name: /Rater bias by criterion/ });
    expect(within(bias).getByRole('row', { name: /^alice/ })).toHaveTextContent('+1.73');

    const predictive = screen.getByRole('table', { name: /AUC of won against lost deals/ });
    expect(within(predictive).getByRole('row', { name: /^Total/ })).toHaveTextContent(
      '0.797 [0.58, 0.91] n = 30',
    );

    const bands = screen.getByRole('table', { name: /Win rate by band/ });
    expect(within(bands).getByRole('row', { name: /^low/ })).toHaveTextContent('8.3% [1.5%, 35.4%] n = 12');

    const rewrite = screen.getByRole('table', { name: 'Criteria to rewrite' });
    expect(within(rewrite).getByRole('row', { name: /^Metrics/ })).toHaveTextContent('0.061 [−0.27, 0.37]');
    expect(screen.getByText(/No criterion to reweight|Not judged yet/)).toBeInTheDocument();

    expect(screen.getByRole('table', { name: /By segment/ })).toHaveTextContent('region = emea');
    expect(screen.getByRole('table', { name: /Coverage and staleness/ })).toHaveTextContent(
      '100.0% (30 of 30)',
    );
  }, 30_000);

  it('refuses a bad file whole, naming the file and line, and still imports the others', async () => {
    const { user, input } = renderPage();
    await importFiles(user, input, [
      ...PIPELINE,
      'audit/bad/non-numeric-level.csv',
      'audit/bad/wrong-checksum.json',
    ]);
    await screen.findByText(/^Imported 4 of 6 files in .*; 2 files refused/, {}, { timeout: 20_000 });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'non-numeric-level.csv:3:17: level "high" is not a number (leave the cell empty for Unknown)',
    );
    expect(alert).toHaveTextContent(/wrong-checksum\.json:3237:5: wrong checksum/);
    expect(count('Scores')).toBe('146');
    await user.click(
      within(alert).getByRole('button', { name: /Dismiss the error of non-numeric-level\.csv/ }),
    );
    expect(screen.getByRole('alert')).not.toHaveTextContent('non-numeric-level.csv');
  }, 30_000);

  it('changes nothing when the same files are imported twice, and says so', async () => {
    const { user, input } = renderPage();
    await importFiles(user, input, PIPELINE);
    await screen.findByText(/^Imported 4 of 4 files/, {}, { timeout: 20_000 });
    const before = within(screen.getByRole('table', { name: /Agreement per criterion/ })).getAllByRole('row');
    const beforeText = before.map((row) => row.textContent);

    await importFiles(user, input, PIPELINE);
    await screen.findByText(/Nothing new: all .* already imported and were merged/, {}, { timeout: 20_000 });
    expect(count('Scores')).toBe('146');
    expect(count('Raters')).toBe('3');
    expect(count('Deals scored')).toBe('30');
    expect(Number(count('Duplicates merged'))).toBeGreaterThan(0);
    const after = within(screen.getByRole('table', { name: /Agreement per criterion/ })).getAllByRole('row');
    expect(after.map((row) => row.textContent)).toEqual(beforeText);
  }, 40_000);

  it('tells the manager what is missing with one rater and no outcomes', async () => {
    const { user, input } = renderPage();
    await importFiles(user, input, ['audit/pipeline-alice.json']);
    await screen.findByText(/^Imported 1 of 1 file/, {}, { timeout: 20_000 });
    const gaps = screen.getByRole('region', { name: 'What data is missing' });
    expect(gaps).toHaveTextContent(
      'Agreement needs at least 2 raters scoring the same deals; you have 1 rater (alice).',
    );
    expect(gaps).toHaveTextContent('Predictive validity needs an outcomes CSV');
    const agreement = screen.getByRole('table', { name: /Agreement per criterion/ });
    expect(within(agreement).getByRole('row', { name: /^Champion/ })).toHaveTextContent(
      'one rater: agreement needs ratings from at least 2 raters',
    );
  }, 30_000);

  it('checks levels against an imported definitions file and can remove a file', async () => {
    const { user } = renderPage();
    await user.upload(screen.getByLabelText(/^Definitions file/), fileOf('audit/two-criteria.json'));
    await screen.findByText(/^Imported 1 of 1 file/, {}, { timeout: 20_000 });
    await importFiles(user, screen.getByLabelText(/^Data files/), PIPELINE);
    await screen.findByText(/^Imported 4 of 4 files/, {}, { timeout: 20_000 });
    expect(
      screen.getByText(/Checked against Two criteria for tests \(two-criteria@2\.1\.0\)/),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove pipeline-outcomes.csv' }));
    await waitFor(() => expect(count('Deals in the outcomes file')).toBe('0'), { timeout: 20_000 });
    expect(screen.getByRole('region', { name: 'What data is missing' })).toHaveTextContent(
      'Predictive validity needs an outcomes CSV',
    );
  }, 40_000);

  it('imports files dropped on the drop zone, recognising a definitions file among them', async () => {
    renderPage();
    const files = [fileOf('audit/two-criteria.json'), fileOf('audit/pipeline-alice.json')];
    fireEvent.drop(screen.getByTestId('dropzone'), { dataTransfer: { files, types: ['Files'] } });
    await screen.findByText(/^Imported 2 of 2 files/, {}, { timeout: 20_000 });
    expect(screen.getByRole('row', { name: /^two-criteria\.json/ })).toHaveTextContent(
      'Definitions two-criteria@2.1.0',
    );
    expect(screen.getByRole('row', { name: /^pipeline-alice\.json/ })).toHaveTextContent(
      'Bundle: 51 new scores',
    );
  }, 30_000);

  it('refuses only the file that conflicts with files already imported', async () => {
    const { user, input } = renderPage();
    const header = 'deal,rater,criterion,level';
    const first = new File([`${header}\nd1,ann,champion,2\nd1,bob,champion,1\n`], 'first.csv');
    const conflicting = new File([`${header}\nd1,ann,champion,0\n`], 'conflicting.csv');
    const fine = new File([`${header}\nd2,ann,champion,1\nd2,bob,champion,1\n`], 'fine.csv');
    await user.upload(input, [first]);
    await screen.findByText(/^Imported 1 of 1 file/, {}, { timeout: 20_000 });
    await user.upload(input, [conflicting, fine]);
    await screen.findByText(/^Imported 1 of 2 files in .*; 1 file refused/, {}, { timeout: 20_000 });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'conflicting.csv:2:17: conflicting rating: ann rated "champion" of d1 0 here and 2 at first.csv:2',
    );
    expect(screen.getByRole('row', { name: /^fine\.csv/ })).toHaveTextContent('2 new ratings');
    expect(count('Deals scored')).toBe('2');
  }, 30_000);

  it('re-checks earlier files against newly imported definitions', async () => {
    const { user, input } = renderPage();
    const typo = new File(['deal,rater,criterion,level\nd1,ann,champoin,2\n'], 'typo.csv');
    await user.upload(input, [typo, fileOf('audit/pipeline-alice.json')]);
    await screen.findByText(/^Imported 2 of 2 files/, {}, { timeout: 20_000 });
    await user.upload(screen.getByLabelText(/^Definitions file/), fileOf('audit/two-criteria.json'));
    await screen.findByText(/1 earlier file refused by the new definitions/, {}, { timeout: 20_000 });
    expect(screen.getByRole('alert')).toHaveTextContent(
      'typo.csv:2:8: criterion "champoin" is not in two-criteria@2.1.0',
    );
    expect(screen.getByRole('row', { name: /^pipeline-alice\.json/ })).toHaveTextContent(
      'Bundle: 51 new scores',
    );
  }, 30_000);

  it('moves keyboard focus to a section from the report navigation', async () => {
    const { user, input } = renderPage();
    await importFiles(user, input, ['audit/pipeline-alice.json']);
    await screen.findByText(/^Imported 1 of 1 file/, {}, { timeout: 20_000 });
    const nav = screen.getByRole('navigation', { name: 'Report sections' });
    const link = within(nav).getByRole('link', { name: 'Predictive validity' });
    link.focus();
    await act(async () => {
      await user.keyboard('{Enter}');
    });
    expect(screen.getByRole('heading', { name: 'Predictive validity' })).toHaveFocus();
    // A finding's evidence link reaches its section too.
    const findings = screen.getByRole('region', { name: 'Findings' });
    within(findings).getByRole('link', { name: 'Evidence: Coverage and staleness' }).focus();
    await act(async () => {
      await user.keyboard('{Enter}');
    });
    expect(screen.getByRole('heading', { name: 'Coverage and staleness' })).toHaveFocus();
  }, 30_000);
});

describe('AuditApp with hostile imported text', () => {
  it('renders script-like raters, deals, criteria and file names as inert text', async () => {
    const { user, input } = renderPage();
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const rows = ['deal,rater,criterion,level'];
    for (let deal = 0; deal < 6; deal++) {
      for (const rater of [`${hostile}a`, 'bob'])
        rows.push(`"<script>deal${deal}</script>","${rater.replace(/"/g, '""')}",champion,${deal % 3}`);
    }
    await user.upload(input, [new File([rows.join('\n')], `${hostile}.csv`, { type: 'text/csv' })]);
    await screen.findByText(/^Imported 1 of 1 file in/, {}, { timeout: 20_000 });
    expect(
      screen.getAllByText(new RegExp(`${hostile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).length,
    ).toBeGreaterThan(0);
    expect(document.querySelector('img, script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  }, 30_000);
});
