import { defineUnlistedScript } from '#imports';
import { startLoader } from '../lib/crm/deal-page-loader';
import { showsSalesforceLightningDeal } from '../lib/crm/deal-urls/salesforce-lightning-deal-url';
import { THIS_PAGE } from './crm-loaders/page-loader-env';

/**
 * Runs on every Salesforce Lightning page (the manifest's content script for its hosts, see wxt.config.ts).
 * It carries only Salesforce Lightning's deal URLs and asks the background for the sidebar on a deal.
 */
export default defineUnlistedScript(() => {
  startLoader(THIS_PAGE, showsSalesforceLightningDeal);
});
