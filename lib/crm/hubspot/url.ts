// Bundled into the HubSpot loader, which runs on every HubSpot page: no runtime imports, and the
// regular expressions are literals inside the functions that use them, so a page that is not a deal
// creates none of them.
import type { DealPageMatch, UrlParts } from '../deal-page-match';

const CONTACTS_PATH = '/contacts/';

/**
 * The deal a HubSpot URL shows: the match, null for another page of a HubSpot host, undefined when
 * the host is not HubSpot's.
 */
export function dealOf(url: UrlParts): DealPageMatch | null | undefined {
  if (!isHubspotHost(url.hostname)) return undefined;
  const deal = dealPathOf(url.pathname);
  return deal?.[1] && deal[2] ? { crm: 'hubspot', instance: deal[1], rawRecordId: deal[2] } : null;
}

/**
 * Whether a URL shows a HubSpot deal: the loader's check. The path is read before the host, and the
 * deal pattern runs only on paths under `/contacts/`.
 */
export function showsDeal(url: UrlParts): boolean {
  // Most pages are not deals: they answer here, before any other function is compiled.
  if (!url.pathname.startsWith(CONTACTS_PATH)) return false;
  const deal = dealPathOf(url.pathname);
  return Boolean(deal?.[1] && deal[2]) && isHubspotHost(url.hostname);
}

// `app.hubspot.com`, the EU data centre `app-eu1.hubspot.com`, and the other regional hosts.
function isHubspotHost(hostname: string): boolean {
  return /^app(?:-[a-z]{2}\d{1,2})?\.hubspot\.com$/.test(hostname);
}

function dealPathOf(pathname: string): RegExpExecArray | null {
  return /^\/contacts\/(\d{1,15})\/(?:record\/0-3|deal)\/([^/]+)(?:\/.*)?$/.exec(pathname);
}
