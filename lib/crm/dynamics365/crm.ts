import type { CrmDeclaration } from '../crm-declaration';

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
