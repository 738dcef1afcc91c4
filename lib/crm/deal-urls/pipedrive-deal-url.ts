// Bundled into the Pipedrive loader, which runs on every Pipedrive page: no runtime imports.
import type { DealPageMatch } from '../deal-page-url';
import type { UrlParts } from './url-parts';

// Deal ids are numbered per company, so only a company subdomain keys a deal; `app` names no company.
const PIPEDRIVE_HOST = /^(?!(?:app|www|api|oauth|developers)\.)([a-z0-9-]+)\.pipedrive\.com$/;
const PIPEDRIVE_DEAL = /^\/deal\/([^/]+)\/?$/;
const DEAL_PATH = '/deal/';

/**
 * The deal a Pipedrive URL shows: the match, null for another page of a company's Pipedrive host,
 * undefined when the host is not one.
 */
export function pipedriveDealOf(url: UrlParts): DealPageMatch | null | undefined {
  const instance = PIPEDRIVE_HOST.exec(url.hostname)?.[1];
  if (!instance) return undefined;
  const id = dealIdOf(url.pathname);
  return id ? { crm: 'pipedrive', instance, rawRecordId: id } : null;
}

/**
 * Whether a URL shows a Pipedrive deal: the loader's check. The path is read before the host, and the
 * deal pattern runs only on paths under `/deal/`.
 */
export function showsPipedriveDeal(url: UrlParts): boolean {
  return Boolean(dealIdOf(url.pathname)) && PIPEDRIVE_HOST.test(url.hostname);
}

function dealIdOf(pathname: string): string | undefined {
  return pathname.startsWith(DEAL_PATH) ? PIPEDRIVE_DEAL.exec(pathname)?.[1] : undefined;
}
