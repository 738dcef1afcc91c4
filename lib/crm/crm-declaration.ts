import type { CrmAdapter } from './crm-adapter';
import type { CrmId } from './deal-snapshot';

/** A CRM Yardstick reads out of the box (custom hosts and calibration cases are not). */
export type BuiltInCrmId = Exclude<CrmId, 'generic' | 'calibration'>;

/** How the sidebar names a CRM, its deal records, and the record ids its URLs carry. */
export interface CrmWording {
  /** "Salesforce", "HubSpot", …; "the CRM" for a custom host. */
  name: string;
  /** "opportunity" or "deal", as the CRM calls it. */
  record: string;
  /** What a valid record id looks like there, for the message about one that is not. */
  idRule: string;
}

/**
 * One built-in CRM, declared once in its folder (`lib/crm/<crm>/crm.ts`) beside `url.ts` (the URL
 * check its loader carries alone, import-free) and `page.ts` (its page reading, run by the shared
 * template). Reading the CRM's API goes in `<crm>/api.ts`, declared here as an `api` entry beside
 * `adapter`; Salesforce's is lib/org/salesforce.
 */
export interface CrmDeclaration {
  /** Its id, as its snapshots, deal keys, folder and loader (`<id>-loader.js`) carry it. */
  readonly id: BuiltInCrmId;
  /** Match patterns of its hosts: the manifest runs its loader there and asks for them. */
  readonly hosts: readonly string[];
  /** How the sidebar names it. */
  readonly wording: CrmWording;
  /** Its page reading: which URLs are deals, how their fields are read, where the deal is shown. */
  readonly adapter: CrmAdapter;
}
