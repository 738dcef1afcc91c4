import {
  adapterConfigsOf,
  checkRepCustomCrm,
  neededHostPatterns,
  resolveCustomCrms,
} from './custom-crm-hosts';

const CRM = { urlPattern: 'https://crm\\.example\\.com/deals/(?<id>\\d+)', selectors: { name: 'h1' } };
const VANITY = { urlPattern: 'https://deals\\.acme\\.io/(?<id>[0-9a-f]+)' };

describe('resolveCustomCrms', () => {
  it('puts the admin’s hosts first and drops a rep’s duplicate of one', () => {
    const { entries, problems } = resolveCustomCrms({ customCrms: [CRM] }, [
      { ...CRM, selectors: { name: '.mine' } },
      VANITY,
    ]);
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      { source: 'policy', matchPattern: 'https://crm.example.com/*', config: CRM, builtInHost: false },
      { source: 'options', matchPattern: 'https://deals.acme.io/*', config: VANITY, builtInHost: false },
    ]);
    expect(adapterConfigsOf(entries)).toEqual([CRM, VANITY]);
  });

  it('names each policy entry it ignores, with its index and the reason', () => {
    const { entries, problems } = resolveCustomCrms(
      {
        customCrms: [{ urlPattern: 'https://crm\\.example\\.com/deals/\\d+' }, CRM],
        allowedCrmHosts: ['https://*/*', 'https://*.crm.acme.com/*'],
      },
      [],
    );
    expect(problems).toEqual([
      expect.stringMatching(/^customCrms\[0\]: Custom CRM: urlPattern needs a named group "id"/),
      expect.stringMatching(/^allowedCrmHosts\[0\]: "https:\/\/\*\/\*" is not a host match pattern/),
    ]);
    expect(entries.map((entry) => entry.matchPattern)).toEqual([
      'https://crm.example.com/*',
      'https://*.crm.acme.com/*',
    ]);
  });

  it('keeps an admin config whose host is itself a pattern, without a permission of its own', () => {
    const wildcard = { urlPattern: 'https://(?<instance>[a-z]+)\\.crm\\.acme\\.com/deal/(?<id>\\d+)' };
    const { entries } = resolveCustomCrms(
      { customCrms: [wildcard], allowedCrmHosts: ['https://*.crm.acme.com/*'] },
      [],
    );
    expect(entries[0]).toMatchObject({ matchPattern: null, config: wildcard });
    expect(neededHostPatterns(entries)).toEqual(['https://*.crm.acme.com/*']);
  });

  it('needs no permission for a host the manifest already covers', () => {
    const onForce = { urlPattern: 'https://acme\\.lightning\\.force\\.com/deal/(?<id>\\d+)' };
    const { entries } = resolveCustomCrms({}, [onForce]);
    expect(entries[0]).toMatchObject({ builtInHost: true });
    expect(neededHostPatterns(entries)).toEqual([]);
  });
});

describe('checkRepCustomCrm', () => {
  it('refuses a config whose host is not literal, since no permission can be asked for it', () => {
    const checked = checkRepCustomCrm({ urlPattern: 'https://[^/]+/deals/(?<id>\\d+)' });
    expect(checked).toMatchObject({
      ok: false,
      error: expect.stringMatching(/must name one host literally/),
    });
  });

  it('refuses an invalid config with the generic adapter’s message', () => {
    expect(checkRepCustomCrm({ urlPattern: 'http://crm.example.com/(?<id>\\d+)' })).toMatchObject({
      ok: false,
      error: 'Custom CRM: urlPattern must start with https://.',
    });
  });
});
