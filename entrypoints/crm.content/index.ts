import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import { CRM_HOST_MATCHES, CUSTOM_CRM_ADAPTERS_KEY } from '../../lib/crm/crm-hosts';
import { detectDealPage, isBuiltInCrmHost, type CustomDealUrl } from '../../lib/crm/deal-page-url';
import { MessageType } from '../../lib/messaging/protocol-names';

/**
 * The loader that runs on every CRM page: the built-in CRM hosts by the manifest, custom hosts by the
 * background's runtime registration. It only recognises deal URLs and asks the background to inject
 * the sidebar bundle, so pages that are not deals never load React.
 */
export default defineContentScript({
  matches: CRM_HOST_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    let requested = false;
    // Custom hosts' URL patterns, read once and only on hosts that are not a built-in CRM's.
    let customUrls: Promise<readonly CustomDealUrl[]> | undefined;
    const readCustomUrls = () =>
      (customUrls ??= browser.storage.local.get(CUSTOM_CRM_ADAPTERS_KEY).then(
        (stored) => (Array.isArray(stored[CUSTOM_CRM_ADAPTERS_KEY]) ? stored[CUSTOM_CRM_ADAPTERS_KEY] : []),
        () => [],
      ));
    const requestSidebar = () => {
      requested = true;
      browser.runtime.sendMessage({ type: MessageType.injectSidebar }).catch(() => {
        requested = false;
      });
    };
    const requestSidebarIfDeal = (url: string) => {
      if (requested) return;
      if (detectDealPage(url)) return requestSidebar();
      // Custom patterns never apply on a built-in CRM's host: no storage read on its other pages.
      if (isBuiltInCrmHost(url)) return;
      void readCustomUrls().then((custom) => {
        const stillThere = location.href === url;
        if (!requested && stillThere && custom.length > 0 && detectDealPage(url, custom)) requestSidebar();
      });
    };
    requestSidebarIfDeal(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', (event) => requestSidebarIfDeal(event.newUrl.href));
  },
});
