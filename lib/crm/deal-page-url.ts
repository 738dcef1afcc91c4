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
// What both record patterns above start with: other Lightning pages skip them.
const RECORD_PATH = '/lightning/r/';
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

/**
 * What the built-in CRMs make of a URL, in one pass (the content-script loader's check on every CRM
 * page): the deal it shows, null for another page of a built-in CRM's host, or undefined when the
 * host is no built-in CRM's, where custom URL patterns may apply.
 */
export function detectBuiltInDealPage(url: string): DealPageMatch | null | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const builtIn = builtInMatch(parsed);
  return builtIn && parsed.protocol !== 'https:' ? null : builtIn;
}

/** Whether a URL is on a host of a CRM read out of the box, where custom URL patterns never apply. */
export function isBuiltInCrmHost(url: string): boolean {
  return detectBuiltInDealPage(url) !== undefined;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function recordIdFromPath(pathname: string, hash: string): string | null {
  if (pathname.slice(0, RECORD_PATH.length).toLowerCase() === RECORD_PATH) {
    const opportunity = OPPORTUNITY_RECORD.exec(pathname)?.[1];
    if (opportunity !== undefined) return opportunity;
    const record = ANY_RECORD.exec(pathname)?.[1];
    return record?.startsWith(OPPORTUNITY_PREFIX) ? record : null;
  }
  if (pathname !== '/one/one.app') return null;
  const legacy = LEGACY_RECORD.exec(hash)?.[1];
  return legacy !== undefined && legacy.startsWith(OPPORTUNITY_PREFIX) ? legacy : null;
}

// undefined: not a built-in CRM host; null: a built-in host, but not a deal page.
function builtInMatch(url: URL): DealPageMatch | null | undefined {
  const host = url.hostname;
  // The host's last two labels pick the CRM, so that a page runs only its own CRM's patterns.
  switch (host.slice(host.lastIndexOf('.', host.lastIndexOf('.') - 1) + 1)) {
    case 'force.com':
    case 'force.mil': {
      if (!LIGHTNING_HOST.test(host)) return undefined;
      const rawRecordId = recordIdFromPath(url.pathname, url.hash);
      return rawRecordId === null ? null : { crm: 'salesforce-lightning', rawRecordId };
    }
    case 'salesforce.com':
    case 'salesforce.mil': {
      const instance = CLASSIC_HOST.exec(host)?.[1];
      if (instance === undefined) return undefined;
      const id = CLASSIC_RECORD.exec(url.pathname)?.[1];
      return id ? { crm: 'salesforce-classic', instance, rawRecordId: id } : null;
    }
    case 'hubspot.com': {
      if (!HUBSPOT_HOST.test(host)) return undefined;
      const deal = HUBSPOT_DEAL.exec(url.pathname);
      return deal?.[1] && deal[2] ? { crm: 'hubspot', instance: deal[1], rawRecordId: deal[2] } : null;
    }
    case 'dynamics.com':
    case 'dynamics.cn':
    case 'microsoftdynamics.us':
    case 'appsplatform.us': {
      if (!DYNAMICS_HOST.test(host)) return undefined;
      const id = dynamicsRecordId(url);
      return id ? { crm: 'dynamics365', instance: host, rawRecordId: id } : null;
    }
    case 'pipedrive.com': {
      const instance = PIPEDRIVE_HOST.exec(host)?.[1];
      if (!instance) return undefined;
      const id = PIPEDRIVE_DEAL.exec(url.pathname)?.[1];
      return id ? { crm: 'pipedrive', instance, rawRecordId: id } : null;
    }
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
