import { apiOriginForHost } from './api-host';

describe('apiOriginForHost', () => {
  it.each([
    ['acme.lightning.force.com', 'https://acme.my.salesforce.com'],
    ['ACME.Lightning.Force.com', 'https://acme.my.salesforce.com'],
    ['acme--uat.sandbox.lightning.force.com', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['acme-dev-ed.develop.lightning.force.com', 'https://acme-dev-ed.develop.my.salesforce.com'],
    ['acme.lightning.eu45.force.com', 'https://acme.my.eu45.salesforce.com'],
    ['acme.lightning.force.mil', 'https://acme.my.salesforce.mil'],
    ['acme.lightning.crmforce.mil', 'https://acme.my.salesforce.mil'],
    ['acme.lightning.force.com.mcas.ms', 'https://acme.my.salesforce.com'],
    ['acme--uat.sandbox.lightning.force.com.mcas.ms', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['acme.my.salesforce.com', 'https://acme.my.salesforce.com'],
    ['acme.my.salesforce.com.mcas.ms', 'https://acme.my.salesforce.com'],
    ['acme--uat.sandbox.my.salesforce.com', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['acme.my.salesforce-setup.com', 'https://acme.my.salesforce.com'],
    ['acme.my.salesforce.mil', 'https://acme.my.salesforce.mil'],
    ['acme.my.eu45.salesforce.com', 'https://acme.my.eu45.salesforce.com'],
  ])('maps %s to the API origin %s', (host, origin) => {
    expect(apiOriginForHost(host)).toEqual({ ok: true, value: origin });
  });

  it.each(['acme--c.vf.force.com', 'acme--c.visualforce.com', 'acme--c.na1.visual.force.com'])(
    'refuses the Visualforce host %s: its session has no API access',
    (host) => {
      const result = apiOriginForHost(host);
      expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'visualforce-host' }) });
      if (!result.ok) expect(result.error.message).toContain(host);
    },
  );

  it.each([
    'evil.example.com',
    'acme.lightning.force.com.evil.example.com',
    'acme.my.salesforce.com.evil.example',
    'login.salesforce.com',
    'lightning.force.com',
    'acme.lightning.force.com:8443',
    'ac me.lightning.force.com',
    '-acme.lightning.force.com',
    'acme.evil.lightning.force.com',
    'app.hubspot.com',
  ])('refuses %s, which is not an org host', (host) => {
    expect(apiOriginForHost(host)).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'not-salesforce-host', message: expect.stringContaining(host) }),
    });
  });
});
