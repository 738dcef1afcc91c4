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
    `https://acme.my.salesforce.com/${ID}`,
    `http://acme.lightning.force.com/lightning/r/Opportunity/${ID}/view`,
    `https://acme.lightning.force.com.evil.example/lightning/r/Opportunity/${ID}/view`,
    `https://example.com/lightning/r/Opportunity/${ID}/view`,
    'not a url',
  ])('does not match %s', (url) => {
    expect(detectDealPage(url)).toBeNull();
  });

  it('imports nothing at runtime, so it stays small in the content-script loader', () => {
    const source = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'deal-page-url.ts'), 'utf8');
    const imports = source.split('\n').filter((line) => /^\s*import\b|^\s*export\b.*\bfrom\b/.test(line));
    expect(imports.filter((line) => !/^\s*(import|export) type\b/.test(line))).toEqual([]);
    expect(source).not.toMatch(/\bimport\(|\brequire\(/);
  });
});
