// Bundled into the content-script loader (its `matches`): keep this module free of runtime imports.

/**
 * Match patterns of the CRM hosts Yardstick reads out of the box; the manifest asks for these and
 * nothing else (custom hosts are optional permissions, requested when an admin or rep adds one).
 * `*.force.com` is the narrowest pattern that covers Lightning, its sandboxes and Hyperforce's
 * `<domain>.lightning.<region>.force.com` (a match pattern cannot put a wildcard in the middle of a host).
 */
export const CRM_HOST_MATCHES = [
  // Salesforce Lightning
  'https://*.force.com/*',
  'https://*.force.mil/*',
  // Salesforce Classic
  'https://*.my.salesforce.com/*',
  'https://*.my.salesforce.mil/*',
  // HubSpot, US and EU data centres
  'https://app.hubspot.com/*',
  'https://app-eu1.hubspot.com/*',
  // Dynamics 365 (`<org>.crm<N>.dynamics.com`)
  'https://*.dynamics.com/*',
  // Pipedrive (`<company>.pipedrive.com`)
  'https://*.pipedrive.com/*',
];

/**
 * The host part of an https or http match pattern such as `https://*.acme.com/*`, or null when
 * `pattern` is not one Yardstick accepts for a CRM host (a literal host, optionally `*.` in front,
 * and the path `/*`).
 */
export function crmHostOfPattern(pattern: string): { scheme: string; host: string } | null {
  const match = /^(https|http):\/\/((?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::\d{1,5})?\/\*$/.exec(pattern);
  if (!match?.[1] || !match[2]) return null;
  if (match[1] === 'http' && !/^(?:localhost|127\.0\.0\.1)$/.test(match[2])) return null;
  return { scheme: match[1], host: match[2] };
}

/** True when `pattern` only names hosts that `covering` already names (so it needs no permission of its own). */
export function patternCoveredBy(pattern: string, covering: readonly string[]): boolean {
  const wanted = crmHostOfPattern(pattern);
  if (!wanted) return false;
  return covering.some((candidate) => {
    const cover = crmHostOfPattern(candidate);
    if (!cover || cover.scheme !== wanted.scheme) return false;
    if (!cover.host.startsWith('*.')) return cover.host === wanted.host;
    const suffix = cover.host.slice(1);
    const host = wanted.host.startsWith('*.') ? wanted.host.slice(1) : wanted.host;
    return host.endsWith(suffix) || `.${host}` === suffix;
  });
}

/**
 * The `storage.local` key under which the background keeps the custom CRM hosts' generic adapter
 * configs (validated); the loader reads their URL patterns from it, without Zod or a message.
 */
export const CUSTOM_CRM_ADAPTERS_KEY = 'customCrmAdapters';
