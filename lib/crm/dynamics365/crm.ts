import type { CrmDeclaration } from '../crm-declaration';

// Microsoft's documented regional hosts `<org>.crm<N>.dynamics.com` (crm: North America, crm2 South
// America, crm3 Canada, crm4 Europe, crm5 Asia Pacific, crm6 Australia, crm7 Japan, crm8 India, crm9
// US GCC, crm11 UK, crm12 France, crm14 South Africa, crm15 UAE, crm16 Germany, crm17 Switzerland,
// crm19 Norway, crm20 Singapore, crm21 Korea). A match pattern cannot say `crm*`, and `*.dynamics.com`
// is also Finance and Operations, Business Central and Microsoft's other Dynamics sites.
const REGION_NUMBERS = ['', 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 14, 15, 16, 17, 19, 20, 21];

/** Dynamics 365 Sales opportunities. */
export const dynamics365Crm: CrmDeclaration = {
  id: 'dynamics365',
  // The sovereign clouds' hosts (US GCC High and DoD, China), which the URL check also knows, are
  // added as custom CRM hosts by the organisations that use them.
  hosts: REGION_NUMBERS.map((number) => `https://*.crm${number}.dynamics.com/*`),
  wording: {
    name: 'Dynamics 365',
    record: 'opportunity',
    idRule: 'a Dynamics 365 record id (a GUID such as 7c1d3a52-9e1b-ee11-8f6d-000d3a4b5c6d)',
  },
  page: {
    // `<table>: <form>: <topic> - Dynamics 365`, or the topic alone before the form is named.
    documentTitle: /^(?:[^:]{1,40}: [^:]{1,60}: )?(.+?) - Dynamics 365$/,
    fieldLabels: {
      name: ['Topic', 'Thema', 'Sujet'],
      stage: [
        'Pipeline Phase',
        'Pipelinephase',
        'Phase du pipeline',
        'Sales Stage',
        'Verkaufsphase',
        'Étape de vente',
      ],
      amount: ['Est. Revenue', 'Estimated Revenue', 'Geschätzter Umsatz', 'Revenu estimé'],
      closeDate: [
        'Est. Close Date',
        'Estimated Close Date',
        'Geschätztes Abschlussdatum',
        'Date de clôture estimée',
      ],
      owner: ['Owner', 'Besitzer', 'Propriétaire'],
    },
  },
};
