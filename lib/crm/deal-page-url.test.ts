import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectDealPage } from './deal-page-url';

const ID = '0065e00000GlBxAAAV';
const match = (rawRecordId: string) => ({ crm: 'salesforce-lightning', rawRecordId });

describe('detectDealPage', () => {
  it.each([
    [`https://acme.lightning.force.com/lightning/r/Opportunity/${ID}/view`, ID],
    [`https://acme.lightning.force.com/lightning/r/Opportunity/${ID}/view?0.source=alohaHeader`, ID],
    [`https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000GlBxA/view/`, '0065e00000GlBxA'],
    [`https://acme.lightning.force.com/lightning/r/Opportunity/${ID}/related/OpportunityLineItems/view`, ID],
    [`https://acme--uat.sandbox.lightning.force.com/lightning/r/Opportunity/${ID}/view`, ID],
    [`https://acme.lightning.eu45.force.com/lightning/r/Opportunity/${ID}/view`, ID],
    [`https://agency.lightning.force.mil/lightning/r/Opportunity/${ID}/view`, ID],
    [`https://acme-dev-ed.develop.lightning.force.com/lightning/r/Opportunity/${ID}/view`, ID],
    [`https://acme.lightning.force.com/lightning/r/${ID}/view`, ID],
    [`https://acme.lightning.force.com/one/one.app#/sObject/${ID}/view`, ID],
    [`https://acme.lightning.force.com/one/one.app#/sObject/${ID}`, ID],
    [`https://acme.lightning.force.com/LIGHTNING/R/OPPORTUNITY/${ID}/VIEW`, ID],
    [`https://acme.lightning.force.com/Lightning/R/${ID}/View`, ID],
  ])('matches %s', (url, rawRecordId) => {
    expect(detectDealPage(url)).toEqual(match(rawRecordId));
  });

  it('returns the garbage segment of an opportunity URL, so the sidebar can say the id is invalid', () => {
    expect(
      detectDealPage('https://acme.lightning.force.com/lightning/r/Opportunity/hello%20world/view'),
    ).toEqual(match('hello%20world'));
  });

  it.each([
    'https://acme.lightning.force.com/lightning/o/Opportunity/list?filterName=Recent',
    'https://acme.lightning.force.com/lightning/o/Opportunity/new',
    'https://acme.lightning.force.com/lightning/o/Opportunity/home',
    'https://acme.lightning.force.com/lightning/r/Account/0015e00000GlBxAAAV/view',
    'https://acme.lightning.force.com/lightning/r/0015e00000GlBxAAAV/view',
    'https://acme.lightning.force.com/lightning/page/home',
    'https://acme.lightning.force.com/one/one.app#/sObject/0015e00000GlBxAAAV/view',
    `https://acme.lightning.force.com/lightning/r/Opportunity/${ID}/edit`,
    `http://acme.lightning.force.com/lightning/r/Opportunity/${ID}/view`,
    `https://acme.lightning.force.com.evil.example/lightning/r/Opportunity/${ID}/view`,
    `https://example.com/lightning/r/Opportunity/${ID}/view`,
    'not a url',
  ])('does not match %s', (url) => {
    expect(detectDealPage(url)).toBeNull();
  });

  it.each([
    [`https://acme.my.salesforce.com/${ID}`, 'salesforce-classic', 'acme', ID],
    ['https://acme.my.salesforce.com/0065e00000GlBxA/', 'salesforce-classic', 'acme', '0065e00000GlBxA'],
    [`https://acme--uat.sandbox.my.salesforce.com/${ID}`, 'salesforce-classic', 'acme--uat', ID],
    [`https://agency.my.salesforce.mil/${ID}?nooverride=1`, 'salesforce-classic', 'agency', ID],
    ['https://app.hubspot.com/contacts/2451127/record/0-3/18234567890', 'hubspot', '2451127', '18234567890'],
    [
      'https://app.hubspot.com/contacts/2451127/record/0-3/18234567890/view/2',
      'hubspot',
      '2451127',
      '18234567890',
    ],
    ['https://app.hubspot.com/contacts/2451127/deal/9876543210/', 'hubspot', '2451127', '9876543210'],
    ['https://app-eu1.hubspot.com/contacts/25987654/record/0-3/301', 'hubspot', '25987654', '301'],
    [
      'https://contoso.crm4.dynamics.com/main.aspx?appid=1&pagetype=entityrecord&etn=opportunity&id=%7B7C1D3A52-9E1B-EE11-8F6D-000D3A4B5C6D%7D',
      'dynamics365',
      'contoso.crm4.dynamics.com',
      '{7C1D3A52-9E1B-EE11-8F6D-000D3A4B5C6D}',
    ],
    [
      'https://contoso.crm.dynamics.com/main.aspx?id=7c1d3a52-9e1b-ee11-8f6d-000d3a4b5c6d&ETN=opportunity',
      'dynamics365',
      'contoso.crm.dynamics.com',
      '7c1d3a52-9e1b-ee11-8f6d-000d3a4b5c6d',
    ],
    ['https://acme.pipedrive.com/deal/1042', 'pipedrive', 'acme', '1042'],
    ['https://acme.pipedrive.com/deal/1042/?tab=notes', 'pipedrive', 'acme', '1042'],
  ])('matches %s as %s', (url, crm, instance, rawRecordId) => {
    expect(detectDealPage(url)).toEqual({ crm, instance, rawRecordId });
  });

  it.each([
    'https://acme.my.salesforce.com/006/o',
    'https://acme.my.salesforce.com/006?fcf=00B5e00000Recnt',
    `https://acme.my.salesforce.com/${ID}/e`,
    'https://acme.my.salesforce.com/0015e00000GlBxA',
    'https://acme.salesforce.com/0065e00000GlBxA',
    'https://app.hubspot.com/contacts/2451127/record/0-1/5101',
    'https://app.hubspot.com/contacts/2451127/objects/0-3/views/all/list',
    'https://app.hubspot.com/contacts/2451127/deals/list/view/all/',
    'https://app.hubspot.com/reports-dashboard/2451127/view/1',
    'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entitylist&etn=opportunity',
    'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity',
    'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=account&id=1',
    'https://contoso.crm4.dynamics.com/main.aspx?pagetype=dashboard',
    'https://acme.pipedrive.com/pipeline/1/user/everyone',
    'https://acme.pipedrive.com/deals/list',
    'https://app.pipedrive.com/deal/1042',
    'https://crm.example.com/deals/42',
  ])('does not match the non-deal page %s', (url) => {
    expect(detectDealPage(url)).toBeNull();
  });

  it('matches custom hosts by their URL pattern, after the built-in CRMs, which they cannot take over', () => {
    const custom = [
      { urlPattern: 'https://crm\\.example\\.com/deals/(?<id>\\d+)' },
      { urlPattern: 'https://[^/]+/deal/(?<id>\\d+)' },
    ];
    expect(detectDealPage('https://crm.example.com/deals/42', custom)).toEqual({
      crm: 'generic',
      instance: 'crm.example.com',
      rawRecordId: '42',
    });
    expect(detectDealPage('https://crm.example.com/deals/42x', custom)).toBeNull();
    expect(detectDealPage('https://acme.pipedrive.com/deal/1042', custom)?.crm).toBe('pipedrive');
    expect(detectDealPage('https://acme.pipedrive.com/person/1', custom)).toBeNull();
    expect(
      detectDealPage('https://x.example.com/deals/42', [{ urlPattern: '(' }, { urlPattern: 'a)|(.*' }]),
    ).toBeNull();
  });

  it('treats single-label hosts that name an Object property as no CRM', () => {
    expect(detectDealPage('https://constructor/lightning/r/Opportunity/0065e00000GlBxA/view')).toBeNull();
    expect(detectDealPage('https://a.__proto__/deal/1')).toBeNull();
  });

  it("imports only the built-in CRMs' URL checks at runtime, so it stays small in the custom hosts' loader", () => {
    const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'deal-page-url.ts'), 'utf8');
    const imports = source.split('\n').filter((line) => /^\s*import\b|^\s*export\b.*\bfrom\b/.test(line));
    const runtime = imports.filter((line) => !/^\s*(import|export) type\b/.test(line));
    expect(runtime.length).toBe(5);
    for (const line of runtime) expect(line).toMatch(/from '\.\/[a-z0-9-]+\/url';$/);
    expect(source).not.toMatch(/\bimport\(|\brequire\(/);
  });
});
