// Bundled into every CRM loader, which runs on every page of a CRM: no runtime imports.

/** What a loader uses of the page and the extension; the extension APIs are touched only when needed. */
export interface LoaderEnv {
  /** The page's URL now. */
  href(): string;
  /** The Navigation API, or null where the browser has none (the URL is then polled). */
  navigation: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> | null;
  /** False once the extension was reloaded, updated or removed under the page. */
  isValid(): boolean;
  /**
   * Whether the page shows a deal now: at once for a built-in CRM, whose URLs the loader knows; a
   * promise on a custom host, whose URL patterns are in the extension's storage.
   */
  isDealPage(): boolean | Promise<boolean>;
  /** Asks the background to inject the sidebar; rejects when the request failed. */
  requestSidebar(): Promise<unknown>;
}

/** How often the URL is compared where there is no Navigation API. */
export const POLL_MS = 1000;

/**
 * Asks for the sidebar once the page shows a deal: now, or after the CRM navigates in place.
 * Stops listening once the sidebar was requested (the sidebar follows navigation from then on) or at
 * the first URL change after the extension context was invalidated. Returns the teardown.
 */
export function startLoader(env: LoaderEnv): () => void {
  let requested = false;
  let stopped = false;
  // Only the polling fallback compares URLs; with the Navigation API the URL is read on a change.
  let lastHref: string | undefined;
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
  const check = () => {
    const verdict = env.isDealPage();
    if (verdict === true) return request();
    if (verdict === false) return;
    const url = env.href();
    verdict.then(
      (isDeal) => {
        if (isDeal && !requested && !stopped && env.href() === url) request();
      },
      () => undefined,
    );
  };
  function onUrlChange() {
    if (stopped || !env.isValid()) return stop();
    lastHref = env.href();
    if (!requested) check();
  }

  if (env.navigation) env.navigation.addEventListener('currententrychange', onUrlChange);
  else {
    lastHref = env.href();
    timer = setInterval(() => {
      if (env.href() !== lastHref || !env.isValid()) onUrlChange();
    }, POLL_MS);
  }
  check();
  return stop;
}
