import { defineContentScript } from '#imports';
import { browser } from 'wxt/browser';
import { CRM_HOST_MATCHES } from '../../lib/crm/crm-hosts';
import { detectDealPage } from '../../lib/crm/deal-page-url';
import { MessageType } from '../../lib/messaging/protocol-names';

/**
 * The loader that runs on every CRM page. It only recognises deal URLs and asks the background
 * to inject the sidebar bundle, so pages that are not deals never load React.
 */
export default defineContentScript({
  matches: CRM_HOST_MATCHES,
  runAt: 'document_idle',
  main(ctx) {
    let requested = false;
    const requestSidebarIfDeal = (url: string) => {
      if (requested || !detectDealPage(url)) return;
      requested = true;
      browser.runtime.sendMessage({ type: MessageType.injectSidebar }).catch(() => {
        requested = false;
      });
    };
    requestSidebarIfDeal(location.href);
    ctx.addEventListener(window, 'wxt:locationchange', (event) => requestSidebarIfDeal(event.newUrl.href));
  },
});
