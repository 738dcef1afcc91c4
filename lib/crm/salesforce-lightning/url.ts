// Bundled into the Lightning loader, which runs on every Lightning page: no runtime imports, and the
// regular expressions are literals inside the functions that use them, so a page that is not a record
// creates none of them.
import type { DealPageMatch, UrlParts } from '../deal-page-match';

// What both record path patterns start with: other Lightning pages skip them.
const RECORD_PATH = '/lightning/r/';
const LEGACY_APP_PATH = '/one/one.app';
const OPPORTUNITY_PREFIX = '006';

/**
 * The opportunity a Salesforce Lightning URL shows: the match, null for another page of a Lightning
 * host, undefined when the host is not Lightning's.
 */
export function dealOf(url: UrlParts): DealPageMatch | null | undefined {
  if (!isLightningHost(url.hostname)) return undefined;
  const rawRecordId = opportunityIdOf(url);
  return rawRecordId === null ? null : { crm: 'salesforce-lightning', rawRecordId };
}

/**
 * Whether a URL shows a Lightning opportunity: the loader's check. The path is read before the host,
 * so the host's regular expression runs only on record pages.
 */
export function showsDeal(url: UrlParts): boolean {
  const { pathname } = url;
  // Most pages are not deals: they answer here, before any other function is compiled.
  if (pathname.slice(0, RECORD_PATH.length).toLowerCase() !== RECORD_PATH && pathname !== LEGACY_APP_PATH)
    return false;
  return opportunityIdOf(url) !== null && isLightningHost(url.hostname);
}

// My Domain hosts: `acme.lightning.force.com`, `acme--uat.sandbox.lightning.force.com`,
// Hyperforce `acme.lightning.<region>.force.com`, government `acme.lightning.force.mil`, and the
// other My Domain partitions Salesforce uses for special orgs (develop, scratch, demo, patch, trailblaze).
function isLightningHost(hostname: string): boolean {
  return /^[a-z0-9-]+(?:\.(?:sandbox|develop|scratch|demo|patch|trailblaze))?\.lightning\.(?:[a-z0-9-]+\.)?force\.(?:com|mil)$/.test(
    hostname,
  );
}

function opportunityIdOf(url: UrlParts): string | null {
  const { pathname } = url;
  if (pathname.slice(0, RECORD_PATH.length).toLowerCase() === RECORD_PATH) return recordIdOfPath(pathname);
  return pathname === LEGACY_APP_PATH ? legacyRecordIdOf(url.hash) : null;
}

function recordIdOfPath(pathname: string): string | null {
  const opportunity = /^\/lightning\/r\/Opportunity\/([^/]+)\/(?:view|related\/[^/]+\/view)\/?$/i.exec(
    pathname,
  )?.[1];
  if (opportunity !== undefined) return opportunity;
  const record = /^\/lightning\/r\/([^/]+)\/view\/?$/i.exec(pathname)?.[1];
  return record?.startsWith(OPPORTUNITY_PREFIX) ? record : null;
}

function legacyRecordIdOf(hash: string): string | null {
  const legacy = /^#\/sObject\/([^/?]+)(?:\/view)?\/?(?:\?.*)?$/.exec(hash)?.[1];
  return legacy !== undefined && legacy.startsWith(OPPORTUNITY_PREFIX) ? legacy : null;
}
