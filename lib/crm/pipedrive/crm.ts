import type { CrmDeclaration } from '../crm-declaration';
import { pipedriveAdapter } from './page';

/** Pipedrive deals. */
export const pipedriveCrm: CrmDeclaration = {
  id: 'pipedrive',
  // `<company>.pipedrive.com`
  hosts: ['https://*.pipedrive.com/*'],
  wording: { name: 'Pipedrive', record: 'deal', idRule: 'a Pipedrive deal id (digits)' },
  adapter: pipedriveAdapter,
};
