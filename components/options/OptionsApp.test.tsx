import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import definitionsJson from '../../tests/fixtures/definitions/two-criteria.json';
import { MessageType } from '../../lib/messaging/protocol';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { OptionsApp } from './OptionsApp';

const fileOf = (name: string, text: string) => new File([text], name, { type: 'application/json' });

describe('OptionsApp', () => {
  it('shows the built-in definitions with their version and content hash', async () => {
    const { options } = createInMemoryBackground();
    render(<OptionsApp backend={options} />);
    expect(await screen.findByText(/MEDDPICC.*\(meddpicc\) version 1\.1\.1/)).toBeInTheDocument();
    expect(screen.getByText('Built into Yardstick')).toBeInTheDocument();
    expect(screen.getByText(/^[0-9a-f]{64}$/)).toBeInTheDocument();
  });

  it('imports a valid definitions file and makes it active', async () => {
    const user = userEvent.setup();
    const { options, services } = createInMemoryBackground();
    render(<OptionsApp backend={options} />);
    await user.upload(
      await screen.findByLabelText(/Import a definitions file/),
      fileOf('team.json', JSON.stringify(definitionsJson)),
    );
    expect(await screen.findByText('Now scoring against Two criteria for tests 2.1.0.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/File team\.json/)).toBeInTheDocument());
    expect(await services.db.definitionsVersions.count()).toBe(2);
  });

  it('refuses an invalid file with every problem and its path, keeping the built-in definitions active', async () => {
    const user = userEvent.setup();
    const { options } = createInMemoryBackground();
    render(<OptionsApp backend={options} />);
    const broken = {
      ...definitionsJson,
      criteria: [{ ...definitionsJson.criteria[0], weight: -1 }],
      extra: true,
    };
    await user.upload(
      await screen.findByLabelText(/Import a definitions file/),
      fileOf('broken.json', JSON.stringify(broken)),
    );
    expect(
      await screen.findByText(/^That file was refused: The definitions file has 2 problems\./),
    ).toHaveTextContent('The active definitions did not change.');
    await waitFor(() => expect(screen.getByText(/^Last error \(file:broken\.json/)).toBeInTheDocument());
    expect(
      screen.getByText(/^criteria\[0\]\.weight: must be greater than 0 \(line 1, column \d+\)$/),
    ).toBeInTheDocument();
    expect(screen.getByText(/unknown key "extra"/)).toBeInTheDocument();
    expect(screen.getByText('Built into Yardstick')).toBeInTheDocument();
  });

  it('reports the line and column of a JSON syntax error', async () => {
    const user = userEvent.setup();
    const { options } = createInMemoryBackground();
    render(<OptionsApp backend={options} />);
    await user.upload(
      await screen.findByLabelText(/Import a definitions file/),
      fileOf('typo.json', '{\n  "id": "x",\n  "version" "1"\n}'),
    );
    expect(await screen.findByText(/^That file was refused: The file is not valid JSON/)).toHaveTextContent(
      'line 3, column 13',
    );
  });

  it('shows policy-managed settings as locked and refuses to change them', async () => {
    const { options } = createInMemoryBackground({
      definitionsUrl: 'https://defs.acme.example/meddpicc.json',
      syncIntervalMinutes: 15,
      raterId: 'rep@acme.example',
    });
    render(<OptionsApp backend={options} />);
    expect(await screen.findByLabelText(/Definitions URL/)).toBeDisabled();
    expect(screen.getByLabelText(/Definitions URL/)).toHaveValue('https://defs.acme.example/meddpicc.json');
    expect(screen.getByLabelText(/Check for changes every/)).toBeDisabled();
    expect(screen.getByLabelText(/Import a definitions file/)).toBeDisabled();
    expect(screen.getByText('rep@acme.example')).toBeInTheDocument();
    expect(screen.getAllByText('Managed by your organisation').length).toBeGreaterThanOrEqual(3);
    expect(await options.importDefinitions('x.json', '{}')).toMatchObject({
      ok: false,
      error: { code: 'managed' },
    });
    expect(await options.setRater('someone else')).toMatchObject({ ok: false, error: { code: 'managed' } });
  });

  it('refuses a plain-http URL for a host other than localhost', async () => {
    const user = userEvent.setup();
    const { options } = createInMemoryBackground();
    render(<OptionsApp backend={options} />);
    await user.type(await screen.findByLabelText(/Definitions URL/), 'http://defs.acme.example/x.json');
    await user.click(screen.getByRole('button', { name: 'Save URL and sync' }));
    expect(await screen.findByText(/must use https/)).toBeInTheDocument();
  });

  it('saves the rater name', async () => {
    const user = userEvent.setup();
    const { options, services } = createInMemoryBackground();
    render(<OptionsApp backend={options} />);
    await user.type(await screen.findByLabelText('Your name or email'), 'sam@acme.example');
    await user.click(screen.getByRole('button', { name: 'Save name' }));
    expect(
      await screen.findByText('Saved: scores will be recorded as sam@acme.example.'),
    ).toBeInTheDocument();
    expect(await services.db.settings.get('rater')).toEqual({ key: 'rater', value: 'sam@acme.example' });
  });

  it('puts the sidebar beside the page by default, and over it once chosen, remembered for this browser and announced to open sidebars', async () => {
    const user = userEvent.setup();
    const { options, send, localStorage, stateChanges } = createInMemoryBackground();
    render(<OptionsApp backend={options} />);
    const placement = await screen.findByRole('group', { name: 'Where the open sidebar sits on CRM pages' });
    const beside = within(placement).getByRole('radio', { name: /^Beside the page \(default\)/ });
    const over = within(placement).getByRole('radio', { name: /^Over the page/ });
    expect(beside).toBeChecked();
    const start = await send({ type: MessageType.getSidebarStart });
    expect(start.ok && start.value.placement).toBe('beside');

    const announcedBefore = stateChanges.length;
    await user.click(over);
    expect(await screen.findByText('The sidebar now floats over CRM pages.')).toBeInTheDocument();
    expect(localStorage.items.get('sidebarPlacement')).toBe('over');
    expect(stateChanges.length).toBeGreaterThan(announcedBefore);
    const after = await send({ type: MessageType.getSidebarStart });
    expect(after.ok && after.value.placement).toBe('over');
    await waitFor(() => expect(over).toBeChecked());
  });

  it('refuses a placement the protocol does not know', async () => {
    const { send } = createInMemoryBackground();
    const response = await send({ type: MessageType.setSidebarPlacement, placement: 'floating' } as never);
    expect(response.ok).toBe(false);
  });
});
