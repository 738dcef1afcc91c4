import { configsForPage } from './configs-for-page';

const ACME = { urlPattern: 'https://crm\\.acme\\.com/deals/(?<id>\\d+)' };
const GLOBEX = { urlPattern: 'https://crm\\.globex\\.com/opportunities/(?<id>\\d+)' };
const ANY_TENANT = { urlPattern: 'https://[a-z]+\\.tenant\\.example/deals/(?<id>\\d+)' };

describe('configsForPage', () => {
  it('gives a page its own host’s configs and the patterns that name no single host, never another host’s', () => {
    expect(configsForPage([ACME, GLOBEX, ANY_TENANT], 'https://crm.acme.com/deals')).toEqual([
      ACME,
      ANY_TENANT,
    ]);
    expect(configsForPage([ACME, GLOBEX], 'https://crm.globex.com/opportunities/7')).toEqual([GLOBEX]);
  });

  it('gives nothing to a page that is not https or has no URL', () => {
    expect(configsForPage([ACME, ANY_TENANT], 'http://crm.acme.com/deals/1')).toEqual([]);
    expect(configsForPage([ACME], undefined)).toEqual([]);
  });
});
