// Bundled into the content-script loader: keep this module tiny and free of runtime imports.

/** A URL that shows one deal; the id is as found, not yet validated. */
export type DealPageMatch =
  | { crm: 'salesforce-lightning'; rawRecordId: string }
  | {
      crm: 'salesforce-classic' | 'hubspot' | 'dynamics365' | 'pipedrive' | 'generic';
      /** The org, portal or company the URL names (see DealSnapshot.instance). */
      instance: string;
      rawRecordId: string;
    };

/** A custom CRM host's deal URLs: a regular expression with a named group `id` (optionally `instance`). */
export type CustomDealUrl = { urlPattern: string };

// My Domain hosts: `acme.lightning.force.com`, `acme--uat.sandbox.lightning.force.com`,
// Hyperforce `acme.lightning.<region>.force.com`, government `acme.lightning.force.mil`, and the
// other My Domain partitions Salesforce uses for special orgs (develop, scratch, demo, patch, trailblaze).
const LIGHTNING_HOST =
  /^[a-z0-9-]+(?:\.(?:sandbox|develop|scratch|demo|patch|trailblaze))?\.lightning\.(?:[a-z0-9-]+\.)?force\.(?:com|mil)$/;
const OPPORTUNITY_RECORD = /^\/lightning\/r\/Opportunity\/([^/]+)\/(?:view|related\/[^/]+\/view)\/?$/i;
const ANY_RECORD = /^\/lightning\/r\/([^/]+)\/view\/?$/i;
const LEGACY_RECORD = /^#\/sObject\/([^/?]+)(?:\/view)?\/?(?:\?.*)?$/;
const OPPORTUNITY_PREFIX = '006';
const CLASSIC_HOST =
  /^([a-z0-9-]+)(?:\.(?:sandbox|develop|scratch|demo|patch|trailblaze))?\.my\.salesforce\.(?:com|mil)$/;
// `/006` alone is the Opportunities tab and `/006/e` a new one: a record path has more after the prefix.
const CLASSIC_RECORD = /^\/(006[A-Za-z0-9]+)\/?$/;
// `app.hubspot.com`, the EU data centre `app-eu1.hubspot.com`, and the other regional hosts.
const HUBSPOT_HOST = /^app(?:-[a-z]{2}\d{1,2})?\.hubspot\.com$/;
const HUBSPOT_DEAL = /^\/contacts\/(\d{1,15})\/(?:record\/0-3|deal)\/([^/]+)(?:\/.*)?$/;
// `<org>.crm<N>.dynamics.com`, plus the US government and China clouds.
const DYNAMICS_HOST =
  /^[a-z0-9-]+\.crm\d{0,2}\.(?:dynamics\.com|dynamics\.cn|microsoftdynamics\.us|appsplatform\.us)$/;
// Deal ids are numbered per company, so only a company subdomain keys a deal; `app` names no company.
const PIPEDRIVE_HOST = /^(?!(?:app|www|api|oauth|developers)\.)([a-z0-9-]+)\.pipedrive\.com$/;
const PIPEDRIVE_DEAL = /^\/deal\/([^/]+)\/?$/;
// Dynamics' object type code of the opportunity table, used by legacy `etc=3` links.
const DYNAMICS_OPPORTUNITY_TYPE_CODE = '3';

/** Returns the deal a URL shows, or null when it is not a deal page of a CRM Yardstick reads. */
export function detectDealPage(url: string, custom: readonly CustomDealUrl[] = []): DealPageMatch | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:') return null;
  const host = parsed.hostname;
  if (LIGHTNING_HOST.test(host)) {
    const rawRecordId = recordIdFromPath(parsed.pathname, parsed.hash);
    return rawRecordId === null ? null : { crm: 'salesforce-lightning', rawRecordId };
  }
  const builtIn = builtInMatch(parsed);
  if (builtIn !== undefined) return builtIn;
  for (const { urlPattern } of custom) {
    const match = customMatch(urlPattern, parsed);
    if (match) return match;
  }
  return null;
}

/** Whether a URL is on a host of a CRM read out of the box, where custom URL patterns never apply. */
export function isBuiltInCrmHost(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return LIGHTNING_HOST.test(parsed.hostname) || builtInMatch(parsed) !== undefined;
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

// undefined: not a built-in CRM host; null: a built-in host, but not a deal page.
function builtInMatch(url: URL): DealPageMatch | null | undefined {
  const host = url.hostname;
  const classic = CLASSIC_HOST.exec(host);
  if (classic) {
    const id = CLASSIC_RECORD.exec(url.pathname)?.[1];
    return id ? { crm: 'salesforce-classic', instance: host.split('.')[0] ?? '', rawRecordId: id } : null;
  }
  if (HUBSPOT_HOST.test(host)) {
    const deal = HUBSPOT_DEAL.exec(url.pathname);
    return deal?.[1] && deal[2] ? { crm: 'hubspot', instance: deal[1], rawRecordId: deal[2] } : null;
  }
  if (DYNAMICS_HOST.test(host)) {
    const id = dynamicsRecordId(url);
    return id ? { crm: 'dynamics365', instance: host, rawRecordId: id } : null;
  }
  const pipedrive = PIPEDRIVE_HOST.exec(host);
  if (pipedrive?.[1]) {
    const id = PIPEDRIVE_DEAL.exec(url.pathname)?.[1];
    return id ? { crm: 'pipedrive', instance: pipedrive[1], rawRecordId: id } : null;
  }
  return undefined;
}

// Parameter names and order vary (`etn`, `pagetype`, `id`, in any case); a form without `id` is a new record.
function dynamicsRecordId(url: URL): string | null {
  if (url.pathname.toLowerCase() !== '/main.aspx') return null;
  const params = new Map<string, string>();
  url.searchParams.forEach((value, key) => params.set(key.toLowerCase(), value.trim()));
  const isOpportunity =
    params.get('etn')?.toLowerCase() === 'opportunity' ||
    params.get('etc') === DYNAMICS_OPPORTUNITY_TYPE_CODE;
  const pageType = params.get('pagetype')?.toLowerCase();
  if (!isOpportunity || (pageType !== undefined && pageType !== 'entityrecord')) return null;
  return params.get('id') || null;
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
