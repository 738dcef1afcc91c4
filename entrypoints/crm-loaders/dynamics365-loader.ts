// Runs on every Dynamics 365 page: the manifest's content script for its hosts (wxt.config.ts), bundled
// by scripts/build/crm-loaders.ts. It carries only Dynamics 365's deal URLs.
import { startLoader } from '../../lib/crm/deal-page-loader';
import { showsDeal } from '../../lib/crm/dynamics365/url';
import { THIS_EXTENSION } from './page-loader-env';

startLoader(showsDeal, THIS_EXTENSION);
