import type { CrmDeclaration } from '../crm-declaration';

/** Salesforce Lightning, the first CRM Yardstick read. Its API reading is lib/org/salesforce. */
export const salesforceLightningCrm: CrmDeclaration = {
  id: 'salesforce-lightning',
  // The hosts the URL check accepts: `<domain>.lightning.force.com` and its partitions (sandbox,
  // develop, scratch, demo, patch, trailblaze), and government `.force.mil`. Not `*.force.com`, which
  // is also every org's Visualforce, Experience Cloud and Sites hosts.
  hosts: ['https://*.lightning.force.com/*', 'https://*.lightning.force.mil/*'],
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
