// Bundled into the content-script loader: keep this module tiny and free of runtime imports.

/** A URL that shows one Salesforce Lightning opportunity; the id is as found, not yet validated. */
export type DealPageMatch = { crm: 'salesforce-lightning'; rawRecordId: string };

// My Domain hosts: `acme.lightning.force.com`, `acme--uat.sandbox.lightning.force.com`,
// Hyperforce `acme.lightning.<region>.force.com`, government `acme.lightning.force.mil`, and the
// other My Domain partitions Salesforce uses for special orgs (develop, scratch, demo, patch, trailblaze).
const LIGHTNING_HOST =
  /^[a-z0-9-]+(?:\.(?:sandbox|develop|scratch|demo|patch|trailblaze))?\.lightning\.(?:[a-z0-9-]+\.)?force\.(?:com|mil)$/;
const OPPORTUNITY_RECORD = /^\/lightning\/r\/Opportunity\/([^/]+)\/(?:view|related\/[^/]+\/view)\/?$/i;
const ANY_RECORD = /^\/lightning\/r\/([^/]+)\/view\/?$/i;
const LEGACY_RECORD = /^#\/sObject\/([^/?]+)(?:\/view)?\/?(?:\?.*)?$/;
const OPPORTUNITY_PREFIX = '006';

/** Returns the deal a URL shows, or null when it is not a Lightning opportunity record page. */
export function detectDealPage(url: string): DealPageMatch | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || !LIGHTNING_HOST.test(parsed.hostname)) return null;
  const rawRecordId = recordIdFromPath(parsed.pathname, parsed.hash);
  return rawRecordId === null ? null : { crm: 'salesforce-lightning', rawRecordId };
}

function recordIdFromPath(pathname: string, hash: string): string | null {
  const opportunity = OPPORTUNITY_RECORD.exec(pathname)?.[1];
  if (opportunity !== undefined) return opportunity;
  const record = ANY_RECORD.exec(pathname)?.[1];
  if (record !== undefined) return record.startsWith(OPPORTUNITY_PREFIX) ? record : null;
  if (pathname !== '/one/one.app') return null;
  const legacy = LEGACY_RECORD.exec(hash)?.[1];
  return legacy !== undefined && legacy.startsWith(OPPORTUNITY_PREFIX) ? legacy : null;
}
