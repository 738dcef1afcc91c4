// Bundled into the custom hosts' loader: keep this module small, importing only the built-in CRMs' URL checks.
import type { DealPageMatch, DealUrlCheck } from './deal-page-match';
import { dealOf as dynamics365DealOf } from './dynamics365/url';
import { dealOf as hubspotDealOf } from './hubspot/url';
import { dealOf as pipedriveDealOf } from './pipedrive/url';
import { dealOf as salesforceClassicDealOf } from './salesforce-classic/url';
import { dealOf as salesforceLightningDealOf } from './salesforce-lightning/url';

/** A custom CRM host's deal URLs: a regular expression with a named group `id` (optionally `instance`). */
export type CustomDealUrl = { urlPattern: string };

/** Each built-in CRM's deal-URL check, by the last two labels of the hosts it runs on. */
const BUILT_IN_BY_HOST_SUFFIX: ReadonlyMap<string, DealUrlCheck> = new Map([
  ['force.com', salesforceLightningDealOf],
  ['force.mil', salesforceLightningDealOf],
  ['salesforce.com', salesforceClassicDealOf],
  ['salesforce.mil', salesforceClassicDealOf],
  ['hubspot.com', hubspotDealOf],
  ['dynamics.com', dynamics365DealOf],
  ['dynamics.cn', dynamics365DealOf],
  ['microsoftdynamics.us', dynamics365DealOf],
  ['appsplatform.us', dynamics365DealOf],
  ['pipedrive.com', pipedriveDealOf],
]);

/** Returns the deal a URL shows, or null when it is not a deal page of a CRM Yardstick reads. */
export function detectDealPage(url: string, custom: readonly CustomDealUrl[] = []): DealPageMatch | null {
  const parsed = parseUrl(url);
  if (parsed?.protocol !== 'https:') return null;
  const builtIn = builtInMatch(parsed);
  if (builtIn !== undefined) return builtIn;
  for (const { urlPattern } of custom) {
    const match = customMatch(urlPattern, parsed);
    if (match) return match;
  }
  return null;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

// undefined: not a built-in CRM host; null: a built-in host, but not a deal page.
function builtInMatch(url: URL): DealPageMatch | null | undefined {
  const host = url.hostname;
  // The host's last two labels pick the CRM, so that a page runs only its own CRM's patterns.
  const detect = BUILT_IN_BY_HOST_SUFFIX.get(
    host.slice(host.lastIndexOf('.', host.lastIndexOf('.') - 1) + 1),
  );
  return detect?.(url);
}

function customMatch(urlPattern: string, url: URL): DealPageMatch | null {
  let groups: Record<string, string | undefined> | undefined;
  try {
    // Compiled alone first, so that a pattern like `a)|(b` cannot escape the anchoring around it.
    new RegExp(urlPattern);
    // Anchored at the start; the match must end where a path segment, the query, a parameter or the hash ends.
    groups = new RegExp(`^(?:${urlPattern})(?=$|[/?#&;])`).exec(url.href)?.groups;
  } catch {
    return null;
  }
  const id = groups?.id;
  if (id === undefined) return null;
  return { crm: 'generic', instance: groups?.instance || url.hostname, rawRecordId: id };
}
