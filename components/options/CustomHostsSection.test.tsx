import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { OptionsApp } from './OptionsApp';

const PATTERN = 'https://crm\\.example\\.com/deals/(?<id>\\d+)';
const HOST = 'https://crm.example.com/*';

describe('Custom CRM hosts in options', () => {
  it('adds a host with its selectors, asks for its permission, and runs Yardstick there', async () => {
    const user = userEvent.setup();
    const { options, crmHostBrowser } = createInMemoryBackground();
    render(<OptionsApp backend={options} />);
    await user.type(await screen.findByLabelText(/Deal URL pattern/), PATTERN.replace(/[{[]/g, '$&$&'));
    await user.type(screen.getByLabelText('Deal name selector (optional)'), 'h1.deal-title');
    await user.type(
      screen.getByLabelText('Stage selector (optional)'),
      '[data-field="stage"]'.replace(/\[/g, '[['),
    );
    await user.click(screen.getByRole('button', { name: 'Add host and grant access' }));

    expect(
      await screen.findByText(`Yardstick now runs on ${HOST}. Reload open pages of that host.`),
    ).toBeInTheDocument();
    expect(crmHostBrowser.requested).toEqual([HOST]);
    expect(crmHostBrowser.adapterConfigs).toEqual([
      { urlPattern: PATTERN, selectors: { name: 'h1.deal-title', stage: '[data-field="stage"]' } },
    ]);
    const entry = await screen.findByRole('listitem');
    expect(entry).toHaveTextContent(`${HOST} Active`);
    expect(crmHostBrowser.registered.map((script) => script.id)).toEqual([`crm-host:${HOST}`]);

    await user.click(within(entry).getByRole('button', { name: `Remove ${HOST}` }));
    expect(await screen.findByText(`Removed ${HOST}: Yardstick no longer runs there.`)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Custom CRM hosts' })).toBeNull());
    expect(crmHostBrowser.registered).toEqual([]);
  });

  it('keeps a host whose access the rep declined, and offers to ask again', async () => {
    const user = userEvent.setup();
    const { options, crmHostBrowser } = createInMemoryBackground();
    crmHostBrowser.grantOnRequest = false;
    render(<OptionsApp backend={options} />);
    await user.type(await screen.findByLabelText(/Deal URL pattern/), PATTERN.replace(/[{[]/g, '$&$&'));
    await user.click(screen.getByRole('button', { name: 'Add host and grant access' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(`Access to ${HOST} was not granted`);
    const entry = await screen.findByRole('listitem');
    expect(entry).toHaveTextContent('Access not granted');

    crmHostBrowser.grantOnRequest = true;
    await user.click(within(entry).getByRole('button', { name: `Grant access to ${HOST}` }));
    await waitFor(() => expect(screen.getByRole('listitem')).toHaveTextContent('Active'));
    expect(crmHostBrowser.requested).toEqual([HOST, HOST]);
  });

  it('explains a URL pattern it cannot use before asking for any permission', async () => {
    const user = userEvent.setup();
    const { options, crmHostBrowser } = createInMemoryBackground();
    render(<OptionsApp backend={options} />);
    const input = await screen.findByLabelText(/Deal URL pattern/);
    await user.type(input, 'https://crm\\.example\\.com/deals/\\d+');
    await user.click(screen.getByRole('button', { name: 'Add host and grant access' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('urlPattern needs a named group "id"');
    await user.clear(input);
    await user.type(input, 'https://[[^/]+/deals/(?<id>\\d+)');
    await user.click(screen.getByRole('button', { name: 'Add host and grant access' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('must name its host literally');
    expect(crmHostBrowser.requested).toEqual([]);
  });

  it('lists the admin’s hosts as managed, with a grant button and no remove, and names bad policy entries', async () => {
    const { options } = createInMemoryBackground({
      customCrms: [{ urlPattern: PATTERN }, { urlPattern: 'ftp://nope' }],
      allowedCrmHosts: ['https://crm.acme-gov.example/*'],
    });
    render(<OptionsApp backend={options} />);
    const list = await screen.findByRole('list', { name: 'Custom CRM hosts' });
    const [custom, allowed] = within(list).getAllByRole('listitem');
    expect(custom).toHaveTextContent('Managed by your organisation');
    expect(within(custom!).getByRole('button', { name: `Grant access to ${HOST}` })).toBeInTheDocument();
    expect(within(custom!).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(allowed).toHaveTextContent('Deal pages of the built-in CRMs on this host.');
    expect(
      screen.getByText(/customCrms\[1\]: Custom CRM: urlPattern must start with https:\/\//),
    ).toBeInTheDocument();
  });
});

describe('Role and stale scores in options', () => {
  it('sets the role to manager and the amount-change threshold', async () => {
    const user = userEvent.setup();
    const { options, services } = createInMemoryBackground();
    render(<OptionsApp backend={options} />);
    await user.click(await screen.findByRole('radio', { name: /^Manager/ }));
    expect(
      await screen.findByText('Your scores will be recorded as a manager’s validating scores.'),
    ).toBeInTheDocument();
    expect(await services.readRole()).toEqual({ role: 'manager', managed: false });

    const threshold = screen.getByLabelText(/amount changes by more than/);
    expect(threshold).toHaveValue(20);
    await user.clear(threshold);
    await user.type(threshold, '35');
    await user.click(screen.getByRole('button', { name: 'Save threshold' }));
    expect(
      await screen.findByText('A score goes stale once the amount moves by more than 35%.'),
    ).toBeInTheDocument();
    expect(await services.readStaleAmountChange()).toEqual({ percent: 35, managed: false });
  });

  it('shows a role set by policy as managed and refuses to change it', async () => {
    const { options } = createInMemoryBackground({ role: 'manager', staleAmountChangePercent: 10 });
    render(<OptionsApp backend={options} />);
    expect(await screen.findByRole('radio', { name: /^Manager/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /^Rep/ })).toBeDisabled();
    expect(screen.getByLabelText(/amount changes by more than/)).toBeDisabled();
    expect(await options.setRole('rep')).toMatchObject({ ok: false, error: { code: 'managed' } });
    expect(await options.setStaleAmountChange(50)).toMatchObject({ ok: false, error: { code: 'managed' } });
  });
});
