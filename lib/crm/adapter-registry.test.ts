import {
  adapterFor,
  builtInAdapters,
  findActiveView,
  readDealPage,
  salesforceLightningAdapter,
} from './adapter-registry';
import type { DealReading } from './crm-adapter';
import { DealSnapshotSchema } from './deal-snapshot';
import type { GenericAdapterConfig } from './generic-adapter';
import { readLightningOpportunity, type LightningReading } from './salesforce-lightning';
import { attachDeclarativeShadowRoots, loadFixture } from '../../tests/unit/helpers/load-fixture';

const NOW = new Date('2026-11-02T09:30:00.000Z');
const LIGHTNING = 'https://acme.lightning.force.com/lightning/r/Opportunity';
const CUSTOM: GenericAdapterConfig[] = [
  { urlPattern: 'https://crm\\.example\\.com/deals/(?<id>\\d+)', selectors: { name: 'h1.deal-title' } },
];

describe('adapterFor', () => {
  it.each([
    [`${LIGHTNING}/0065e00000GlBxAAAV/view`, 'salesforce-lightning'],
    ['https://acme.my.salesforce.com/006Dn00000CLdtl', 'salesforce-classic'],
    ['https://app-eu1.hubspot.com/contacts/25987654/record/0-3/301', 'hubspot'],
    ['https://contoso.crm4.dynamics.com/main.aspx?etn=opportunity&id=x&pagetype=entityrecord', 'dynamics365'],
    ['https://acme.pipedrive.com/deal/1042', 'pipedrive'],
    ['https://crm.example.com/deals/42', 'generic'],
  ])('picks the adapter for %s', (url, crm) => {
    expect(adapterFor(url, CUSTOM)?.crm).toBe(crm);
  });

  it('picks none for pages that are not deals, on CRM hosts and elsewhere', () => {
    for (const url of [
      'https://acme.lightning.force.com/lightning/o/Opportunity/list',
      'https://app.hubspot.com/contacts/1/objects/0-3/views/all/list',
      'https://crm.example.com/deals',
      'https://example.com/deals/42',
      'not a url',
    ]) {
      expect(adapterFor(url, CUSTOM)).toBeNull();
      expect(readDealPage(document, url, NOW, { customAdapters: CUSTOM })).toEqual({ status: 'not-a-deal' });
    }
    expect(adapterFor('https://crm.example.com/deals/42')).toBeNull();
  });

  it('has one built-in adapter per CRM, Lightning first', () => {
    expect(builtInAdapters.map((adapter) => adapter.crm)).toEqual([
      'salesforce-lightning',
      'salesforce-classic',
      'hubspot',
      'dynamics365',
      'pipedrive',
    ]);
  });
});

describe('the Lightning adapter in the registry', () => {
  it('shares the reading type of the Lightning adapter', () => {
    expectTypeOf<LightningReading>().toEqualTypeOf<DealReading>();
  });

  it.each([
    ['opportunity-record.html', '0065e00000GlBxAAAV'],
    ['opportunity-with-cached-hidden-record.html', '0065e00000UmBrLAAV'],
    ['opportunity-header-not-rendered.html', '0065e00000HdrNr'],
    ['opportunity-locale-de.html', '0065e00000DeLocAAF'],
  ])('reads %s exactly as readLightningOpportunity does', (fixture, id) => {
    const url = `${LIGHTNING}/${id}/view`;
    const direct = readLightningOpportunity(loadFixture(`salesforce-lightning/${fixture}`), url, NOW);
    const doc = loadFixture(`salesforce-lightning/${fixture}`);
    expect(readDealPage(doc, url, NOW)).toEqual(direct);
    expect(readDealPage(doc, url, NOW, { captureFields: [] })).toEqual(direct);
    expect(findActiveView(doc, url)).toBe(salesforceLightningAdapter.findActiveView(doc));
  });

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
    const url = `${LIGHTNING}/0065e00000GlBxAAAV/view`;
    const reading = readDealPage(doc, url, NOW, {
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
      (readLightningOpportunity(doc, url, NOW) as Extract<LightningReading, { status: 'ready' }>).snapshot,
    );
  });
});

describe('findActiveView', () => {
  it("returns the active view of the URL's CRM, and null where no CRM shows a deal", () => {
    const dynamics = loadFixture('dynamics365/opportunity-multisession.html');
    const url =
      'https://contoso.crm4.dynamics.com/main.aspx?etn=opportunity&pagetype=entityrecord&id=b3c4d5e6-f7a8-ee11-8f6d-000d3a4b5c70';
    expect(findActiveView(dynamics, url)?.parentElement?.id).toBe('session-2');
    expect(findActiveView(dynamics, 'https://acme.pipedrive.com/deal/1')).toBe(dynamics.body);
    expect(findActiveView(dynamics, 'https://example.com/')).toBeNull();
  });
});
