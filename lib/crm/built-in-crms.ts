import type { CrmDeclaration } from './crm-declaration';
import { dynamics365Crm } from './dynamics365/crm';
import { hubspotCrm } from './hubspot/crm';
import { pipedriveCrm } from './pipedrive/crm';
import { salesforceClassicCrm } from './salesforce-classic/crm';
import { salesforceLightningCrm } from './salesforce-lightning/crm';

/**
 * The CRMs Yardstick reads out of the box, Lightning first: the manifest's hosts, the sidebar's
 * wording and the adapter registry all derive from this list. A new CRM is its folder, one line here
 * and its page reader's line in built-in-page-readers.ts.
 */
export const BUILT_IN_CRMS: readonly CrmDeclaration[] = [
  salesforceLightningCrm,
  salesforceClassicCrm,
  hubspotCrm,
  dynamics365Crm,
  pipedriveCrm,
];
