import { detectDealPage } from './deal-page-url';
import { POLL_MS, startLoader, type DealPageCheck, type LoaderExtension } from './deal-page-loader';

const LIGHTNING = 'https://acme.lightning.force.com';
const HOME = `${LIGHTNING}/lightning/page/home`;
const DEAL = `${LIGHTNING}/lightning/r/Opportunity/006Ak00002GLBXaIAP/view`;
const OTHER_DEAL = `${LIGHTNING}/lightning/r/Opportunity/006Ak00002InTcEIAV/view`;

/** Moves the test page's own location (happy-dom's), as an in-place navigation of the CRM does. */
function setUrl(href: string): void {
  (globalThis as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);
}

/**
 * The page at `href`, with a Navigation API stand-in (happy-dom has none) unless `navigation: false`,
 * and an extension as the loader sees it; `go` navigates in place.
 */
function fakePage(href: string, options: { navigation?: boolean } = {}) {
  const navigation = options.navigation === false ? undefined : new EventTarget();
  vi.stubGlobal('navigation', navigation);
  setUrl(href);
  const page = {
    valid: true,
    navigation,
    requestSidebar: vi.fn<LoaderExtension['requestSidebar']>(async () => ({ injected: true })),
    isDealPage: vi.fn<DealPageCheck>(
      (at) => detectDealPage(`https://${at.hostname}${at.pathname}${at.search}${at.hash}`) !== null,
    ),
    extension(): LoaderExtension {
      return { isValid: () => page.valid, requestSidebar: page.requestSidebar };
    },
    go(to: string) {
      setUrl(to);
      navigation?.dispatchEvent(new Event('currententrychange'));
    },
  };
  return page;
}

/** Starts the loader on a fake page, with the page's deal check. */
const start = (page: ReturnType<typeof fakePage>) => startLoader(page.isDealPage, page.extension());

/** Lets pending promise callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('startLoader', () => {
  it('asks for the sidebar once on a deal page, then stops listening', async () => {
    const page = fakePage(DEAL);
    const removed = vi.spyOn(page.navigation!, 'removeEventListener');
    start(page);
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
    start(page);
    page.go(`${LIGHTNING}/lightning/o/Opportunity/list`);
    await settle();
    expect(page.isDealPage).toHaveBeenCalledTimes(2);
    // The check reads the page's live URL, which has moved on by the second call.
    expect(page.isDealPage.mock.calls[1]?.[0].pathname).toBe('/lightning/o/Opportunity/list');
    expect(page.requestSidebar).not.toHaveBeenCalled();
  });

  it('tells the extension each time it finds no deal, at once or once a slower check answers', async () => {
    const page = fakePage(HOME);
    const notADeal = vi.fn();
    startLoader(page.isDealPage, { ...page.extension(), notADeal });
    expect(notADeal).toHaveBeenCalledTimes(1);
    page.isDealPage.mockImplementation(async () => location.href === DEAL);
    page.go(`${LIGHTNING}/lightning/o/Opportunity/list`);
    await settle();
    expect(notADeal).toHaveBeenCalledTimes(2);
    page.go(DEAL);
    await settle();
    expect(notADeal).toHaveBeenCalledTimes(2);
    expect(page.requestSidebar).toHaveBeenCalledTimes(1);
  });

  it('asks for the sidebar when the CRM navigates in place from another page to a deal', async () => {
    const page = fakePage(HOME);
    start(page);
    page.go(DEAL);
    page.go(OTHER_DEAL);
    await settle();
    expect(page.requestSidebar).toHaveBeenCalledTimes(1);
  });

  it('asks again on the next deal when a request failed', async () => {
    const page = fakePage(DEAL);
    page.requestSidebar.mockRejectedValueOnce(new Error('Could not establish connection'));
    start(page);
    await settle();
    page.go(OTHER_DEAL);
    await settle();
    expect(page.requestSidebar).toHaveBeenCalledTimes(2);
  });

  it('asks for the sidebar when a check that needs stored settings finds a deal', async () => {
    const page = fakePage(HOME);
    page.isDealPage.mockImplementation(async () => location.href === DEAL);
    start(page);
    await settle();
    expect(page.requestSidebar).not.toHaveBeenCalled();
    page.go(DEAL);
    await settle();
    expect(page.requestSidebar).toHaveBeenCalledTimes(1);
  });

  it('does not ask for a deal the page has already left when a slower check answers', async () => {
    const page = fakePage(DEAL);
    page.isDealPage.mockImplementation(async () => true);
    start(page);
    setUrl(HOME);
    await settle();
    expect(page.requestSidebar).not.toHaveBeenCalled();
  });

  it('treats a check that failed as no deal', async () => {
    const page = fakePage(DEAL);
    page.isDealPage.mockRejectedValue(new Error('Extension context invalidated.'));
    start(page);
    await settle();
    expect(page.requestSidebar).not.toHaveBeenCalled();
  });

  it('removes its listener at the first navigation after the extension context was invalidated', async () => {
    const page = fakePage(HOME);
    const removed = vi.spyOn(page.navigation!, 'removeEventListener');
    start(page);
    page.valid = false;
    page.go(DEAL);
    await settle();
    expect(page.requestSidebar).not.toHaveBeenCalled();
    expect(removed).toHaveBeenCalledWith('currententrychange', expect.any(Function));
  });

  it('returns a teardown that removes its listener', async () => {
    const page = fakePage(HOME);
    start(page)();
    page.go(DEAL);
    await settle();
    expect(page.requestSidebar).not.toHaveBeenCalled();
  });

  describe('without the Navigation API', () => {
    it('polls the URL', async () => {
      vi.useFakeTimers();
      const page = fakePage(HOME, { navigation: false });
      start(page);
      setUrl(DEAL);
      await vi.advanceTimersByTimeAsync(POLL_MS);
      expect(page.requestSidebar).toHaveBeenCalledTimes(1);
      expect(vi.getTimerCount()).toBe(0);
    });

    it('stops polling once the extension context is invalidated, and on teardown', async () => {
      vi.useFakeTimers();
      const page = fakePage(HOME, { navigation: false });
      start(page);
      expect(vi.getTimerCount()).toBe(1);
      page.valid = false;
      await vi.advanceTimersByTimeAsync(POLL_MS);
      expect(vi.getTimerCount()).toBe(0);

      start(fakePage(HOME, { navigation: false }))();
      expect(vi.getTimerCount()).toBe(0);
    });
  });
});
