// Bundled into the Salesforce Classic loader, which runs on every Classic page: no runtime imports.
import type { DealPageMatch } from '../deal-page-url';
import type { UrlParts } from './url-parts';

const CLASSIC_HOST =
  /^([a-z0-9-]+)(?:\.(?:sandbox|develop|scratch|demo|patch|trailblaze))?\.my\.salesforce\.(?:com|mil)$/;
// `/006` alone is the Opportunities tab and `/006/e` a new one: a record path has more after the prefix.
const CLASSIC_RECORD = /^\/(006[A-Za-z0-9]+)\/?$/;

/**
 * The opportunity a Salesforce Classic URL shows: the match, null for another page of a Classic
 * host, undefined when the host is not Classic's.
 */
export function salesforceClassicDealOf(url: UrlParts): DealPageMatch | null | undefined {
  const instance = CLASSIC_HOST.exec(url.hostname)?.[1];
  if (instance === undefined) return undefined;
  const id = CLASSIC_RECORD.exec(url.pathname)?.[1];
  return id ? { crm: 'salesforce-classic', instance, rawRecordId: id } : null;
}
