import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import definitionsJson from '../../tests/fixtures/definitions/two-criteria.json';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { OptionsApp } from './OptionsApp';

const fileOf = (name: string, text: string) => new File([text], name, { type: 'application/json' });

describe('OptionsApp', () => {
  it('shows the built-in definitions with their version and content hash', async () => {
    const { options } = createInMemoryBackground();
    render(<OptionsApp backend={options} />);
    expect(await screen.findByText(/MEDDPICC.*\(meddpicc\) version 1\.0\.0/)).toBeInTheDocument();
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
    await waitFor(() => expect(screen.getByText('file:team.json')).toBeInTheDocument());
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
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That file was refused');
    expect(alert).toHaveTextContent('criteria[0].weight: must be greater than 0');
    expect(alert).toHaveTextContent('unknown key "extra"');
    expect(alert).toHaveTextContent('The active definitions did not change.');
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
    expect(await screen.findByRole('alert')).toHaveTextContent('(line 3, column 13)');
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
});
