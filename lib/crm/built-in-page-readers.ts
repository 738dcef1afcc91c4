import type { CrmAdapter } from './crm-adapter';
import type { BuiltInCrmId } from './crm-declaration';
import { dynamics365Adapter } from './dynamics365/page';
import { hubspotAdapter } from './hubspot/page';
import { pipedriveAdapter } from './pipedrive/page';
import { salesforceClassicAdapter } from './salesforce-classic/page';
import { salesforceLightningAdapter } from './salesforce-lightning/page';

/**
 * Each built-in CRM's page reader, by its declaration's id. Kept apart from the declarations
 * (built-in-crms.ts) so that what only needs hosts or wording, the background above all, bundles no
 * page reading; a CRM without its reader here does not type-check.
 */
export const BUILT_IN_PAGE_READERS: Readonly<Record<BuiltInCrmId, CrmAdapter>> = {
  'salesforce-lightning': salesforceLightningAdapter,
  'salesforce-classic': salesforceClassicAdapter,
  hubspot: hubspotAdapter,
  dynamics365: dynamics365Adapter,
  pipedrive: pipedriveAdapter,
};
