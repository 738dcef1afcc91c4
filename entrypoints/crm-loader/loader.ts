import { detectBuiltInDealPage, detectDealPage, type CustomDealUrl } from '../../lib/crm/deal-page-url';

/** What the loader uses of the page and the extension; the extension APIs are touched only when needed. */
export interface LoaderEnv {
  /** The page's URL now. */
  href(): string;
  /** The Navigation API, or null where the browser has none (the URL is then polled). */
  navigation: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** False once the extension was reloaded, updated or removed under the page. */
  isValid(): boolean;
  /** Asks the background to inject the sidebar; rejects when the request failed. */
  requestSidebar(): Promise<unknown>;
  /** The custom CRM hosts' deal URL patterns. */
  readCustomUrls(): Promise<readonly CustomDealUrl[]>;
}

/** How often the URL is compared where there is no Navigation API. */
export const POLL_MS = 1000;

/**
 * Asks for the sidebar once the page's URL is a deal: now, or after the CRM navigates in place.
 * Stops listening once the sidebar was requested (the sidebar follows navigation from then on) or at
 * the first URL change after the extension context was invalidated. Returns the teardown.
 */
export function startLoader(env: LoaderEnv): () => void {
  let requested = false;
  let stopped = false;
  let customUrls: Promise<readonly CustomDealUrl[]> | undefined;
  let lastHref = env.href();
  let timer: ReturnType<typeof setInterval> | undefined;

  const stop = () => {
    stopped = true;
    env.navigation?.removeEventListener('currententrychange', onUrlChange);
    clearInterval(timer);
  };
  const request = () => {
    requested = true;
    env.requestSidebar().then(stop, () => {
      requested = false;
    });
  };
  const check = (url: string) => {
    const builtIn = detectBuiltInDealPage(url);
    if (builtIn) return request();
    // Custom patterns never apply on a built-in CRM's host: no storage read on its other pages.
    if (builtIn === null) return;
    customUrls ??= env.readCustomUrls().catch(() => []);
    void customUrls.then((custom) => {
      const stillThere = env.href() === url;
      if (!requested && !stopped && stillThere && custom.length > 0 && detectDealPage(url, custom)) request();
    });
  };
  function onUrlChange() {
    if (stopped || !env.isValid()) return stop();
    const url = env.href();
    lastHref = url;
    if (!requested) check(url);
  }

  if (env.navigation) env.navigation.addEventListener('currententrychange', onUrlChange);
  else
    timer = setInterval(() => {
      if (env.href() !== lastHref || !env.isValid()) onUrlChange();
    }, POLL_MS);
  check(lastHref);
  return stop;
}
