import type { DealSnapshot } from '../../crm/deal-snapshot';
import { toCanonicalSalesforceId } from '../../crm/salesforce-id';
import type { ManagedPolicy } from '../../policy/managed-policy';
import { apiOriginForHost } from './api-host';

/** The share of the org's daily API requests Yardstick may use when policy does not say. */
export const DEFAULT_API_LIMIT_SHARE = 0.5;

/** Org sync as policy and the rep's setting decide it. */
export interface OrgSyncConfig {
  enabled: boolean;
  /** Policy decides on/off; the rep's setting is not used. */
  managed: boolean;
  /** Org ids (18 characters) and My Domain names (lower case) scores may go to; null: any. */
  allowedOrgs: string[] | null;
  apiLimitShare: number;
  connectedAppClientId: string | null;
}

/** Policy first, then the rep's setting, else off. */
export function resolveOrgSyncConfig(policy: ManagedPolicy, repSetting: boolean | undefined): OrgSyncConfig {
  return {
    enabled: policy.orgSync ?? repSetting ?? false,
    managed: policy.orgSync !== undefined,
    allowedOrgs: policy.orgSyncOrgs?.map(canonicalOrgEntry) ?? null,
    apiLimitShare: policy.orgApiLimitShare ?? DEFAULT_API_LIMIT_SHARE,
    connectedAppClientId: policy.orgConnectedAppClientId ?? null,
  };
}

/** The API origin a deal's scores go to: Salesforce Lightning and Classic deals only, else null. */
export function apiOriginOfDeal(deal: Pick<DealSnapshot, 'crm' | 'url'>): string | null {
  if (deal.crm !== 'salesforce-lightning' && deal.crm !== 'salesforce-classic') return null;
  let host: string;
  try {
    host = new URL(deal.url).host;
  } catch {
    return null;
  }
  const origin = apiOriginForHost(host);
  return origin.ok ? origin.value : null;
}

/** Whether policy lets scores go to this org, named by its id or its My Domain name. */
export function orgAllowed(config: OrgSyncConfig, orgId: string, myDomain: string): boolean {
  if (!config.allowedOrgs) return true;
  return config.allowedOrgs.includes(orgId) || config.allowedOrgs.includes(myDomain.toLowerCase());
}

/** The My Domain name of an API origin (`https://acme--uat.sandbox.my.salesforce.com` → `acme--uat`). */
export function myDomainOf(apiOrigin: string): string {
  return new URL(apiOrigin).hostname.split('.')[0]!;
}

// An org id in either length becomes its 18-character form; anything else is a My Domain name.
function canonicalOrgEntry(entry: string): string {
  const id = /^00D/i.test(entry) ? toCanonicalSalesforceId(entry) : null;
  return id ?? entry.toLowerCase();
}
