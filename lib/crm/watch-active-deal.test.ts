import type { DealPageState } from './deal-page-state';
import { salesforceLightningAdapter } from './salesforce-lightning/page';
import { previousViewOf, watchActiveDeal, type WatchOptions } from './watch-active-deal';

const HUBSPOT = 'https://app.hubspot.com/contacts/2451127/record/0-3';
const NOW = new Date('2026-11-02T09:30:00.000Z');

let controller: AbortController;

beforeEach(() => {
  controller = new AbortController();
  document.body.replaceChildren();
});

afterEach(() => controller.abort());

function watch(url: string, options: Partial<WatchOptions> = {}): DealPageState[] {
  const states: DealPageState[] = [];
  const base = { signal: controller.signal, settleMs: 5, headerTimeoutMs: 5_000, now: () => NOW };
  watchActiveDeal(document, url, { ...base, ...options }, (state) => states.push(state));
  return states;
}

function setBody(html: string): void {
  const template = document.createElement('template');
  template.innerHTML = html;
  document.body.replaceChildren(template.content);
}

function hubspotHeader(name: string): string {
  return `<div data-test-id="left-sidebar"><h2 data-test-id="highlight-record-label">${name}</h2>
    <div data-test-id="highlight-property-item-amount"><span>Amount:</span><div data-test-id="highlight-property-display-amount">$1,000.00</div></div></div>`;
}

describe('watchActiveDeal', () => {
  it('reports a page that no CRM shows a deal on as not a deal, once', async () => {
    const states = watch('https://app.hubspot.com/contacts/2451127/objects/0-3/views/all/list');
    setBody('<p>list</p>');
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(states).toEqual([{ status: 'not-a-deal' }]);
  });

  it('reads a Lightning record exactly as the Lightning adapter does', () => {
    setBody(`<div class="windowViewMode-normal active"><records-highlights2>
      <h1><slot name="primaryField"><lightning-formatted-text>Globex — Renewal</lightning-formatted-text></slot></h1>
    </records-highlights2></div>`);
    const url = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000GlBxAAAV/view';
    const states = watch(url);
    expect(states).toEqual([salesforceLightningAdapter.read(document, url, NOW)]);
    expect(states[0]?.status).toBe('ready');
  });

  it('waits on a HubSpot skeleton, then reads the deal when its header renders', async () => {
    setBody('<div data-test-id="left-sidebar"><div class="skeleton"></div></div>');
    const states = watch(`${HUBSPOT}/42`);
    expect(states).toEqual([{ status: 'waiting-for-header', dealKey: 'hubspot:2451127:42', recordId: '42' }]);
    setBody(hubspotHeader('Initech — Expansion'));
    await vi.waitFor(() => expect(states).toHaveLength(2));
    const ready = states[1];
    expect(ready?.status === 'ready' && ready.snapshot).toMatchObject({
      crm: 'hubspot',
      name: { text: 'Initech — Expansion', strategy: 'highlight.record-label' },
      amount: { value: 1000, currency: 'USD' },
    });
  });

  it('reads the header as soon as it renders, without waiting for the page to settle', async () => {
    setBody('<div data-test-id="left-sidebar"><div class="skeleton"></div></div>');
    const states = watch(`${HUBSPOT}/42`, { settleMs: 60_000 });
    setBody(hubspotHeader('Initech — Expansion'));
    await vi.waitFor(() => expect(states.at(-1)?.status).toBe('ready'), { timeout: 1_000 });
  });

  it("reads a header that renders in a task of its own, not inside the CRM's task that rendered it", async () => {
    setBody('<div data-test-id="left-sidebar"><div class="skeleton"></div></div>');
    const states = watch(`${HUBSPOT}/42`, { settleMs: 60_000 });
    setBody(hubspotHeader('Initech — Expansion'));
    for (let checkpoint = 0; checkpoint < 5; checkpoint++) await Promise.resolve();
    expect(states.map((state) => state.status)).toEqual(['waiting-for-header']);
    await vi.waitFor(() => expect(states.at(-1)?.status).toBe('ready'), { timeout: 1_000 });
  });

  it('reads changes to a deal already shown once they settle', async () => {
    setBody(hubspotHeader('Initech — Expansion'));
    const states = watch(`${HUBSPOT}/42`, { settleMs: 200 });
    expect(states.map((state) => state.status)).toEqual(['ready']);
    document.querySelector('[data-test-id="highlight-record-label"]')!.textContent = 'Initech — Renewal';
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(states).toHaveLength(1);
    await vi.waitFor(() => expect(states).toHaveLength(2), { timeout: 1_000 });
    const renamed = states[1];
    expect(renamed?.status === 'ready' && renamed.snapshot.name.text).toBe('Initech — Renewal');
  });

  it("keys the deal from the URL after the header timeout, with the CRM's id and every field unknown", async () => {
    const states = watch(`${HUBSPOT}/42`, { headerTimeoutMs: 20, captureFields: ['lead_source'] });
    await vi.waitFor(() => expect(states.at(-1)?.status).toBe('header-timeout'));
    const last = states.at(-1);
    expect(last?.status === 'header-timeout' && last.snapshot).toEqual({
      crm: 'hubspot',
      instance: '2451127',
      recordId: '42',
      dealKey: 'hubspot:2451127:42',
      url: `${HUBSPOT}/42`,
      name: { text: null, strategy: null },
      stage: { text: null, strategy: null },
      amount: { text: null, strategy: null, value: null, currency: null },
      closeDate: { text: null, strategy: null, iso: null },
      owner: { text: null, strategy: null },
      segments: { lead_source: { text: null, strategy: null } },
      readAt: NOW.toISOString(),
    });
  });

  it("does not trust the previous deal's header, still shown after an in-app navigation, until it changes", async () => {
    setBody(hubspotHeader('Globex — Renewal'));
    const previousView = { element: document.body, name: 'Globex — Renewal', dealKey: 'hubspot:2451127:41' };
    const states = watch(`${HUBSPOT}/42`, { previousView });
    expect(states).toEqual([{ status: 'waiting-for-header', dealKey: 'hubspot:2451127:42', recordId: '42' }]);
    setBody(hubspotHeader('Initech — Expansion'));
    await vi.waitFor(() => expect(states).toHaveLength(2));
    const ready = states[1];
    expect(ready?.status === 'ready' && ready.snapshot.name.text).toBe('Initech — Expansion');
  });

  it('does not trust a document title that still names the previous deal, whichever view shows the deal', () => {
    const card =
      '<div data-test-id="record-highlight-main-content"><span>Amount:</span><span>$1.00</span></div>';
    setBody(card);
    const elsewhere = document.createElement('div');
    const previousView = { element: elsewhere, name: 'Globex — Renewal', dealKey: 'hubspot:2451127:41' };
    document.title = 'Globex — Renewal | HubSpot';
    expect(watch(`${HUBSPOT}/42`, { previousView })).toEqual([
      { status: 'waiting-for-header', dealKey: 'hubspot:2451127:42', recordId: '42' },
    ]);
    controller.abort();
    controller = new AbortController();
    document.title = 'Initech — Expansion | HubSpot';
    const [ready] = watch(`${HUBSPOT}/42`, { previousView });
    expect(ready?.status === 'ready' && ready.snapshot.name).toEqual({
      text: 'Initech — Expansion',
      strategy: 'from the page title',
    });
    document.title = '';
  });

  it("gives the previous view of a ready page with its CRM's active view, and none for other states", () => {
    setBody(hubspotHeader('Globex — Renewal'));
    const [ready] = watch(`${HUBSPOT}/41`);
    if (ready?.status !== 'ready') throw new Error('expected ready');
    expect(previousViewOf(document, ready)).toEqual({
      element: document.body,
      name: 'Globex — Renewal',
      dealKey: 'hubspot:2451127:41',
    });
    expect(
      previousViewOf(document, { status: 'waiting-for-header', dealKey: 'k', recordId: 'r' }),
    ).toBeNull();
    setBody(
      '<div class="windowViewMode-normal active" id="view"><records-highlights2>x</records-highlights2></div>',
    );
    const lightning = watch(
      'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000GlBxAAAV/view',
    )[0];
    if (lightning?.status !== 'ready') throw new Error('expected ready');
    expect(previousViewOf(document, lightning)?.element).toBe(document.getElementById('view'));
  });

  it('reads custom CRM hosts with their configs, and passes captureFields on', () => {
    setBody('<h1 class="deal-title">Acme — Pilot</h1><span id="src">Web</span>');
    const states = watch('https://crm.example.com/deals/7', {
      customAdapters: [
        {
          urlPattern: 'https://crm\\.example\\.com/deals/(?<id>\\d+)',
          selectors: { name: 'h1.deal-title', segments: { lead_source: '#src' } },
        },
      ],
      captureFields: ['lead_source'],
    });
    const ready = states[0];
    expect(ready?.status === 'ready' && ready.snapshot).toMatchObject({
      crm: 'generic',
      dealKey: 'generic:crm.example.com:7',
      name: { text: 'Acme — Pilot' },
      segments: { lead_source: { text: 'Web', strategy: 'selector:#src' } },
    });
  });

  it('stops reading when the navigation aborts', async () => {
    setBody('<div></div>');
    const states = watch(`${HUBSPOT}/42`);
    controller.abort();
    setBody(hubspotHeader('Initech — Expansion'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(states.map((state) => state.status)).toEqual(['waiting-for-header']);
  });
});
