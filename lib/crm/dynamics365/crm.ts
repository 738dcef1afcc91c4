import type { CrmDeclaration } from '../crm-declaration';
import { dynamics365Adapter } from './page';

/** Dynamics 365 Sales opportunities. */
export const dynamics365Crm: CrmDeclaration = {
  id: 'dynamics365',
  // `<org>.crm<N>.dynamics.com`
  hosts: ['https://*.dynamics.com/*'],
  wording: {
    name: 'Dynamics 365',
    record: 'opportunity',
    idRule: 'a Dynamics 365 record id (a GUID such as 7c1d3a52-9e1b-ee11-8f6d-000d3a4b5c6d)',
  },
  adapter: dynamics365Adapter,
};
