import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { OrgSyncStatusView } from '../../lib/messaging/org-sync-protocol';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import type { OptionsBackend } from '../options/options-backend';
import { OrgSyncSummary } from './OrgSyncSummary';

const API_ORIGIN = 'https://acme.my.salesforce.com';
const REFUSED: OrgSyncStatusView = {
  enabled: true,
  managed: true,
  waiting: 2,
  failed: 0,
  inOrg: 0,
  lastError: null,
  pause: {
    apiOrigin: API_ORIGIN,
    reason: 'org-refused',
    message: 'Your org does not let browser sessions use the API (API Access Control).',
  },
  connectedAppAvailable: true,
  connectOrigin: API_ORIGIN,
};

/** The options backend with an org whose outbox waits on API Access Control until the rep connects. */
function backendFor(connect: OptionsBackend['connectOrg']) {
  const { options } = createInMemoryBackground();
  let status = REFUSED;
  const asked: string[] = [];
  const backend: OptionsBackend = {
    ...options,
    getOrgSyncStatus: async () => ({ ok: true, value: status }),
    connectOrg: async (apiOrigin) => {
      asked.push(apiOrigin);
      const answer = await connect(apiOrigin);
      if (answer.ok) status = { ...REFUSED, waiting: 0, inOrg: 2, pause: null, connectOrigin: null };
      return answer;
    },
  };
  return { backend, asked };
}

describe('the popup’s Salesforce summary', () => {
  it('connects the org whose scores wait, then shows them sent', async () => {
    const user = userEvent.setup();
    const { backend, asked } = backendFor(async (apiOrigin) => ({
      ok: true,
      value: { apiOrigin, userName: 'Dana Rep' },
    }));
    render(<OrgSyncSummary backend={backend} revision={0} />);
    await user.click(await screen.findByRole('button', { name: 'Connect to Salesforce' }));
    expect(await screen.findByText('Connected to Salesforce as Dana Rep.')).toBeTruthy();
    expect(await screen.findByText(/Nothing waiting · 2 in/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Connect to Salesforce' })).toBeNull();
    expect(asked).toEqual([API_ORIGIN]);
  });

  it('says why connecting failed and keeps the button', async () => {
    const user = userEvent.setup();
    const { backend } = backendFor(async () => ({
      ok: false,
      error: { code: 'cancelled', message: 'The Salesforce sign-in window was closed.' },
    }));
    render(<OrgSyncSummary backend={backend} revision={0} />);
    await user.click(await screen.findByRole('button', { name: 'Connect to Salesforce' }));
    expect(await screen.findByText('The Salesforce sign-in window was closed.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Connect to Salesforce' })).toBeTruthy();
  });

  it('offers no connect button without a connected app', async () => {
    const { backend } = backendFor(async () => ({ ok: false, error: { code: 'x', message: 'x' } }));
    backend.getOrgSyncStatus = async () => ({
      ok: true,
      value: { ...REFUSED, connectedAppAvailable: false, connectOrigin: null },
    });
    render(<OrgSyncSummary backend={backend} revision={0} />);
    expect(await screen.findByText(/API Access Control/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Connect to Salesforce' })).toBeNull();
  });
});
