import { customHostDealCheck } from './custom-host-deal-check';

const CUSTOM_URLS = [{ urlPattern: 'https://crm\\.example\\.com/deals/(?<id>\\d+)' }];

describe('customHostDealCheck', () => {
  it("matches the page's URL against the custom deal URL patterns, read once", async () => {
    let href = 'https://crm.example.com/home';
    const read = vi.fn(async () => CUSTOM_URLS);
    const isDealPage = customHostDealCheck(() => href, read);
    expect(await isDealPage()).toBe(false);
    href = 'https://crm.example.com/deals/42';
    expect(await isDealPage()).toBe(true);
    href = 'https://crm.example.com/deals/42x';
    expect(await isDealPage()).toBe(false);
    expect(read).toHaveBeenCalledTimes(1);
  });

  it('judges the URL the page had when asked, not the one it has when the patterns arrive', async () => {
    let href = 'https://crm.example.com/deals/42';
    const isDealPage = customHostDealCheck(
      () => href,
      async () => CUSTOM_URLS,
    );
    const verdict = isDealPage();
    href = 'https://crm.example.com/home';
    expect(await verdict).toBe(true);
  });

  it('treats unreadable or missing patterns as none', async () => {
    const href = () => 'https://crm.example.com/deals/42';
    expect(
      await customHostDealCheck(href, async () =>
        Promise.reject(new Error('Extension context invalidated.')),
      )(),
    ).toBe(false);
    expect(await customHostDealCheck(href, async () => [])()).toBe(false);
  });

  it('never takes a built-in CRM page for a custom deal', async () => {
    const anyDeal = [{ urlPattern: 'https://[^/]+/deal/(?<id>\\d+)' }];
    const isDealPage = customHostDealCheck(
      () => 'https://acme.pipedrive.com/deal/1042/extra',
      async () => anyDeal,
    );
    expect(await isDealPage()).toBe(false);
  });
});
