// Bundled into every CRM loader, which runs on every page of a CRM: no runtime imports. Everything that
// runs on a page that is not a deal is compiled and run on that page's main thread, so the start path
// calls as few functions as it can: the deal check and the listener registration.
import type { UrlParts } from './deal-page-match';

/** What a loader uses of the extension; its APIs are touched only on a deal or after a navigation. */
export interface LoaderExtension {
  /** False once the extension was reloaded, updated or removed under the page. */
  isValid(): boolean;
  /** Asks the background to inject the sidebar; rejects when the request failed. */
  requestSidebar(): Promise<unknown>;
  /** Told each time the loader found the page is not a deal; only builds made for the e2e tests listen. */
  notADeal?(): void;
}

/** The part of the Navigation API the loader listens to. */
type NavigationEvents = Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;

/**
 * Whether the page shows a deal now: at once for a built-in CRM, whose URLs the loader knows; a
 * promise on a custom host, whose URL patterns the background holds.
 */
export type DealPageCheck = (url: UrlParts) => boolean | Promise<boolean>;

/** How often the URL is compared where there is no Navigation API. */
export const POLL_MS = 1000;

/** One started loader: what it was given and where it stands. */
interface LoaderRun {
  readonly extension: LoaderExtension;
  readonly isDealPage: DealPageCheck;
  /** The Navigation API, or undefined where the browser has none (the URL is then polled). */
  readonly navigation: NavigationEvents | undefined;
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
export function startLoader(isDealPage: DealPageCheck, extension: LoaderExtension): () => void {
  // The handlers are module functions, not closures made here, and the page is read from its globals,
  // not through an object of accessors: on a page that is not a deal V8 then compiles only this
  // function and the deal check.
  const navigation = (globalThis as { navigation?: NavigationEvents }).navigation;
  const run: LoaderRun = {
    extension,
    isDealPage,
    navigation,
    onUrlChange: () => onUrlChange(run),
    requested: false,
    stopped: false,
  };
  if (navigation) navigation.addEventListener('currententrychange', run.onUrlChange);
  else {
    run.lastHref = location.href;
    run.timer = setInterval(() => pollUrl(run), POLL_MS);
  }
  const verdict = isDealPage(location);
  if (verdict !== false) answer(run, verdict);
  else extension.notADeal?.();
  return () => stop(run);
}

function stop(run: LoaderRun): void {
  run.stopped = true;
  run.navigation?.removeEventListener('currententrychange', run.onUrlChange);
  clearInterval(run.timer);
}

function request(run: LoaderRun): void {
  run.requested = true;
  run.extension.requestSidebar().then(
    () => stop(run),
    () => {
      run.requested = false;
    },
  );
}

function answer(run: LoaderRun, verdict: boolean | Promise<boolean>): void {
  if (verdict === true) return request(run);
  if (verdict === false) return run.extension.notADeal?.();
  const href = location.href;
  verdict.then(
    (isDeal) => {
      if (!isDeal) run.extension.notADeal?.();
      else if (!run.requested && !run.stopped && location.href === href) request(run);
    },
    () => undefined,
  );
}

function onUrlChange(run: LoaderRun): void {
  if (run.stopped || !run.extension.isValid()) return stop(run);
  if (!run.navigation) run.lastHref = location.href;
  if (!run.requested) answer(run, run.isDealPage(location));
}

function pollUrl(run: LoaderRun): void {
  if (location.href !== run.lastHref || !run.extension.isValid()) onUrlChange(run);
}
