import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DealReading } from '../crm-adapter';
import { DealSnapshotSchema, type DealSnapshot } from '../deal-snapshot';
import { isOpportunityId, toCanonicalSalesforceId } from '../salesforce-id';
import { findActiveRecordView, salesforceLightningAdapter } from './page';
import { attachDeclarativeShadowRoots, loadFixture } from '../../../tests/unit/helpers/load-fixture';

const HOST = 'https://acme.lightning.force.com';
const NOW = new Date('2026-11-02T09:30:00.000Z');

function recordUrl(id: string): string {
  return `${HOST}/lightning/r/Opportunity/${id}/view`;
}

function read(fixture: string, url: string): DealReading {
  return salesforceLightningAdapter.read(loadFixture(`salesforce-lightning/${fixture}`), url, NOW);
}

function readReady(fixture: string, id: string): DealSnapshot {
  const reading = read(fixture, recordUrl(id));
  if (reading.status !== 'ready') throw new Error(`expected ready, got ${reading.status}`);
  // Every snapshot the adapter produces must pass the shared schema.
  return DealSnapshotSchema.parse(reading.snapshot);
}

function docFrom(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  attachDeclarativeShadowRoots(doc);
  return doc;
}

describe('salesforceLightningAdapter.read on fixture pages', () => {
  it('reads every field of a standard en-US record page, including the owner inside shadow roots', () => {
    const snapshot = readReady('opportunity-record.html', '0065e00000GlBxAAAV');
    expect(snapshot).toEqual({
      crm: 'salesforce-lightning',
      instance: 'acme',
      recordId: '0065e00000GlBxAAAV',
      dealKey: 'salesforce-lightning:acme:0065e00000GlBxAAAV',
      url: recordUrl('0065e00000GlBxAAAV'),
      name: { text: 'Globex — Data Platform Renewal', strategy: 'highlights.primaryField' },
      stage: { text: 'Proposal/Price Quote', strategy: 'path.current' },
      amount: {
        text: 'USD 1,250,000.00',
        strategy: 'highlights.item:Amount',
        value: 1_250_000,
        currency: 'USD',
      },
      closeDate: { text: '1/31/2027', strategy: 'highlights.item:Close Date', iso: '2027-01-31' },
      owner: { text: 'Priya Raman', strategy: 'highlights.item:Opportunity Owner' },
      readAt: '2026-11-02T09:30:00.000Z',
    });
  });

  it('reads the active record, not the hidden cached one that comes first in the DOM', () => {
    const snapshot = readReady('opportunity-with-cached-hidden-record.html', '0065e00000UmBrLAAV');
    expect(snapshot.name.text).toBe('Umbrella Corp — Pilot');
    expect(snapshot.stage.text).toBe('Negotiation/Review');
    expect(snapshot.amount).toMatchObject({ text: 'USD 95,000.00', value: 95_000, currency: 'USD' });
    expect(snapshot.closeDate).toMatchObject({ text: '6/30/2027', iso: '2027-06-30' });
    expect(snapshot.owner.text).toBe('Dana Whitfield');
  });

  it('reads an older force-highlights2 page from its title and its Aura detail section', () => {
    const snapshot = readReady('opportunity-legacy-force-highlights.html', '0065e00000LgcyFAAR');
    expect(snapshot.name).toEqual({
      text: 'Stark Industries — Arc Reactor Maintenance',
      strategy: 'page-header.title',
    });
    expect(snapshot.stage).toEqual({ text: 'Value Proposition', strategy: 'details.field-label:Stage' });
    expect(snapshot.amount).toEqual({
      text: '$310,500.00',
      strategy: 'details.Amount',
      value: 310_500,
      currency: 'USD',
    });
    expect(snapshot.closeDate).toEqual({
      text: '11/5/2026',
      strategy: 'details.CloseDate',
      iso: '2026-11-05',
    });
    expect(snapshot.owner).toEqual({
      text: 'Tony Baptiste',
      strategy: 'details.field-label:Opportunity Owner',
    });
  });

  it('reads a German page: German labels, euro amount and day-first date', () => {
    const snapshot = readReady('opportunity-locale-de.html', '0065e00000DeLocAAF');
    expect(snapshot.name.text).toBe('Müller Maschinenbau — Wartungsvertrag');
    expect(snapshot.stage).toEqual({ text: 'Verhandlung/Überprüfung', strategy: 'path.current' });
    expect(snapshot.amount).toEqual({
      text: '€1.250.000,00',
      strategy: 'highlights.item:Betrag',
      value: 1_250_000,
      currency: 'EUR',
    });
    expect(snapshot.closeDate).toEqual({
      text: '31.01.2027',
      strategy: 'highlights.item:Schlusstermin',
      iso: '2027-01-31',
    });
    expect(snapshot.owner).toEqual({ text: 'Jürgen Weiß', strategy: 'highlights.item:Opportunity-Inhaber' });
  });

  it('reads Dynamic Forms fields and takes the day-first date order from the page language (en-GB)', () => {
    const snapshot = readReady('opportunity-dynamic-forms.html', '0065e00000DynFmAAJ');
    expect(snapshot.name).toEqual({
      text: 'Wayne Enterprises — Security Audit',
      strategy: 'highlights.primaryField',
    });
    expect(snapshot.stage).toEqual({ text: 'Needs Analysis', strategy: 'path.selected' });
    expect(snapshot.amount).toEqual({
      text: '£250,000.00',
      strategy: 'dynamic-forms.Amount',
      value: 250_000,
      currency: 'GBP',
    });
    expect(snapshot.closeDate).toEqual({
      text: '05/01/2027',
      strategy: 'dynamic-forms.label:Close Date',
      iso: '2027-01-05',
    });
    expect(snapshot.owner).toEqual({ text: 'Amelia Hart', strategy: 'dynamic-forms.OwnerId' });
  });

  it('reports amount and close date as unknown when the page shows neither', () => {
    const snapshot = readReady('opportunity-missing-fields.html', '0065e00000MisFdAAJ');
    expect(snapshot.name.text).toBe('Hooli — Exploratory Call');
    expect(snapshot.stage).toEqual({ text: 'Prospecting', strategy: 'details.StageName' });
    expect(snapshot.owner.text).toBe('Sam Okafor');
    expect(snapshot.amount).toEqual({ text: null, strategy: null, value: null, currency: null });
    expect(snapshot.closeDate).toEqual({ text: null, strategy: null, iso: null });
  });

  it('waits while the active view has no header yet, even though a hidden cached view has one', () => {
    expect(read('opportunity-header-not-rendered.html', recordUrl('0065e00000HdrNr'))).toEqual({
      status: 'waiting-for-header',
      recordId: '0065e00000HdrNrAAJ',
      dealKey: 'salesforce-lightning:acme:0065e00000HdrNrAAJ',
      instance: 'acme',
    });
  });

  it('reads the shown console workspace tab, not an inactive tab whose view is also marked active', () => {
    const snapshot = readReady('opportunity-console-app.html', '0065e00000CnSoLAAV');
    expect(snapshot.name.text).toBe('Vandelay Industries — Import Platform');
    expect(snapshot.stage.text).toBe('Perception Analysis');
    expect(snapshot.amount.value).toBe(640_000);
    expect(snapshot.closeDate.iso).toBe('2027-09-01');
    expect(snapshot.owner.text).toBe('Priya Raman');
  });
});

describe('salesforceLightningAdapter.read on URLs', () => {
  const doc = () => loadFixture('salesforce-lightning/opportunity-record.html');

  it('says a page that is not an opportunity record is not a deal', () => {
    for (const url of [
      `${HOST}/lightning/o/Opportunity/list?filterName=Recent`,
      `${HOST}/lightning/r/Account/0015e00000GlBxAAAV/view`,
      'https://example.com/lightning/r/Opportunity/0065e00000GlBxAAAV/view',
    ]) {
      expect(salesforceLightningAdapter.read(doc(), url, NOW)).toEqual({ status: 'not-a-deal' });
    }
  });

  it('reports an invalid record id with the raw segment, for garbage and for non-opportunity ids', () => {
    for (const raw of ['not-an-id', '0065e00000GlBxAAAA', '0015e00000GlBxA']) {
      expect(salesforceLightningAdapter.read(doc(), recordUrl(raw), NOW)).toEqual({
        status: 'invalid-record-id',
        rawRecordId: raw,
      });
    }
  });

  it('keys a 15-character id, a sandbox host and a related-list subpage to the canonical deal key', () => {
    const url =
      'https://Acme--UAT.sandbox.lightning.force.com/lightning/r/Opportunity/0065e00000GlBxA/related/OpportunityLineItems/view';
    const reading = salesforceLightningAdapter.read(doc(), url, NOW);
    expect(reading.status).toBe('ready');
    if (reading.status !== 'ready') return;
    expect(reading.snapshot.instance).toBe('acme--uat');
    expect(reading.snapshot.recordId).toBe('0065e00000GlBxAAAV');
    expect(reading.snapshot.dealKey).toBe('salesforce-lightning:acme--uat:0065e00000GlBxAAAV');
  });
});

describe('findActiveRecordView', () => {
  const view = (id: string, extra = '') =>
    `<div class="windowViewMode-normal oneContent ${extra}" id="${id}"></div>`;

  it('prefers the view marked active', () => {
    const doc = docFrom(`<div class="oneCenterStage">${view('old')}${view('new', 'active')}</div>`);
    expect(findActiveRecordView(doc)?.id).toBe('new');
  });

  it('ignores an active view that markup hides, and falls back to the only visible one', () => {
    const doc = docFrom(
      `<div hidden>${view('a', 'active')}</div><div style="display: none">${view('b')}</div>` +
        `<div aria-hidden="true">${view('c')}</div>${view('d')}`,
    );
    expect(findActiveRecordView(doc)?.id).toBe('d');
  });

  it('still reads the active view while a modal marks the background aria-hidden', () => {
    const doc = docFrom(`<div class="viewport" aria-hidden="true">${view('x')}${view('y', 'active')}</div>`);
    expect(findActiveRecordView(doc)?.id).toBe('y');
  });

  it('returns null rather than guess between several visible views with none active', () => {
    const doc = docFrom(`${view('a')}${view('b')}`);
    expect(findActiveRecordView(doc)).toBeNull();
  });

  it('returns null before the app shell has any view', () => {
    expect(findActiveRecordView(docFrom('<div class="oneCenterStage"></div>'))).toBeNull();
  });
});

describe('reading values through shadow roots', () => {
  it('finds a value whose light-DOM element is empty and that is projected through a slot', () => {
    const doc = docFrom(`
      <div class="windowViewMode-normal active">
        <records-highlights2>
          <x-name><template shadowrootmode="open"><h1><slot name="primaryField"><lightning-formatted-text>Light name</lightning-formatted-text></slot></h1></template></x-name>
          <records-highlights-details-item>
            <template shadowrootmode="open">
              <p class="slds-text-title" title="Opportunity Owner">Opportunity Owner</p>
              <p><slot></slot></p>
            </template>
            <force-owner-lookup><template shadowrootmode="open"><a><span>Ada Byron</span></a><span class="slds-assistive-text">Owner</span></template></force-owner-lookup>
          </records-highlights-details-item>
        </records-highlights2>
      </div>`);
    const reading = salesforceLightningAdapter.read(doc, recordUrl('0065e00000GlBxA'), NOW);
    if (reading.status !== 'ready') throw new Error(reading.status);
    expect(reading.snapshot.name).toEqual({ text: 'Light name', strategy: 'highlights.primaryField' });
    expect(reading.snapshot.owner).toEqual({
      text: 'Ada Byron',
      strategy: 'highlights.item:Opportunity Owner',
    });
  });

  it('falls back to the document title for the name when the header shows none', () => {
    const doc =
      docFrom(`<html><head><title>Initech — 400 Seat Expansion | Opportunity | Salesforce</title></head>
      <body><div class="windowViewMode-normal active"><records-highlights2><span>Opportunity</span></records-highlights2></div></body></html>`);
    const reading = salesforceLightningAdapter.read(doc, recordUrl('0065e00000GlBxA'), NOW);
    if (reading.status !== 'ready') throw new Error(reading.status);
    expect(reading.snapshot.name).toEqual({
      text: 'Initech — 400 Seat Expansion',
      strategy: 'document.title',
    });
    expect(reading.snapshot.stage).toEqual({ text: null, strategy: null });
  });
});

describe('the lightning-app.html SPA fixture', () => {
  it('uses canonical 18-character opportunity ids, each listed in its index comment', () => {
    const file = join(
      dirname(fileURLToPath(import.meta.url)),
      '../../../tests/fixtures/salesforce-lightning/lightning-app.html',
    );
    const html = readFileSync(file, 'utf8');
    const ids = Array.from(html.matchAll(/\bid: '(\w+)'/g), (match) => match[1] ?? '');
    const indexComment = html.slice(0, html.indexOf('-->'));
    expect(ids).toEqual(['006Ak00002GLBXaIAP', '006Ak00002InTcEIAV', '006Ak00002uMbRcIAK']);
    for (const id of [...ids, '006Ak00002NoPExIAN']) {
      expect(toCanonicalSalesforceId(id)).toBe(id);
      expect(isOpportunityId(id)).toBe(true);
      expect(indexComment).toContain(id);
    }
  });
});

describe('segments on Lightning', () => {
  it('adds the segment fields asked for: by API name, by details label, inside shadow roots, and by highlights label', () => {
    const doc = new DOMParser().parseFromString(
      `<div class="windowViewMode-normal active">
        <records-highlights2>
          <h1><slot name="primaryField"><lightning-formatted-text>Globex — Renewal</lightning-formatted-text></slot></h1>
          <records-highlights-details-item><p class="slds-text-title" title="Product Line">Product Line</p><p><lightning-formatted-text>Data Platform</lightning-formatted-text></p></records-highlights-details-item>
        </records-highlights2>
        <records-record-layout-item field-label="Lead Source" data-target-selection-name="sfdc:RecordField.Opportunity.LeadSource">
          <span class="test-id__field-label">Lead Source</span><span class="test-id__field-value"><lightning-formatted-text>Partner Referral</lightning-formatted-text></span>
        </records-record-layout-item>
        <records-record-layout-item field-label="Type">
          <span class="test-id__field-label">Type</span><span class="test-id__field-value"><lightning-formatted-text>New Business</lightning-formatted-text></span>
        </records-record-layout-item>
        <records-record-layout-item field-label="Primary Campaign Source" data-target-selection-name="sfdc:RecordField.Opportunity.CampaignId">
          <span class="test-id__field-value"><force-lookup><template shadowrootmode="open"><a><span>Q4 Partner Summit</span></a></template></force-lookup></span>
        </records-record-layout-item>
      </div>`,
      'text/html',
    );
    attachDeclarativeShadowRoots(doc);
    const url = recordUrl('0065e00000GlBxAAAV');
    const reading = salesforceLightningAdapter.read(doc, url, NOW, {
      captureFields: ['lead_source', 'campaign', 'product_line', 'type', 'region'],
    });
    if (reading.status !== 'ready') throw new Error(reading.status);
    expect(DealSnapshotSchema.parse(reading.snapshot).segments).toEqual({
      lead_source: { text: 'Partner Referral', strategy: 'details.LeadSource' },
      campaign: { text: 'Q4 Partner Summit', strategy: 'details.CampaignId' },
      product_line: { text: 'Data Platform', strategy: 'highlights.item:Product Line' },
      type: { text: 'New Business', strategy: 'details.label:Type' },
      region: { text: null, strategy: null },
    });
    const { segments: _segments, ...withoutSegments } = reading.snapshot;
    expect(withoutSegments).toEqual(
      (salesforceLightningAdapter.read(doc, url, NOW) as Extract<DealReading, { status: 'ready' }>).snapshot,
    );
  });
});

describe('Lightning with the shared reading helpers', () => {
  it('reads a dash as unknown, leaves screen-reader text out and matches a label with a trailing colon', () => {
    const doc = docFrom(`<div class="windowViewMode-normal active">
      <records-highlights2>
        <h1><slot name="primaryField"><lightning-formatted-text>Globex — Renewal<span class="sr-only"> (opportunity)</span></lightning-formatted-text></slot></h1>
        <records-highlights-details-item><p class="slds-text-title" title="Amount">Amount</p><p><lightning-formatted-text>—</lightning-formatted-text></p></records-highlights-details-item>
        <records-highlights-details-item><p class="slds-text-title" title="Close Date:">Close Date:</p><p><lightning-formatted-text>1/31/2027</lightning-formatted-text></p></records-highlights-details-item>
      </records-highlights2>
    </div>`);
    const reading = salesforceLightningAdapter.read(doc, recordUrl('0065e00000GlBxAAAV'), NOW);
    if (reading.status !== 'ready') throw new Error(reading.status);
    expect(reading.snapshot.name.text).toBe('Globex — Renewal');
    expect(reading.snapshot.amount).toEqual({ text: null, strategy: null, value: null, currency: null });
    expect(reading.snapshot.closeDate).toEqual({
      text: '1/31/2027',
      strategy: 'highlights.item:Close Date:',
      iso: '2027-01-31',
    });
  });
});
