import type { CrmDeclaration } from '../crm-declaration';

/** Pipedrive deals. */
export const pipedriveCrm: CrmDeclaration = {
  id: 'pipedrive',
  // `<company>.pipedrive.com`
  hosts: ['https://*.pipedrive.com/*'],
  wording: { name: 'Pipedrive', record: 'deal', idRule: 'a Pipedrive deal id (digits)' },
  page: {
    // `<deal title> - deal details`, translated.
    documentTitle: /^(.+) - (?:deal details|Deal-Details|détails de l'affaire)$/i,
    fieldLabels: {
      name: ['Title', 'Titel', 'Titre'],
      stage: ['Stage', 'Phase', 'Étape'],
      amount: ['Value', 'Wert', 'Valeur'],
      closeDate: ['Expected close date', 'Erwartetes Abschlussdatum', 'Date de clôture prévue'],
      owner: ['Owner', 'Besitzer', 'Propriétaire'],
    },
  },
};
