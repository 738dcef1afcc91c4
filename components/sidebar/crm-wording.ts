import type { CrmId } from '../../lib/crm/deal-snapshot';

/** How the sidebar names a CRM, its deal records, and the record ids its URLs carry. */
export interface CrmWording {
  /** "Salesforce", "HubSpot", …; "the CRM" for a custom host. */
  name: string;
  /** "opportunity" or "deal", as the CRM calls it. */
  record: string;
  /** What a valid record id looks like there, for the message about one that is not. */
  idRule: string;
}

const GENERIC: CrmWording = {
  name: 'the CRM',
  record: 'deal',
  idRule:
    'the record id the custom CRM’s URL pattern captures (no spaces or slashes, at most 100 characters)',
};

const WORDING: Partial<Record<CrmId, CrmWording>> = {
  'salesforce-lightning': {
    name: 'Salesforce',
    record: 'opportunity',
    idRule: 'a Salesforce opportunity id (15 or 18 letters and digits starting with 006)',
  },
  'salesforce-classic': {
    name: 'Salesforce',
    record: 'opportunity',
    idRule: 'a Salesforce opportunity id (15 or 18 letters and digits starting with 006)',
  },
  hubspot: { name: 'HubSpot', record: 'deal', idRule: 'a HubSpot deal id (digits)' },
  dynamics365: {
    name: 'Dynamics 365',
    record: 'opportunity',
    idRule: 'a Dynamics 365 record id (a GUID such as 7c1d3a52-9e1b-ee11-8f6d-000d3a4b5c6d)',
  },
  pipedrive: { name: 'Pipedrive', record: 'deal', idRule: 'a Pipedrive deal id (digits)' },
};

/** The wording for `crm`; Salesforce's when the CRM is not known yet (Lightning came first). */
export function crmWording(crm: CrmId | null): CrmWording {
  if (crm === null) return WORDING['salesforce-lightning']!;
  return WORDING[crm] ?? GENERIC;
}

/** `record` with its first letter upper-cased, for the start of a heading. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
