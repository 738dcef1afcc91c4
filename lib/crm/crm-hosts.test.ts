import { CRM_HOST_MATCHES, crmHostOfPattern, patternCoveredBy } from './crm-hosts';
import { detectDealPage } from './deal-page-url';

describe('CRM_HOST_MATCHES', () => {
  it.each([
    'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000GlBxAAAV/view',
    'https://acme.my.salesforce.com/0065e00000GlBxA',
    'https://app.hubspot.com/contacts/2451127/record/0-3/18234567890',
    'https://app-eu1.hubspot.com/contacts/2451127/deal/18234567890',
    'https://acme.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=7c1d3a52-9e1b-ee11-8f6d-000d3a4b5c6d',
    'https://acme.pipedrive.com/deal/1042',
  ])('covers the deal page %s, which Yardstick reads out of the box', (url) => {
    expect(detectDealPage(url)).not.toBeNull();
    expect(patternCoveredBy(`https://${new URL(url).hostname}/*`, CRM_HOST_MATCHES)).toBe(true);
  });

  it('asks for no host beyond the supported CRMs', () => {
    for (const pattern of CRM_HOST_MATCHES) expect(crmHostOfPattern(pattern)).not.toBeNull();
    expect(patternCoveredBy('https://crm.example.com/*', CRM_HOST_MATCHES)).toBe(false);
    expect(patternCoveredBy('https://app-na2.hubspot.com/*', CRM_HOST_MATCHES)).toBe(false);
    expect(patternCoveredBy('https://acme.crm.dynamics.cn/*', CRM_HOST_MATCHES)).toBe(false);
  });
});

describe('crmHostOfPattern', () => {
  it('accepts a literal host or a subdomain wildcard with the path /*', () => {
    expect(crmHostOfPattern('https://crm.acme.com/*')).toEqual({ scheme: 'https', host: 'crm.acme.com' });
    expect(crmHostOfPattern('https://*.crm.acme.com/*')).toEqual({ scheme: 'https', host: '*.crm.acme.com' });
    expect(crmHostOfPattern('http://localhost/*')).toEqual({ scheme: 'http', host: 'localhost' });
  });

  it.each([
    '<all_urls>',
    'https://*/*',
    'https://crm.acme.com/deals/*',
    'http://crm.acme.com/*',
    'https://crm.*.com/*',
    'crm.acme.com',
  ])('refuses %s', (pattern) => {
    expect(crmHostOfPattern(pattern)).toBeNull();
  });
});

describe('patternCoveredBy', () => {
  it('treats a wildcard as covering its subdomains and the domain itself', () => {
    expect(patternCoveredBy('https://acme.force.com/*', ['https://*.force.com/*'])).toBe(true);
    expect(patternCoveredBy('https://force.com/*', ['https://*.force.com/*'])).toBe(true);
    expect(patternCoveredBy('https://*.my.force.com/*', ['https://*.force.com/*'])).toBe(true);
    expect(patternCoveredBy('https://notforce.com/*', ['https://*.force.com/*'])).toBe(false);
    expect(patternCoveredBy('https://*.force.com/*', ['https://acme.force.com/*'])).toBe(false);
  });
});
