import type { browser } from 'wxt/browser';
import type { LoaderEnv } from '../../lib/crm/deal-page-loader';
import { INJECT_SIDEBAR_TYPE } from '../../lib/messaging/protocol-names';

/**
 * The loader's view of this page and of the extension, around a CRM's deal check. The loaders are
 * unlisted scripts named in the manifest, not WXT content scripts: WXT's content-script context costs
 * every CRM page ~2 ms.
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
 * The extension APIs, looked up on first use as `wxt/browser` does at import: the first touch of
 * `runtime` costs the page about half a millisecond, which pages that are not deals need not pay.
 */
export function extensionApi(): typeof browser {
  const scope = globalThis as unknown as { browser?: typeof browser; chrome: typeof browser };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}
