import type { browser } from 'wxt/browser';
import type { LoaderEnv } from '../../lib/crm/deal-page-loader';
import { INJECT_SIDEBAR_TYPE } from '../../lib/messaging/protocol-names';

/**
 * The loader's view of this page and of the extension, around a CRM's deal check. The loaders are
 * unlisted scripts named in the manifest, not WXT content scripts: WXT's content-script context (a
 * message and an event to the page, a location watcher, an extension-API touch) would run on every
 * CRM page, deal or not.
 */
export function pageLoaderEnv(isDealPage: LoaderEnv['isDealPage']): LoaderEnv {
  return {
    href: () => location.href,
    navigation: (globalThis as { navigation?: EventTarget }).navigation ?? null,
    isValid: () => extensionApi().runtime?.id !== undefined,
    isDealPage,
    requestSidebar: async () => extensionApi().runtime.sendMessage({ type: INJECT_SIDEBAR_TYPE }),
  };
}

/**
 * The extension APIs, looked up on first use rather than at start-up as `wxt/browser` does: pages
 * that are not deals never touch them.
 */
export function extensionApi(): typeof browser {
  const scope = globalThis as unknown as { browser?: typeof browser; chrome: typeof browser };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}
