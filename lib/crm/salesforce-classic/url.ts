// Bundled into the Salesforce Classic loader, which runs on every Classic page: no runtime imports, and the
// regular expressions are literals inside the functions that use them, so a page that is not a deal
// creates none of them.
import type { DealPageMatch, UrlParts } from '../deal-page-match';

const OPPORTUNITY_PATH = '/006';

/**
 * The opportunity a Salesforce Classic URL shows: the match, null for another page of a Classic
 * host, undefined when the host is not Classic's.
 */
export function dealOf(url: UrlParts): DealPageMatch | null | undefined {
  const instance = instanceOf(url.hostname);
  if (instance === undefined) return undefined;
  const id = opportunityIdOf(url.pathname);
  return id ? { crm: 'salesforce-classic', instance, rawRecordId: id } : null;
}

/**
 * Whether a URL shows a Classic opportunity: the loader's check. The path is read before the host, and
 * the record pattern runs only on paths that start with the opportunity prefix.
 */
export function showsDeal(url: UrlParts): boolean {
  // Most pages are not deals: they answer here, before any other function is compiled.
  if (!url.pathname.startsWith(OPPORTUNITY_PATH)) return false;
  return opportunityIdOf(url.pathname) !== undefined && instanceOf(url.hostname) !== undefined;
}

function instanceOf(hostname: string): string | undefined {
  return /^([a-z0-9-]+)(?:\.(?:sandbox|develop|scratch|demo|patch|trailblaze))?\.my\.salesforce\.(?:com|mil)$/.exec(
    hostname,
  )?.[1];
}

// `/006` alone is the Opportunities tab and `/006/e` a new one: a record path has more after the prefix.
function opportunityIdOf(pathname: string): string | undefined {
  return /^\/(006[A-Za-z0-9]+)\/?$/.exec(pathname)?.[1];
}
