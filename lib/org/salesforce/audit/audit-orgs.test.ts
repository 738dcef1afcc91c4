import { auditOrigins } from './audit-orgs';

describe('the orgs the audit page lists', () => {
  it('lists orgs with a browser session and orgs connected through OAuth, each once, sorted', () => {
    expect(
      auditOrigins(
        [
          { domain: 'acme.lightning.force.com', value: 'sid-1' },
          { domain: '.acme.my.salesforce.com', value: 'sid-2' },
          { domain: 'globex--uat.sandbox.my.salesforce.com', value: '' },
        ],
        ['https://initech.my.salesforce.com', 'https://acme.my.salesforce.com'],
      ),
    ).toEqual(['https://acme.my.salesforce.com', 'https://initech.my.salesforce.com']);
  });

  it('lists an org connected only through OAuth (API Access Control refuses its browser session)', () => {
    expect(auditOrigins([], ['https://initech.my.salesforce.com'])).toEqual([
      'https://initech.my.salesforce.com',
    ]);
  });

  it('leaves out cookies and grants that are not a Salesforce org', () => {
    expect(
      auditOrigins(
        [{ domain: 'example.com', value: 'x' }],
        ['https://evil.example', 'http://acme.my.salesforce.com', 'not a url'],
      ),
    ).toEqual([]);
  });
});
