import { defineContentScript } from '#imports';
import type { browser } from 'wxt/browser';
import { CRM_HOST_MATCHES, CUSTOM_CRM_ADAPTERS_KEY } from '../../lib/crm/crm-hosts';
import { MessageType } from '../../lib/messaging/protocol-names';
import { startLoader } from './loader';

/**
 * The loader that runs on every CRM page: the built-in CRM hosts by the manifest, custom hosts by the
 * background's runtime registration. It only recognises deal URLs and asks the background to inject
 * the sidebar bundle, so pages that are not deals never load React. It runs on every load of every
 * CRM page: the work is in ./loader.ts, and the extension APIs are only touched when needed.
 */
export default defineContentScript({
  matches: CRM_HOST_MATCHES,
  runAt: 'document_idle',
  // WXT also announces the script to the page's own scripts with a postMessage: a task for nothing.
  noScriptStartedPostMessage: true,
  main(ctx) {
    ctx.onInvalidated(
      startLoader({
        href: () => location.href,
        navigation: (globalThis as { navigation?: EventTarget }).navigation ?? null,
        isValid: () => ctx.isValid,
        requestSidebar: async () => extension().runtime.sendMessage({ type: MessageType.injectSidebar }),
        readCustomUrls: async () => {
          const stored = await extension().storage.local.get(CUSTOM_CRM_ADAPTERS_KEY);
          const custom: unknown = stored[CUSTOM_CRM_ADAPTERS_KEY];
          return Array.isArray(custom) ? custom : [];
        },
      }),
    );
  },
});

/**
 * The extension APIs, looked up on first use as `wxt/browser` does at import: the first touch of
 * `runtime` costs the page about half a millisecond, which pages that are not deals need not pay.
 */
function extension(): typeof browser {
  const scope = globalThis as unknown as { browser?: typeof browser; chrome: typeof browser };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}
