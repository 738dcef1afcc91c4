import type { CrmDeclaration } from '../crm-declaration';
import { salesforceClassicAdapter } from './page';

/** Salesforce Classic: the same org's records as Lightning, under Lightning's deal keys. Its API reading is lib/org/salesforce. */
export const salesforceClassicCrm: CrmDeclaration = {
  id: 'salesforce-classic',
  hosts: ['https://*.my.salesforce.com/*', 'https://*.my.salesforce.mil/*'],
  wording: {
    name: 'Salesforce',
    record: 'opportunity',
    idRule: 'a Salesforce opportunity id (15 or 18 letters and digits starting with 006)',
  },
  adapter: salesforceClassicAdapter,
};
