// Runs on every Salesforce Lightning page: the manifest's content script for its hosts (wxt.config.ts), bundled
// by scripts/build/crm-loaders.ts. It carries only Salesforce Lightning's deal URLs.
import { startLoader } from '../../lib/crm/deal-page-loader';
import { showsDeal } from '../../lib/crm/salesforce-lightning/url';
import { THIS_EXTENSION } from './page-loader-env';

startLoader(showsDeal, THIS_EXTENSION);
