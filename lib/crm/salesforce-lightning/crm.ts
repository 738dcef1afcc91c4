import type { CrmDeclaration } from '../crm-declaration';

/** Salesforce Lightning, the first CRM Yardstick read. Its API reading is lib/org/salesforce. */
export const salesforceLightningCrm: CrmDeclaration = {
  id: 'salesforce-lightning',
  // `*.force.com` is the narrowest pattern that covers Lightning, its sandboxes and Hyperforce's
  // `<domain>.lightning.<region>.force.com` (a match pattern cannot put a wildcard in the middle of a host).
  hosts: ['https://*.force.com/*', 'https://*.force.mil/*'],
  wording: {
    name: 'Salesforce',
    record: 'opportunity',
    idRule: 'a Salesforce opportunity id (15 or 18 letters and digits starting with 006)',
  },
  page: {
    documentTitle: /^(.+) \| Opportunity \| Salesforce$/,
    fieldLabels: {
      name: ['Opportunity Name', 'Opportunity-Name', "Nom de l'opportunité"],
      stage: ['Stage', 'Phase', 'Étape'],
      amount: ['Amount', 'Betrag', 'Montant'],
      closeDate: ['Close Date', 'Schlusstermin', 'Date de clôture'],
      owner: ['Opportunity Owner', 'Owner', 'Opportunity-Inhaber', "Propriétaire de l'opportunité"],
    },
  },
};
