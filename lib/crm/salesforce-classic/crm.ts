import type { CrmDeclaration } from '../crm-declaration';

/** Salesforce Classic: the same org's records as Lightning, under Lightning's deal keys. Its API reading is lib/org/salesforce. */
export const salesforceClassicCrm: CrmDeclaration = {
  id: 'salesforce-classic',
  // `<domain>.my.salesforce.com` and its partitions (`<domain>--uat.sandbox.my.salesforce.com`).
  hosts: ['https://*.my.salesforce.com/*', 'https://*.my.salesforce.mil/*'],
  wording: {
    name: 'Salesforce',
    record: 'opportunity',
    idRule: 'a Salesforce opportunity id (15 or 18 letters and digits starting with 006)',
  },
  page: {
    // `Opportunity: <name> ~ Salesforce - <edition>`; the object label is translated.
    documentTitle: /^[^:~]{1,60}: (.+) ~ Salesforce\b/,
    fieldLabels: {
      name: ['Opportunity Name', 'Opportunity-Name', "Nom de l'opportunité"],
      stage: ['Stage', 'Phase', 'Étape'],
      amount: ['Amount', 'Betrag', 'Montant'],
      closeDate: ['Close Date', 'Schlusstermin', 'Date de clôture'],
      owner: ['Opportunity Owner', 'Owner', 'Opportunity-Inhaber', "Propriétaire de l'opportunité"],
    },
  },
};
