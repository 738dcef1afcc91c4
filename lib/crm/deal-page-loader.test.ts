import { detectDealPage } from './deal-page-url';
import { POLL_MS, startLoader, type LoaderEnv } from './deal-page-loader';

const LIGHTNING = 'https://acme.lightning.force.com';
const HOME = `${LIGHTNING}/lightning/page/home`;
const DEAL = `${LIGHTNING}/lightning/r/Opportunity/006Ak00002GLBXaIAP/view`;
const OTHER_DEAL = `${LIGHTNING}/lightning/r/Opportunity/006Ak00002InTcEIAV/view`;

/** A page and an extension as the loader sees them; `go` navigates in place. */
function fakePage(href: string, options: { navigation?: boolean } = {}) {
  const navigation = options.navigation === false ? null : new EventTarget();
  const location = { href };
  const page = {
    get href() {
      return location.href;
    },
    set href(to: string) {
      location.href = to;
    },
    valid: true,
    navigation,
    requestSidebar: vi.fn<LoaderEnv['requestSidebar']>(async () => ({ injected: true })),
    isDealPage: vi.fn<LoaderEnv['isDealPage']>(() => detectDealPage(location.href) !== null),
    env(): LoaderEnv {
      return {
        href: () => page.href,
        navigation,
        isValid: () => page.valid,
        isDealPage: page.isDealPage,
        requestSidebar: page.requestSidebar,
      };
    },
    go(to: string) {
      page.href = to;
      navigation?.dispatchEvent(new Event('currententrychange'));
    },
  };
  return page;
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
});

describe('startLoader', () => {
  it('asks for the sidebar once on a deal page, then stops listening', async () => {
    const page = fakePage(DEAL);
    const removed = vi.spyOn(page.navigation!, 'removeEventListener');
    startLoader(page.env());
    page.go(OTHER_DEAL);
    await settle();
    expect(removed).toHaveBeenCalledWith('currententrychange', expect.any(Function));
    page.go(HOME);
    page.go(DEAL);
    await settle();
    expect(page.requestSidebar).toHaveBeenCalledTimes(1);
  });

  it('does nothing on a page that is not a deal', async () => {
    const page = fakePage(HOME);
    startLoader(page.env());
    page.go(`${LIGHTNING}/lightning/o/Opportunity/list`);
    await settle();
    expect(page.isDealPage).toHaveBeenCalledTimes(2);
    expect(page.requestSidebar).not.toHaveBeenCalled();
  });

  it('asks for the sidebar when the CRM navigates in place from another page to a deal', async () => {
    const page = fakePage(HOME);
    startLoader(page.env());
    page.go(DEAL);
    page.go(OTHER_DEAL);
    await settle();
    expect(page.requestSidebar).toHaveBeenCalledTimes(1);
  });

  it('asks again on the next deal when a request failed', async () => {
    const page = fakePage(DEAL);
    page.requestSidebar.mockRejectedValueOnce(new Error('Could not establish connection'));
    startLoader(page.env());
    await settle();
    page.go(OTHER_DEAL);
    await settle();
    expect(page.requestSidebar).toHaveBeenCalledTimes(2);
  });

  it('asks for the sidebar when a check that needs stored settings finds a deal', async () => {
    const page = fakePage(HOME);
    page.isDealPage.mockImplementation(async () => page.href === DEAL);
    startLoader(page.env());
    await settle();
    expect(page.requestSidebar).not.toHaveBeenCalled();
    page.go(DEAL);
    await settle();
    expect(page.requestSidebar).toHaveBeenCalledTimes(1);
  });

  it('does not ask for a deal the page has already left when a slower check answers', async () => {
    const page = fakePage(DEAL);
    page.isDealPage.mockImplementation(async () => true);
    startLoader(page.env());
    page.href = HOME;
    await settle();
    expect(page.requestSidebar).not.toHaveBeenCalled();
  });

  it('treats a check that failed as no deal', async () => {
    const page = fakePage(DEAL);
    page.isDealPage.mockRejectedValue(new Error('Extension context invalidated.'));
    startLoader(page.env());
    await settle();
    expect(page.requestSidebar).not.toHaveBeenCalled();
  });

  it('removes its listener at the first navigation after the extension context was invalidated', async () => {
    const page = fakePage(HOME);
    const removed = vi.spyOn(page.navigation!, 'removeEventListener');
    startLoader(page.env());
    page.valid = false;
    page.go(DEAL);
    await settle();
    expect(page.requestSidebar).not.toHaveBeenCalled();
    expect(removed).toHaveBeenCalledWith('currententrychange', expect.any(Function));
  });

  it('returns a teardown that removes its listener', async () => {
    const page = fakePage(HOME);
    startLoader(page.env())();
    page.go(DEAL);
    await settle();
    expect(page.requestSidebar).not.toHaveBeenCalled();
  });

  describe('without the Navigation API', () => {
    it('polls the URL', async () => {
      vi.useFakeTimers();
      const page = fakePage(HOME, { navigation: false });
      startLoader(page.env());
      page.href = DEAL;
      await vi.advanceTimersByTimeAsync(POLL_MS);
      expect(page.requestSidebar).toHaveBeenCalledTimes(1);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('stops polling once the extension context is invalidated, and on teardown', async () => {
      vi.useFakeTimers();
      const page = fakePage(HOME, { navigation: false });
      startLoader(page.env());
      expect(vi.getTimerCount()).toBe(1);
      page.valid = false;
      await vi.advanceTimersByTimeAsync(POLL_MS);
      expect(vi.getTimerCount()).toBe(0);

      startLoader(fakePage(HOME, { navigation: false }).env())();
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
