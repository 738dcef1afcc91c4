import { defineUnlistedScript } from '#imports';
import { startLoader } from '../lib/crm/deal-page-loader';
import { showsDynamics365Deal } from '../lib/crm/deal-urls/dynamics365-deal-url';
import { THIS_PAGE } from './crm-loaders/page-loader-env';

/**
 * Runs on every Dynamics 365 page (the manifest's content script for its hosts, see wxt.config.ts).
 * It carries only Dynamics 365's deal URLs and asks the background for the sidebar on a deal.
 */
export default defineUnlistedScript(() => {
  startLoader(THIS_PAGE, showsDynamics365Deal);
});
