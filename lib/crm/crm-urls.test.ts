import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UrlParts } from './deal-page-match';
import * as dynamics365 from './dynamics365/url';
import * as hubspot from './hubspot/url';
import * as pipedrive from './pipedrive/url';
import * as salesforceClassic from './salesforce-classic/url';
import * as salesforceLightning from './salesforce-lightning/url';

const ID = '0065e00000GlBxAAAV';

/** What a loader passes: the page's Location, whose parts are plain strings (no URL object). */
function locationOf(url: string): UrlParts {
  const { hostname, pathname, search, hash } = new URL(url);
  return { hostname, pathname, search, hash };
}

const CHECKS = [
  {
    name: 'Salesforce Lightning',
    dealOf: salesforceLightning.dealOf,
    shows: salesforceLightning.showsDeal,
    deal: `https://acme.lightning.force.com/lightning/r/Opportunity/${ID}/view`,
    expected: { crm: 'salesforce-lightning', rawRecordId: ID },
    otherPages: [
      'https://acme.lightning.force.com/lightning/page/home',
      'https://acme.lightning.force.com/one/one.app#/home',
      'https://acme.lightning.force.com/lightning/r/Account/0015e00000GlBxAAAV/view',
    ],
    otherHosts: [
      'https://acme.my.site.force.com/s/opportunity/1',
      `https://force.com/lightning/r/Opportunity/${ID}/view`,
    ],
  },
  {
    name: 'Salesforce Classic',
    dealOf: salesforceClassic.dealOf,
    shows: salesforceClassic.showsDeal,
    deal: `https://acme.my.salesforce.com/${ID}`,
    expected: { crm: 'salesforce-classic', instance: 'acme', rawRecordId: ID },
    otherPages: ['https://acme.my.salesforce.mil/home/home.jsp', 'https://acme.my.salesforce.com/006'],
    otherHosts: ['https://acme.salesforce.com/0065e00000GlBxA'],
  },
  {
    name: 'HubSpot',
    dealOf: hubspot.dealOf,
    shows: hubspot.showsDeal,
    deal: 'https://app.hubspot.com/contacts/2451127/record/0-3/18234567890',
    expected: { crm: 'hubspot', instance: '2451127', rawRecordId: '18234567890' },
    otherPages: ['https://app-eu1.hubspot.com/reports-dashboard/123'],
    otherHosts: ['https://www.hubspot.com/contacts/1/deal/2'],
  },
  {
    name: 'Dynamics 365',
    dealOf: dynamics365.dealOf,
    shows: dynamics365.showsDeal,
    deal: 'https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=1',
    expected: { crm: 'dynamics365', instance: 'contoso.crm4.dynamics.com', rawRecordId: '1' },
    otherPages: ['https://contoso.crm.microsoftdynamics.us/main.aspx?pagetype=dashboard'],
    otherHosts: ['https://acme.dynamics.com/main.aspx?etn=opportunity&id=1'],
  },
  {
    name: 'Pipedrive',
    dealOf: pipedrive.dealOf,
    shows: pipedrive.showsDeal,
    deal: 'https://acme.pipedrive.com/deal/1042',
    expected: { crm: 'pipedrive', instance: 'acme', rawRecordId: '1042' },
    otherPages: ['https://acme.pipedrive.com/pipeline'],
    otherHosts: ['https://app.pipedrive.com/deal/1042'],
  },
];

describe.each(CHECKS)('$name deal URL', ({ dealOf, shows, deal, expected, otherPages, otherHosts }) => {
  it('finds the deal in a URL and in a Location alike', () => {
    expect(dealOf(new URL(deal))).toEqual(expected);
    expect(dealOf(locationOf(deal))).toEqual(expected);
  });

  it('returns null for other pages of its hosts', () => {
    for (const url of otherPages) expect(dealOf(locationOf(url))).toBeNull();
  });

  it("returns undefined on hosts that are not its own, including every other CRM's deal", () => {
    for (const url of otherHosts) expect(dealOf(locationOf(url))).toBeUndefined();
    for (const other of CHECKS.filter((check) => check.deal !== deal))
      expect(dealOf(locationOf(other.deal))).toBeUndefined();
  });

  it("gives the loader's yes or no on every URL above, as the full check does", () => {
    const urls = [deal, ...otherPages, ...otherHosts, ...CHECKS.map((check) => check.deal)];
    for (const url of urls) expect(shows(locationOf(url)), url).toBe(Boolean(dealOf(locationOf(url))));
    expect(shows(locationOf(deal))).toBe(true);
  });
});

describe('deal-URL modules', () => {
  it('import nothing at runtime, so each loader carries only its own CRM', () => {
    const dir = dirname(fileURLToPath(import.meta.url));
    const modules = [
      'deal-page-match.ts',
      ...readdirSync(dir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'url.ts')))
        .map((entry) => join(entry.name, 'url.ts')),
    ];
    expect(modules.length).toBe(6);
    for (const file of modules) {
      const source = readFileSync(join(dir, file), 'utf8');
      const imports = source.split('\n').filter((line) => /^\s*import\b|^\s*export\b.*\bfrom\b/.test(line));
      expect(
        imports.filter((line) => !/^\s*(import|export) type\b/.test(line)),
        file,
      ).toEqual([]);
      expect(source, file).not.toMatch(/\bimport\(|\brequire\(/);
    }
  });
});
