import type { browser } from 'wxt/browser';
import type { LoaderExtension } from '../../lib/crm/deal-page-loader';
import { INJECT_SIDEBAR_TYPE } from '../../lib/messaging/protocol-names';

/**
 * The extension, as the loaders use it. They are bundled apart from WXT (scripts/build/crm-loaders.ts):
 * WXT's content-script context (a message and an event to the page, a location watcher, an
 * extension-API touch) would run on every CRM page, deal or not.
 */
export const THIS_EXTENSION: LoaderExtension = {
  isValid: () => extensionApi().runtime?.id !== undefined,
  requestSidebar: async () => extensionApi().runtime.sendMessage({ type: INJECT_SIDEBAR_TYPE }),
  // Builds made for the e2e tests tell the service worker, where a test listens, that the page is no
  // deal: the test waits for that instead of sleeping. Other builds compile this out (crm-loaders.ts).
  ...(import.meta.env.YARDSTICK_REPORT_LOADER_VERDICTS === 'report' ? { notADeal: reportNotADeal } : {}),
};

/** The message the e2e builds' loaders send when the page is not a deal; the background ignores it. */
export const NOT_A_DEAL_TYPE = 'loader→e2e-test:notADeal';

function reportNotADeal(): void {
  extensionApi()
    .runtime.sendMessage({ type: NOT_A_DEAL_TYPE, url: location.href, timeOrigin: performance.timeOrigin })
    .catch(() => undefined);
}

/**
 * The extension APIs, looked up on first use rather than at start-up as `wxt/browser` does: pages
 * that are not deals never touch them (the first touch sets up their bindings in the page's isolated
 * world).
 */
export function extensionApi(): typeof browser {
  const scope = globalThis as unknown as { browser?: typeof browser; chrome: typeof browser };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}
