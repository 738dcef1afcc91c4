import type { browser } from 'wxt/browser';
import type { LoaderPage } from '../../lib/crm/deal-page-loader';
import { INJECT_SIDEBAR_TYPE } from '../../lib/messaging/protocol-names';

/**
 * This page and the extension, as the loaders see them. The loaders are unlisted scripts named in the
 * manifest, not WXT content scripts: WXT's content-script context (a message and an event to the page,
 * a location watcher, an extension-API touch) would run on every CRM page, deal or not.
 */
export const THIS_PAGE: LoaderPage = {
  url: location,
  href: () => location.href,
  navigation: (globalThis as { navigation?: EventTarget }).navigation ?? null,
  isValid: () => extensionApi().runtime?.id !== undefined,
  requestSidebar: async () => extensionApi().runtime.sendMessage({ type: INJECT_SIDEBAR_TYPE }),
};

/**
 * The extension APIs, looked up on first use rather than at start-up as `wxt/browser` does: pages
 * that are not deals never touch them.
 */
export function extensionApi(): typeof browser {
  const scope = globalThis as unknown as { browser?: typeof browser; chrome: typeof browser };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}
