import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import type { OrgDealReading, Response } from '../../lib/messaging/protocol';
import type { MessageType } from '../../lib/messaging/protocol-names';
import { pageFallbackReason } from '../../lib/org/salesforce/deal-reading-fallback';
import { SidebarApp } from './SidebarApp';
import { SidebarStoreContext } from './sidebar-context';
import type { SidebarBackend } from './sidebar-backend';
import { createSidebarStore } from './sidebar-store';

const PAGE = lightningSnapshot();
const API = lightningSnapshot({
  name: { text: 'Globex — Renewal (org)', strategy: 'api:Name' },
  source: 'api',
  orgLastModified: '2026-11-20T08:00:00.000Z',
});
const REFUSED: OrgDealReading = {
  dealKey: PAGE.dealKey,
  source: 'page',
  reason: pageFallbackReason('session-refused-for-api'),
  canConnect: true,
};

type ConnectAnswer = Response<typeof MessageType.connectOrgFromSidebar>;

/** The background refuses the browser session until the rep connects; then the org's reading comes. */
function orgWithApiAccessControl(connectAnswer: ConnectAnswer) {
  const { sidebar } = createInMemoryBackground();
  let connected = false;
  const connects: number[] = [];
  const backend: SidebarBackend = {
    ...sidebar,
    getOrgDeal: async () => ({
      ok: true,
      value: connected ? { dealKey: PAGE.dealKey, source: 'api', snapshot: API } : REFUSED,
    }),
    connectOrg: async () => {
      connects.push(Date.now());
      connected = connectAnswer.ok;
      return connectAnswer;
    },
  };
  return { backend, connects };
}

function renderSidebar(backend: SidebarBackend) {
  const store = createSidebarStore(backend);
  render(
    <SidebarStoreContext.Provider value={store}>
      <SidebarApp />
    </SidebarStoreContext.Provider>,
  );
  store.getState().showPage({ status: 'ready', snapshot: PAGE }, 'salesforce-lightning', PAGE.url);
  return store;
}

describe('connecting an org that refuses the browser session, from the sidebar', () => {
  it('offers "Connect to Salesforce", then shows the org’s reading', async () => {
    const user = userEvent.setup();
    const { backend, connects } = orgWithApiAccessControl({
      ok: true,
      value: { apiOrigin: 'https://acme.my.salesforce.com', userName: 'Dana Rep' },
    });
    renderSidebar(backend);
    expect(await screen.findByText(/API Access Control/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Connect to Salesforce' }));
    expect(await screen.findByRole('heading', { name: 'Globex — Renewal (org)' })).toBeTruthy();
    expect(screen.getByText(/Source: Salesforce \(API\)/)).toBeTruthy();
    expect(connects).toHaveLength(1);
  });

  it('keeps the page reading and says why when connecting fails', async () => {
    const user = userEvent.setup();
    const { backend } = orgWithApiAccessControl({
      ok: false,
      error: {
        code: 'denied',
        message: 'Salesforce access was not allowed, so Yardstick keeps your scores in this browser.',
      },
    });
    renderSidebar(backend);
    await user.click(await screen.findByRole('button', { name: 'Connect to Salesforce' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/access was not allowed/);
    expect(screen.getByRole('heading', { name: PAGE.name.text! })).toBeTruthy();
  });

  it('offers no connect button when policy names no connected app', async () => {
    const { backend } = orgWithApiAccessControl({ ok: false, error: { code: 'x', message: 'x' } });
    backend.getOrgDeal = async () => ({ ok: true, value: { ...REFUSED, canConnect: undefined } });
    renderSidebar(backend);
    expect(await screen.findByText(/API Access Control/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Connect to Salesforce' })).toBeNull();
  });
});
