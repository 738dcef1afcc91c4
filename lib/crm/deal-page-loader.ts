// Bundled into every CRM loader, which runs on every page of a CRM: no runtime imports. Everything that
// runs on a page that is not a deal is compiled and run on that page's main thread, so the start path
// calls as few functions as it can: the deal check and the listener registration.
import type { UrlParts } from './deal-urls/url-parts';

/** What a loader uses of the page and the extension; the extension APIs are touched only when needed. */
export interface LoaderPage {
  /** The page's URL, read live (the page's own `Location`). */
  url: UrlParts;
  /** The page's URL now, as a string. */
  href(): string;
  /** The Navigation API, or null where the browser has none (the URL is then polled). */
  navigation: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** False once the extension was reloaded, updated or removed under the page. */
  isValid(): boolean;
  /** Asks the background to inject the sidebar; rejects when the request failed. */
  requestSidebar(): Promise<unknown>;
}

/**
 * Whether the page shows a deal now: at once for a built-in CRM, whose URLs the loader knows; a
 * promise on a custom host, whose URL patterns are in the extension's storage.
 */
export type DealPageCheck = (url: UrlParts) => boolean | Promise<boolean>;

/** How often the URL is compared where there is no Navigation API. */
export const POLL_MS = 1000;

/**
 * Asks for the sidebar once the page shows a deal: now, or after the CRM navigates in place.
 * Stops listening once the sidebar was requested (the sidebar follows navigation from then on) or at
 * the first URL change after the extension context was invalidated. Returns the teardown.
 */
export function startLoader(page: LoaderPage, isDealPage: DealPageCheck): () => void {
  let requested = false;
  let stopped = false;
  // Only the polling fallback compares URLs; with the Navigation API the URL is read on a change.
  let lastHref: string | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;

  const stop = () => {
    stopped = true;
    page.navigation?.removeEventListener('currententrychange', onUrlChange);
    clearInterval(timer);
  };
  const request = () => {
    requested = true;
    page.requestSidebar().then(stop, () => {
      requested = false;
    });
  };
  const answer = (verdict: boolean | Promise<boolean>) => {
    if (verdict === true) return request();
    if (verdict === false) return;
    const href = page.href();
    verdict.then(
      (isDeal) => {
        if (isDeal && !requested && !stopped && page.href() === href) request();
      },
      () => undefined,
    );
  };
  function onUrlChange() {
    if (stopped || !page.isValid()) return stop();
    if (!page.navigation) lastHref = page.href();
    if (!requested) answer(isDealPage(page.url));
  }

  if (page.navigation) page.navigation.addEventListener('currententrychange', onUrlChange);
  else {
    lastHref = page.href();
    timer = setInterval(() => {
      if (page.href() !== lastHref || !page.isValid()) onUrlChange();
    }, POLL_MS);
  }
  const verdict = isDealPage(page.url);
  if (verdict !== false) answer(verdict);
  return stop;
}
