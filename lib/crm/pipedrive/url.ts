// Bundled into the Pipedrive loader, which runs on every Pipedrive page: no runtime imports, and the
// regular expressions are literals inside the functions that use them, so a page that is not a deal
// creates none of them.
import type { DealPageMatch, UrlParts } from '../deal-page-match';

const DEAL_PATH = '/deal/';

/**
 * The deal a Pipedrive URL shows: the match, null for another page of a company's Pipedrive host,
 * undefined when the host is not one.
 */
export function dealOf(url: UrlParts): DealPageMatch | null | undefined {
  const instance = companyOf(url.hostname);
  if (!instance) return undefined;
  const id = dealIdOf(url.pathname);
  return id ? { crm: 'pipedrive', instance, rawRecordId: id } : null;
}

/**
 * Whether a URL shows a Pipedrive deal: the loader's check. The path is read before the host, and the
 * deal pattern runs only on paths under `/deal/`.
 */
export function showsDeal(url: UrlParts): boolean {
  // Most pages are not deals: they answer here, before any other function is compiled.
  if (!url.pathname.startsWith(DEAL_PATH)) return false;
  return Boolean(dealIdOf(url.pathname)) && companyOf(url.hostname) !== undefined;
}

// Deal ids are numbered per company, so only a company subdomain keys a deal; `app` names no company.
function companyOf(hostname: string): string | undefined {
  return /^(?!(?:app|www|api|oauth|developers)\.)([a-z0-9-]+)\.pipedrive\.com$/.exec(hostname)?.[1];
}

function dealIdOf(pathname: string): string | undefined {
  return /^\/deal\/([^/]+)\/?$/.exec(pathname)?.[1];
}
