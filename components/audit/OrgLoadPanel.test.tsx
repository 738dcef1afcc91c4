import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OrgAuditPortEvent, OrgAuditPortRequest } from '../../lib/messaging/org-audit-port';
import type { OrgLoader } from './org-loader';
import { OrgLoadPanel } from './OrgLoadPanel';

const ORG = 'https://acme.my.salesforce.com';
const CHOICES = [
  { userId: '0055g00000Rep07AAB', name: 'Eve East', inTeam: false, isActive: null },
  { userId: '0055g00000Rep06AAB', name: 'Lee Former', inTeam: true, isActive: false },
  { userId: '0055g00000Rep04AAB', name: 'Sam Seller', inTeam: true, isActive: true },
];

/** A loader that records what the panel asks and lets the test answer as the background would. */
function fakeLoader() {
  const sent: OrgAuditPortRequest[] = [];
  const listeners = new Set<(event: OrgAuditPortEvent) => void>();
  const loader: OrgLoader = {
    send: (request) => void sent.push(request),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const answer = (event: OrgAuditPortEvent) =>
    act(() => {
      for (const listener of listeners) listener(event);
    });
  return { loader, sent, answer };
}

async function renderPanel() {
  const fake = fakeLoader();
  const user = userEvent.setup();
  render(<OrgLoadPanel loader={fake.loader} onLoaded={() => {}} now={() => 0} />);
  await fake.answer({ type: 'orgs', origins: [ORG] });
  return { ...fake, user };
}

const loads = (sent: OrgAuditPortRequest[]) =>
  sent.filter(
    (request): request is Extract<OrgAuditPortRequest, { type: 'load' }> => request.type === 'load',
  );

describe('the rater filter of Load from Salesforce', () => {
  it('asks the org for the raters of the picked org, and loads everyone by default', async () => {
    const { sent, user } = await renderPanel();
    expect(sent).toContainEqual({ type: 'list-raters', origin: ORG });
    await user.click(screen.getByRole('button', { name: 'Load from Salesforce' }));
    expect(loads(sent).at(-1)?.filters).toEqual({});
  });

  it('loads "My team" as the role hierarchy says, and names the team', async () => {
    const { sent, user, answer } = await renderPanel();
    await answer({ type: 'raters', origin: ORG, choices: CHOICES, teamProblem: null });
    await user.click(screen.getByRole('radio', { name: /My team/ }));
    expect(screen.getByText('2 people: Lee Former (inactive), Sam Seller.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Load from Salesforce' }));
    expect(loads(sent).at(-1)?.filters).toEqual({ myTeam: true });
  });

  it('shows why there is no team', async () => {
    const { user, answer } = await renderPanel();
    await answer({ type: 'raters', origin: ORG, choices: [], teamProblem: 'No one is below your role.' });
    await user.click(screen.getByRole('radio', { name: /My team/ }));
    expect(screen.getByText('No one is below your role.')).toBeTruthy();
  });

  it('loads the raters ticked by name, and cannot load with none ticked', async () => {
    const { sent, user, answer } = await renderPanel();
    await answer({ type: 'raters', origin: ORG, choices: CHOICES, teamProblem: null });
    await user.click(screen.getByRole('radio', { name: 'Chosen raters' }));
    const list = screen.getByRole('list', { name: 'Raters to load' });
    expect(
      within(list)
        .getAllByRole('checkbox')
        .map((box) => box.parentElement?.textContent?.trim()),
    ).toEqual(['Eve East (not in your team)', 'Lee Former (inactive)', 'Sam Seller']);
    const load = screen.getByRole('button', { name: 'Load from Salesforce' });
    expect((load as HTMLButtonElement).disabled).toBe(true);
    await user.click(within(list).getByRole('checkbox', { name: /Sam Seller/ }));
    await user.click(within(list).getByRole('checkbox', { name: /Eve East/ }));
    await user.click(load);
    expect(loads(sent).at(-1)?.filters).toEqual({
      raterIds: ['0055g00000Rep04AAB', '0055g00000Rep07AAB'],
    });
  });

  it('asks again after a load, whose rows may name raters outside the team', async () => {
    const { sent, answer } = await renderPanel();
    const before = sent.filter((request) => request.type === 'list-raters').length;
    await answer({
      type: 'done',
      summary: { origin: ORG, via: 'rest', incremental: false, changed: 3, deleted: 0, calls: 2 },
      rows: 3,
    });
    expect(sent.filter((request) => request.type === 'list-raters')).toHaveLength(before + 1);
  });

  it('says when a load dropped scores deleted in the org', async () => {
    const { answer } = await renderPanel();
    await answer({
      type: 'done',
      summary: { origin: ORG, via: 'rest', incremental: true, changed: 2, deleted: 2, calls: 1 },
      rows: 94,
    });
    expect(
      screen.getByText(
        `Loaded from ${ORG}: 2 changed rows read, 2 scores deleted in the org dropped, 94 rows in the audit, 1 API call.`,
      ),
    ).toBeTruthy();
  });

  it('sends the Bulk threshold the manager typed beside the filters, and none when left empty', async () => {
    const { sent, answer, user } = await renderPanel();
    const load = screen.getByRole('button', { name: 'Load from Salesforce' });

    await user.click(load);
    expect(loads(sent).at(-1)).toEqual({ type: 'load', origin: ORG, filters: {} });
    await answer({ type: 'cancelled' });

    await user.type(screen.getByLabelText(/^Bulk API from/), '200000');
    await user.click(load);
    expect(loads(sent).at(-1)).toEqual({ type: 'load', origin: ORG, filters: {}, bulkFrom: 200_000 });
  });
});
