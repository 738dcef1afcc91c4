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

/** One started loader: what it was given and where it stands. */
interface LoaderRun {
  readonly page: LoaderPage;
  readonly isDealPage: DealPageCheck;
  readonly onUrlChange: () => void;
  requested: boolean;
  stopped: boolean;
  /** The URL at the last poll; only the polling fallback compares URLs. */
  lastHref?: string;
  timer?: ReturnType<typeof setInterval>;
}

/**
 * Asks for the sidebar once the page shows a deal: now, or after the CRM navigates in place.
 * Stops listening once the sidebar was requested (the sidebar follows navigation from then on) or at
 * the first URL change after the extension context was invalidated. Returns the teardown.
 */
export function startLoader(page: LoaderPage, isDealPage: DealPageCheck): () => void {
  // The handlers are module functions, not closures made here: on a page that is not a deal V8 then
  // compiles only this function and the deal check.
  const run: LoaderRun = {
    page,
    isDealPage,
    onUrlChange: () => onUrlChange(run),
    requested: false,
    stopped: false,
  };
  if (page.navigation) page.navigation.addEventListener('currententrychange', run.onUrlChange);
  else {
    run.lastHref = page.href();
    run.timer = setInterval(() => pollUrl(run), POLL_MS);
  }
  const verdict = isDealPage(page.url);
  if (verdict !== false) answer(run, verdict);
  return () => stop(run);
}

function stop(run: LoaderRun): void {
  run.stopped = true;
  run.page.navigation?.removeEventListener('currententrychange', run.onUrlChange);
  clearInterval(run.timer);
}

function request(run: LoaderRun): void {
  run.requested = true;
  run.page.requestSidebar().then(
    () => stop(run),
    () => {
      run.requested = false;
    },
  );
}

function answer(run: LoaderRun, verdict: boolean | Promise<boolean>): void {
  if (verdict === true) return request(run);
  if (verdict === false) return;
  const href = run.page.href();
  verdict.then(
    (isDeal) => {
      if (isDeal && !run.requested && !run.stopped && run.page.href() === href) request(run);
    },
    () => undefined,
  );
}

function onUrlChange(run: LoaderRun): void {
  if (run.stopped || !run.page.isValid()) return stop(run);
  if (!run.page.navigation) run.lastHref = run.page.href();
  if (!run.requested) answer(run, run.isDealPage(run.page.url));
}

function pollUrl(run: LoaderRun): void {
  if (run.page.href() !== run.lastHref || !run.page.isValid()) onUrlChange(run);
}
