import { defineUnlistedScript } from '#imports';
import type { browser } from 'wxt/browser';
import { CUSTOM_CRM_ADAPTERS_KEY } from '../../lib/crm/crm-hosts';
import { MessageType } from '../../lib/messaging/protocol-names';
import { startLoader } from './loader';

/**
 * The loader that runs on every CRM page: the built-in CRM hosts by the manifest (wxt.config.ts),
 * custom hosts by the background's runtime registration. It only recognises deal URLs and asks the
 * background to inject the sidebar bundle, so pages that are not deals never load React. An unlisted
 * script, not a WXT content script: WXT's content-script context costs every CRM page ~2 ms.
 */
export default defineUnlistedScript(() => {
  startLoader({
    href: () => location.href,
    navigation: (globalThis as { navigation?: EventTarget }).navigation ?? null,
    isValid: () => extension().runtime?.id !== undefined,
    requestSidebar: async () => extension().runtime.sendMessage({ type: MessageType.injectSidebar }),
    readCustomUrls: async () => {
      const stored = await extension().storage.local.get(CUSTOM_CRM_ADAPTERS_KEY);
      const custom: unknown = stored[CUSTOM_CRM_ADAPTERS_KEY];
      return Array.isArray(custom) ? custom : [];
    },
  });
});

/**
 * The extension APIs, looked up on first use as `wxt/browser` does at import: the first touch of
 * `runtime` costs the page about half a millisecond, which pages that are not deals need not pay.
 */
function extension(): typeof browser {
  const scope = globalThis as unknown as { browser?: typeof browser; chrome: typeof browser };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}
