// Runs on every HubSpot page: the manifest's content script for its hosts (wxt.config.ts), bundled
// by scripts/build/crm-loaders.ts. It carries only HubSpot's deal URLs.
import { startLoader } from '../../lib/crm/deal-page-loader';
import { showsHubspotDeal } from '../../lib/crm/deal-urls/hubspot-deal-url';
import { THIS_EXTENSION } from './page-loader-env';

startLoader(showsHubspotDeal, THIS_EXTENSION);
