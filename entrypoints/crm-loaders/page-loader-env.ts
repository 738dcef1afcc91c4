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
};

/**
 * The extension APIs, looked up on first use rather than at start-up as `wxt/browser` does: pages
 * that are not deals never touch them (the first touch sets up their bindings in the page's isolated
 * world).
 */
export function extensionApi(): typeof browser {
  const scope = globalThis as unknown as { browser?: typeof browser; chrome: typeof browser };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}
