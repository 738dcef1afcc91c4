import { render, screen } from '@testing-library/react';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import type { OrgDealReading } from '../../lib/messaging/protocol';
import { pageFallbackReason } from '../../lib/org/salesforce/deal-reading-fallback';
import { SidebarApp } from './SidebarApp';
import { SidebarStoreContext } from './sidebar-context';
import type { SidebarBackend } from './sidebar-backend';
import { createSidebarStore } from './sidebar-store';

const PAGE = lightningSnapshot({
  segments: { product_line: { text: 'Analytics', strategy: 'details.Product Line' } },
});
const API = lightningSnapshot({
  name: { text: 'Globex — Renewal (org)', strategy: 'api:Name' },
  stage: { text: 'Negotiation/Review', strategy: 'api:StageName' },
  segments: {
    product_line: { text: null, strategy: null },
    lead_source: { text: 'Web', strategy: 'api:LeadSource' },
  },
  source: 'api',
  orgLastModified: '2026-11-20T08:00:00.000Z',
});

/** The in-memory background, with the org's answer held until `answer` is called. */
function withOrgAnswer() {
  const { sidebar } = createInMemoryBackground();
  const asked: string[] = [];
  let answer: (reading: OrgDealReading) => void = () => undefined;
  const backend: SidebarBackend = {
    ...sidebar,
    getOrgDeal: (dealKey) => {
      asked.push(dealKey);
      return new Promise((resolve) => (answer = (value) => resolve({ ok: true, value })));
    },
  };
  return { backend, asked, answer: (reading: OrgDealReading) => answer(reading) };
}

function renderSidebar(backend: SidebarBackend) {
  const store = createSidebarStore(backend);
  render(
    <SidebarStoreContext.Provider value={store}>
      <SidebarApp />
    </SidebarStoreContext.Provider>,
  );
  return store;
}

describe('the sidebar with the org’s reading of a Salesforce deal', () => {
  it('shows the page reading at once, then the API reading in its place, and saves the API snapshot', async () => {
    const { backend, asked, answer } = withOrgAnswer();
    const store = renderSidebar(backend);
    store.getState().showPage({ status: 'ready', snapshot: PAGE }, 'salesforce-lightning');
    expect(await screen.findByRole('heading', { name: PAGE.name.text! })).toBeTruthy();
    expect(screen.getByText(/Source: this page\. Asking Salesforce/)).toBeTruthy();
    answer({ dealKey: PAGE.dealKey, source: 'api', snapshot: API });
    expect(await screen.findByRole('heading', { name: 'Globex — Renewal (org)' })).toBeTruthy();
    expect(screen.getByText(/Source: Salesforce \(API\), record last changed/)).toBeTruthy();
    // The capture field the API could not name keeps the page's reading.
    expect(screen.getByText('Analytics')).toBeTruthy();
    // The CRM re-rendering the record keeps the API reading and asks nothing more.
    store.getState().showPage({ status: 'ready', snapshot: { ...PAGE } }, 'salesforce-lightning');
    expect(screen.getByRole('heading', { name: 'Globex — Renewal (org)' })).toBeTruthy();
    expect(asked).toEqual([PAGE.dealKey]);
    await vi.waitFor(() => expect(store.getState().deal.status).toBe('loaded'));
    await store.getState().setRater('dana');
    await store.getState().saveDraft();
    const saved = store.getState().save;
    expect(saved.status === 'saved' && saved.score.deal).toMatchObject({
      source: 'api',
      stage: { text: 'Negotiation/Review' },
      segments: { product_line: { text: 'Analytics' }, lead_source: { text: 'Web' } },
    });
  });

  it('keeps the page reading and says why when the API could not answer', async () => {
    const { backend, answer } = withOrgAnswer();
    const store = renderSidebar(backend);
    store.getState().showPage({ status: 'ready', snapshot: PAGE }, 'salesforce-lightning');
    answer({ dealKey: PAGE.dealKey, source: 'page', reason: pageFallbackReason('session-expired') });
    expect(await screen.findByText(/Source: this page, as shown\. .*session has expired/)).toBeTruthy();
    expect(screen.getByRole('heading', { name: PAGE.name.text! })).toBeTruthy();
  });

  it('asks nothing of an org for CRMs read only from the page', async () => {
    const { backend, asked } = withOrgAnswer();
    const store = renderSidebar(backend);
    const hubspot = lightningSnapshot({ crm: 'hubspot', dealKey: 'hubspot:1:2' });
    store.getState().showPage({ status: 'ready', snapshot: hubspot }, 'hubspot');
    expect(await screen.findByRole('heading', { name: hubspot.name.text! })).toBeTruthy();
    expect(asked).toEqual([]);
    expect(screen.queryByText(/Source:/)).toBeNull();
  });
});
