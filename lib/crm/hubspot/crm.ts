import type { CrmDeclaration } from '../crm-declaration';

/** HubSpot deals, in the US and EU data centres. */
export const hubspotCrm: CrmDeclaration = {
  id: 'hubspot',
  hosts: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*'],
  wording: { name: 'HubSpot', record: 'deal', idRule: 'a HubSpot deal id (digits)' },
  page: {
    // `<deal name> | HubSpot`; the bare product name is the title of every other page.
    documentTitle: /^(.+?) \| HubSpot$/,
    fieldLabels: {
      name: ['Deal name', 'Deal-Name', 'Nom de la transaction'],
      stage: ['Deal stage', 'Stage', 'Deal-Phase', 'Phase de la transaction'],
      amount: ['Amount', 'Betrag', 'Montant'],
      closeDate: ['Close date', 'Abschlussdatum', 'Date de fermeture'],
      owner: ['Deal owner', 'Owner', 'Deal-Inhaber', 'Propriétaire de la transaction'],
    },
  },
};
