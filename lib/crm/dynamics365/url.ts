// Bundled into the Dynamics 365 loader, which runs on every Dynamics page: no runtime imports, and the
// regular expressions are literals inside the functions that use them, so a page that is not a deal
// creates none of them.
import type { DealPageMatch, UrlParts } from '../deal-page-match';

// Every Dynamics record form, whatever its table, is this page with the record in the query.
const MAIN_PAGE_PATH = '/main.aspx';
// Dynamics' object type code of the opportunity table, used by legacy `etc=3` links.
const OPPORTUNITY_TYPE_CODE = '3';

/**
 * The opportunity a Dynamics 365 URL shows: the match, null for another page of a Dynamics host,
 * undefined when the host is not Dynamics'.
 */
export function dealOf(url: UrlParts): DealPageMatch | null | undefined {
  if (!isDynamicsHost(url.hostname)) return undefined;
  const id = opportunityIdOf(url);
  return id ? { crm: 'dynamics365', instance: url.hostname, rawRecordId: id } : null;
}

/**
 * Whether a URL shows a Dynamics 365 opportunity: the loader's check. The path is read before the host,
 * and the query only on `/main.aspx`.
 */
export function showsDeal(url: UrlParts): boolean {
  // Most pages are not deals: they answer here, before any other function is compiled.
  if (url.pathname.toLowerCase() !== MAIN_PAGE_PATH) return false;
  return Boolean(opportunityIdOf(url)) && isDynamicsHost(url.hostname);
}

// `<org>.crm<N>.dynamics.com`, plus the US government and China clouds.
function isDynamicsHost(hostname: string): boolean {
  return /^[a-z0-9-]+\.crm\d{0,2}\.(?:dynamics\.com|dynamics\.cn|microsoftdynamics\.us|appsplatform\.us)$/.test(
    hostname,
  );
}

// Parameter names and order vary (`etn`, `pagetype`, `id`, in any case); a form without `id` is a new record.
function opportunityIdOf(url: UrlParts): string | null {
  if (url.pathname.toLowerCase() !== MAIN_PAGE_PATH) return null;
  const params = new Map<string, string>();
  new URLSearchParams(url.search).forEach((value, key) => params.set(key.toLowerCase(), value.trim()));
  const isOpportunity =
    params.get('etn')?.toLowerCase() === 'opportunity' || params.get('etc') === OPPORTUNITY_TYPE_CODE;
  const pageType = params.get('pagetype')?.toLowerCase();
  if (!isOpportunity || (pageType !== undefined && pageType !== 'entityrecord')) return null;
  return params.get('id') || null;
}
