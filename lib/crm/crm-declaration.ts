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

/** The five fields every snapshot has, by the names the declarations give their labels. */
export type CoreFieldName = 'name' | 'stage' | 'amount' | 'closeDate' | 'owner';

/**
 * What the shared fallbacks need to read a CRM's deal page when its own strategies find nothing (a
 * redesign of its markup): the document title's pattern and the labels the CRM shows its fields under.
 */
export interface CrmPageWording {
  /** The document title of a deal page; its first group is the deal's name. */
  readonly documentTitle: RegExp;
  /** The labels each core field is shown under (English, then German and French). */
  readonly fieldLabels: Readonly<Record<CoreFieldName, readonly string[]>>;
}

/**
 * One built-in CRM, declared once in its folder (`lib/crm/<crm>/crm.ts`) beside `url.ts` (the URL
 * check its loader carries alone, import-free) and `page.ts` (its page reading, run by the shared
 * template). A declaration is data only, so the background can list hosts and wording without
 * bundling any page reading; built-in-page-readers.ts pairs each CRM with its page reader. Reading the
 * CRM's API goes in `<crm>/api.ts`; Salesforce's is lib/org/salesforce.
 */
export interface CrmDeclaration {
  /** Its id, as its snapshots, deal keys, folder and loader (`<id>-loader.js`) carry it. */
  readonly id: BuiltInCrmId;
  /** Match patterns of its hosts: the manifest runs its loader there and asks for them. */
  readonly hosts: readonly string[];
  /** How the sidebar names it. */
  readonly wording: CrmWording;
  /** Its page's title and field labels, for its page reading and the shared fallbacks. */
  readonly page: CrmPageWording;
}
