import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import type { DealSnapshot } from '../../lib/crm/deal-snapshot';
import type { SidebarBackend } from './sidebar-backend';
import { SidebarApp } from './SidebarApp';
import { SidebarStoreContext } from './sidebar-context';
import { createSidebarStore, type SidebarStore } from './sidebar-store';

function renderSidebar(backend: SidebarBackend): SidebarStore {
  const store = createSidebarStore(backend);
  render(
    <SidebarStoreContext.Provider value={store}>
      <SidebarApp />
    </SidebarStoreContext.Provider>,
  );
  return store;
}

async function show(store: SidebarStore, snapshot: DealSnapshot): Promise<void> {
  act(() => store.getState().showPage({ status: 'ready', snapshot }));
  await screen.findAllByRole('radiogroup');
}

async function scoreAndSave(user: ReturnType<typeof userEvent.setup>, criterion: string, index: number) {
  const group = screen.getByRole('radiogroup', { name: criterion });
  await user.click(within(group).getAllByRole('radio')[index]!);
  await user.click(screen.getByRole('button', { name: 'Save score' }));
  await screen.findByText(/^Saved at/);
}

describe('the sidebar’s deal context', () => {
  it('marks the latest score stale with each reason once the deal moved, and flags it in history', async () => {
    const user = userEvent.setup();
    const { sidebar } = createInMemoryBackground({ raterId: 'priya@acme.example' });
    const store = renderSidebar(sidebar);
    const scored = lightningSnapshot();
    await show(store, scored);
    await scoreAndSave(user, 'Metrics', 2);
    expect(screen.queryByRole('status', { name: 'Stale score' })).toBeNull();

    act(() =>
      store.getState().showPage({
        status: 'ready',
        snapshot: lightningSnapshot({
          stage: { text: 'Negotiation/Review', strategy: 'path.current' },
          amount: { ...scored.amount, text: 'USD 900,000.00', value: 900_000 },
          closeDate: { ...scored.closeDate, text: '2/28/2027', iso: '2027-02-28' },
        }),
      }),
    );
    const notice = await screen.findByRole('status', { name: 'Stale score' });
    expect(notice).toHaveTextContent('Stage changed from Proposal/Price Quote to Negotiation/Review');
    expect(notice).toHaveTextContent('Close date pushed out by 28 days, from 2027-01-31 to 2027-02-28');
    expect(notice).toHaveTextContent('Amount changed by 28%');
    const latest = within(screen.getByRole('list', { name: 'Saved scores' })).getAllByRole('listitem')[0]!;
    expect(within(latest).getByText('Stale')).toHaveAttribute(
      'title',
      expect.stringContaining('Stage changed from Proposal/Price Quote to Negotiation/Review'),
    );
  });

  it('keeps a score fresh when the amount moved less than the configured share, and stale beyond it', async () => {
    const user = userEvent.setup();
    const { sidebar, options } = createInMemoryBackground({ raterId: 'priya@acme.example' });
    expect(await options.setStaleAmountChange(50)).toEqual({ ok: true, value: { percent: 50 } });
    const store = renderSidebar(sidebar);
    const scored = lightningSnapshot();
    await show(store, scored);
    await scoreAndSave(user, 'Metrics', 2);
    act(() =>
      store.getState().showPage({
        status: 'ready',
        snapshot: lightningSnapshot({ amount: { ...scored.amount, text: 'USD 900,000.00', value: 900_000 } }),
      }),
    );
    expect(screen.queryByRole('status', { name: 'Stale score' })).toBeNull();
    act(() =>
      store.getState().showPage({
        status: 'ready',
        snapshot: lightningSnapshot({ amount: { ...scored.amount, text: 'USD 500,000.00', value: 500_000 } }),
      }),
    );
    expect(await screen.findByRole('status', { name: 'Stale score' })).toHaveTextContent(
      'Amount changed by 60%, from USD 1,250,000.00 to USD 500,000.00 (more than 50%)',
    );
  });

  it('shows the manager’s validating score beside the rep’s latest', async () => {
    const user = userEvent.setup();
    const { sidebar, options, services } = createInMemoryBackground();
    await options.setRater('rep@acme.example');
    const store = renderSidebar(sidebar);
    await show(store, lightningSnapshot());
    await scoreAndSave(user, 'Metrics', 3);
    expect(screen.queryByRole('region', { name: 'Manager’s view' })).toBeNull();

    await options.setRole('manager');
    await options.setRater('boss@acme.example');
    await act(() => store.getState().reload());
    const view = screen.getByRole('region', { name: 'Manager’s view' });
    expect(view).toHaveTextContent('No manager has validated this deal yet.');
    expect(view).toHaveTextContent('your save is recorded as a validating score');
    await user.click(within(screen.getByRole('radiogroup', { name: 'Metrics' })).getAllByRole('radio')[1]!);
    await user.click(screen.getByRole('button', { name: 'Save score' }));
    expect(await within(view).findByTestId('manager-score')).toHaveTextContent('boss@acme.example');
    expect(within(view).getByTestId('rep-score')).toHaveTextContent('rep@acme.example');
    expect(within(view).getByTestId('manager-difference')).toHaveTextContent(/points lower than the rep/);
    const [latest] = within(screen.getByRole('list', { name: 'Saved scores' })).getAllByRole('listitem');
    expect(within(latest!).getByText('Manager')).toBeInTheDocument();

    const stored = await services.db.scores.toArray();
    expect(stored.map((score) => [score.rater, score.role]).sort()).toEqual([
      ['boss@acme.example', 'manager'],
      ['rep@acme.example', 'rep'],
    ]);
  });

  it('names the CRM the page is on when its record id cannot be read', async () => {
    const { sidebar } = createInMemoryBackground();
    const store = renderSidebar(sidebar);
    act(() => store.getState().showPage({ status: 'invalid-record-id', rawRecordId: 'abc' }, 'hubspot'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This page’s record id “abc” is not a HubSpot deal id (digits)',
    );
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Unreadable deal');
    act(() =>
      store
        .getState()
        .showPage({ status: 'waiting-for-header', dealKey: 'pipedrive:acme:7', recordId: '7' }, 'pipedrive'),
    );
    expect(await screen.findByText('Waiting for Pipedrive to show this deal…')).toBeInTheDocument();
  });

  it('shows the captured segment fields with the deal, unknown when the page lacks them', async () => {
    const { sidebar } = createInMemoryBackground();
    const store = renderSidebar(sidebar);
    await show(
      store,
      lightningSnapshot({
        segments: {
          lead_source: { text: 'Partner Referral', strategy: 'details.LeadSource' },
          product_line: { text: null, strategy: null },
        },
      }),
    );
    expect(screen.getByText('Lead source').nextElementSibling).toHaveTextContent('Partner Referral');
    expect(screen.getByText('Product line').nextElementSibling).toHaveTextContent('Unknown');
  });
});
