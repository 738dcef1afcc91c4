import type { CrmDeclaration } from '../crm-declaration';
import { hubspotAdapter } from './page';

/** HubSpot deals, in the US and EU data centres. */
export const hubspotCrm: CrmDeclaration = {
  id: 'hubspot',
  hosts: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  wording: { name: 'HubSpot', record: 'deal', idRule: 'a HubSpot deal id (digits)' },
  adapter: hubspotAdapter,
};
