import { adapterFor, builtInAdapters, dealKeyOfUrl, findActiveView, readDealPage } from './adapter-registry';
import type { DealReading } from './crm-adapter';
import type { GenericAdapterConfig } from './generic-adapter';
import { salesforceLightningAdapter } from './salesforce-lightning/page';
import { loadFixture } from '../../tests/unit/helpers/load-fixture';

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
    expectTypeOf(salesforceLightningAdapter.read).returns.toEqualTypeOf<DealReading>();
  });

  it.each([
    ['opportunity-record.html', '0065e00000GlBxAAAV'],
    ['opportunity-with-cached-hidden-record.html', '0065e00000UmBrLAAV'],
    ['opportunity-header-not-rendered.html', '0065e00000HdrNr'],
    ['opportunity-locale-de.html', '0065e00000DeLocAAF'],
  ])('reads %s exactly as the Lightning adapter does', (fixture, id) => {
    const url = `${LIGHTNING}/${id}/view`;
    const direct = salesforceLightningAdapter.read(loadFixture(`salesforce-lightning/${fixture}`), url, NOW);
    const doc = loadFixture(`salesforce-lightning/${fixture}`);
    expect(readDealPage(doc, url, NOW)).toEqual(direct);
    expect(readDealPage(doc, url, NOW, { captureFields: [] })).toEqual(direct);
    expect(findActiveView(doc, url)).toBe(salesforceLightningAdapter.findActiveView(doc));
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

describe('dealKeyOfUrl', () => {
  it("keys a deal from its URL as the page reading keys it, Classic under Lightning's key", () => {
    expect(dealKeyOfUrl(`${LIGHTNING}/0065e00000GlBxA/view`)).toBe(
      'salesforce-lightning:acme:0065e00000GlBxAAAV',
    );
    expect(dealKeyOfUrl('https://acme.my.salesforce.com/006Dn00000CLdtl')).toBe(
      dealKeyOfUrl(`${LIGHTNING}/006Dn00000CLdtl/view`),
    );
    expect(dealKeyOfUrl('https://acme.pipedrive.com/deal/1042')).toBe('pipedrive:acme:1042');
    expect(dealKeyOfUrl('https://crm.example.com/deals/42', CUSTOM)).toBe('generic:crm.example.com:42');
  });

  it('keys nothing where the page shows no valid deal', () => {
    expect(dealKeyOfUrl('https://crm.example.com/deals/42')).toBeNull();
    expect(dealKeyOfUrl(`${LIGHTNING}/not-a-record-id/view`)).toBeNull();
    expect(dealKeyOfUrl('https://acme.lightning.force.com/lightning/o/Opportunity/list')).toBeNull();
  });
});
