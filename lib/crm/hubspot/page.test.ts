import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DealReading } from '../crm-adapter';
import { DealSnapshotSchema, type DealSnapshot } from '../deal-snapshot';
import { hubspotAdapter } from './page';
import { loadFixture } from '../../../tests/unit/helpers/load-fixture';

const US = 'https://app.hubspot.com/contacts/2451127';
const NOW = new Date('2026-11-02T09:30:00.000Z');

function read(fixture: string, url: string, captureFields?: string[]): DealReading {
  return hubspotAdapter.read(loadFixture(`hubspot/${fixture}`), url, NOW, { captureFields });
}

function readReady(fixture: string, url: string, captureFields?: string[]): DealSnapshot {
  const reading = read(fixture, url, captureFields);
  if (reading.status !== 'ready') throw new Error(`expected ready, got ${reading.status}`);
  return DealSnapshotSchema.parse(reading.snapshot);
}

describe('hubspotAdapter.read on fixture pages', () => {
  it('reads every field of a current record page, skipping the deal preview open in a dialog', () => {
    const url = `${US}/record/0-3/18234567890`;
    const snapshot = readReady('deal-record.html', url, ['lead_source', 'campaign', 'product_line', 'type']);
    expect(snapshot).toEqual({
      crm: 'hubspot',
      instance: '2451127',
      recordId: '18234567890',
      dealKey: 'hubspot:2451127:18234567890',
      url,
      name: { text: 'Globex — Data Platform Renewal', strategy: 'highlight.record-label' },
      stage: { text: 'Contract sent', strategy: 'highlight.dealstage' },
      amount: { text: '$1,250,000.00', strategy: 'highlight.amount', value: 1_250_000, currency: 'USD' },
      closeDate: { text: '01/31/2027', strategy: 'highlight.closedate', iso: '2027-01-31' },
      owner: { text: 'Priya Raman', strategy: 'property.hubspot_owner_id' },
      segments: {
        lead_source: { text: 'Partner Referral', strategy: 'property.label:Lead Source' },
        campaign: { text: 'Q4 Partner Summit', strategy: 'property.label:Campaign' },
        product_line: { text: 'Data Platform', strategy: 'property.label:Product line' },
        type: { text: 'Existing Business', strategy: 'property.dealtype' },
      },
      readAt: '2026-11-02T09:30:00.000Z',
    });
  });

  it('reads the legacy profile UI at the legacy URL: highlight title, label pairs, form controls', () => {
    const snapshot = readReady('deal-legacy.html', `${US}/deal/9876543210/`);
    expect(snapshot.recordId).toBe('9876543210');
    expect(snapshot.dealKey).toBe('hubspot:2451127:9876543210');
    expect(snapshot.name).toEqual({ text: 'Initech — 400 Seat Expansion', strategy: 'highlight.title' });
    expect(snapshot.amount).toEqual({
      text: '$480,000',
      strategy: 'highlight-card.label:Amount',
      value: 480_000,
      currency: 'USD',
    });
    expect(snapshot.closeDate).toEqual({
      text: '03/15/2027',
      strategy: 'property.closedate',
      iso: '2027-03-15',
    });
    expect(snapshot.stage).toEqual({ text: 'Qualified to buy', strategy: 'property.dealstage' });
    expect(snapshot.owner).toEqual({ text: 'Marcus Lee', strategy: 'property.hubspot_owner_id' });
  });

  it('reports an amount shown as "--", a close date not on the layout and an empty segment as unknown', () => {
    const snapshot = readReady('deal-missing-fields.html', `${US}/record/0-3/18234567893`, ['lead_source']);
    expect(snapshot.name.text).toBe('Hooli — Exploratory Call');
    expect(snapshot.stage).toEqual({
      text: 'Appointment scheduled (Sales Pipeline)',
      strategy: 'highlight.dealstage',
    });
    expect(snapshot.owner.text).toBe('Sam Okafor');
    expect(snapshot.amount).toEqual({ text: null, strategy: null, value: null, currency: null });
    expect(snapshot.closeDate).toEqual({ text: null, strategy: null, iso: null });
    expect(snapshot.segments).toEqual({ lead_source: { text: null, strategy: null } });
  });

  it('reads a German page on the EU data centre: euro amount, day-first date, German pipeline dropped', () => {
    const url = 'https://app-eu1.hubspot.com/contacts/25987654/record/0-3/30112233445';
    const snapshot = readReady('deal-locale-de.html', url, ['type']);
    expect(snapshot.instance).toBe('25987654');
    expect(snapshot.dealKey).toBe('hubspot:25987654:30112233445');
    expect(snapshot.name.text).toBe('Müller Maschinenbau — Wartungsvertrag');
    expect(snapshot.stage).toEqual({ text: 'Vertrag gesendet', strategy: 'highlight.dealstage' });
    expect(snapshot.amount).toEqual({
      text: '1.250.000,00 €',
      strategy: 'highlight.amount',
      value: 1_250_000,
      currency: 'EUR',
    });
    expect(snapshot.closeDate).toEqual({
      text: '31.01.2027',
      strategy: 'data-highlights.label:Abschlussdatum',
      iso: '2027-01-31',
    });
    expect(snapshot.owner).toEqual({ text: 'Jürgen Weiß', strategy: 'property.hubspot_owner_id' });
    expect(snapshot.segments).toEqual({ type: { text: 'Bestandskunde', strategy: 'property.dealtype' } });
  });

  it('keeps a parenthesis that is not the pipeline the page names', () => {
    const doc = new DOMParser().parseFromString(
      `<body><h2 data-test-id="highlight-record-label">Acme</h2>
        <div data-test-id="crm-data-highlights-item"><p>Deal stage</p><span>Closed (won, pending PO)</span></div>
        <div><label>Pipeline</label><div data-test-id="property-input-pipeline">Sales Pipeline</div></div></body>`,
      'text/html',
    );
    const reading = hubspotAdapter.read(doc, `${US}/record/0-3/1`, NOW);
    if (reading.status !== 'ready') throw new Error(reading.status);
    expect(reading.snapshot.stage).toEqual({
      text: 'Closed (won, pending PO)',
      strategy: 'data-highlights.label:Deal stage',
    });
  });

  it('waits while only a skeleton, or only a preview dialog, shows a record', () => {
    const waiting = {
      status: 'waiting-for-header',
      recordId: '42',
      dealKey: 'hubspot:2451127:42',
      instance: '2451127',
    };
    const skeleton = new DOMParser().parseFromString(
      '<body><div data-test-id="left-sidebar"><div class="skeleton"></div></div></body>',
      'text/html',
    );
    const preview = new DOMParser().parseFromString(
      '<body><div role="dialog"><h2 data-test-id="highlight-record-label">Other deal</h2></div></body>',
      'text/html',
    );
    expect(hubspotAdapter.read(skeleton, `${US}/record/0-3/42`, NOW)).toEqual(waiting);
    expect(hubspotAdapter.read(preview, `${US}/record/0-3/42`, NOW)).toEqual(waiting);
  });
});

describe('hubspotAdapter.read on URLs', () => {
  const doc = () => loadFixture('hubspot/deal-record.html');

  it('says contacts, companies, lists, boards, dashboards, settings and other hosts are not deals', () => {
    for (const url of [
      `${US}/record/0-1/5101`,
      `${US}/record/0-2/9001`,
      `${US}/objects/0-3/views/all/list`,
      `${US}/deals/board/view/all/`,
      `${US}/deals/list/view/all/`,
      'https://app.hubspot.com/reports-dashboard/2451127/view/1',
      'https://app.hubspot.com/settings/2451127/objects/deals',
      'https://www.hubspot.com/contacts/2451127/record/0-3/18234567890',
      'https://app.hubspot.com.evil.example/contacts/2451127/record/0-3/18234567890',
      'http://app.hubspot.com/contacts/2451127/record/0-3/18234567890',
    ]) {
      expect(hubspotAdapter.read(doc(), url, NOW)).toEqual({ status: 'not-a-deal' });
    }
  });

  it('reports an invalid record id for ids that are not deal numbers', () => {
    for (const raw of ['abc', '0', '0123', '12345678901234567890123', '18234567890%20']) {
      expect(hubspotAdapter.read(doc(), `${US}/record/0-3/${raw}`, NOW)).toEqual({
        status: 'invalid-record-id',
        rawRecordId: raw,
      });
    }
  });

  it('is the adapter for HubSpot deal URLs, including subpages of a deal', () => {
    expect(hubspotAdapter.matchUrl(`${US}/record/0-3/18234567890/view/2`)).toBe(true);
    expect(hubspotAdapter.matchUrl(`${US}/record/0-2/9001`)).toBe(false);
  });
});

describe('the hubspot-app.html fixture', () => {
  it('lists every deal id in its index comment', () => {
    const file = join(
      dirname(fileURLToPath(import.meta.url)),
      '../../../tests/fixtures/hubspot/hubspot-app.html',
    );
    const html = readFileSync(file, 'utf8');
    const ids = Array.from(html.matchAll(/\bid: '(\d+)'/g), (match) => match[1] ?? '');
    const indexComment = html.slice(0, html.indexOf('-->'));
    expect(ids).toEqual(['18234567890', '18234567891', '18234567892']);
    for (const id of [...ids, '18234567899']) expect(indexComment).toContain(id);
  });
});
