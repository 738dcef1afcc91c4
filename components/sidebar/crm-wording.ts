import { BUILT_IN_CRMS } from '../../lib/crm/built-in-crms';
import type { CrmWording } from '../../lib/crm/crm-declaration';
import type { CrmId } from '../../lib/crm/deal-snapshot';

const GENERIC: CrmWording = {
  name: 'the CRM',
  record: 'deal',
  idRule:
    'the record id the custom CRM’s URL pattern captures (no spaces or slashes, at most 100 characters)',
};

const WORDING: ReadonlyMap<CrmId, CrmWording> = new Map(BUILT_IN_CRMS.map((crm) => [crm.id, crm.wording]));
// Lightning came first: its wording stands for Salesforce while the CRM is not known yet.
const BEFORE_THE_CRM_IS_KNOWN = WORDING.get('salesforce-lightning') ?? GENERIC;

/** The wording for `crm`, as its declaration gives it; Salesforce's when the CRM is not known yet. */
export function crmWording(crm: CrmId | null): CrmWording {
  if (crm === null) return BEFORE_THE_CRM_IS_KNOWN;
  return WORDING.get(crm) ?? GENERIC;
}

/** `record` with its first letter upper-cased, for the start of a heading. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
