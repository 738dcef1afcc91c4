import { BUILT_IN_CRMS } from './built-in-crms';
import type { BuiltInCrmId } from './crm-declaration';

/**
 * Match patterns of the hosts of each CRM Yardstick reads out of the box, from its declaration. The
 * manifest runs each CRM's own loader (`<crm>-loader.js`) on its hosts, so a page carries only its
 * CRM's deal URLs.
 */
export const BUILT_IN_CRM_MATCHES: Readonly<Record<BuiltInCrmId, readonly string[]>> = Object.fromEntries(
  BUILT_IN_CRMS.map((crm) => [crm.id, crm.hosts]),
) as Record<BuiltInCrmId, readonly string[]>;

/**
 * Every built-in CRM host; the manifest asks for these and nothing else (custom hosts are optional
 * permissions, requested when an admin or rep adds one).
 */
export const CRM_HOST_MATCHES: string[] = Object.values(BUILT_IN_CRM_MATCHES).flat();

/**
 * When every loader, the manifest's and the custom hosts', starts: before the page's own scripts. It
 * only reads the URL, and on a deal the service worker then starts while the page loads rather than
 * after it (docs/performance.md).
 */
export const LOADER_RUN_AT = 'document_start';

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
