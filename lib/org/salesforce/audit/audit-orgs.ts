import { apiOriginForHost } from '../api-host';

/** A browser cookie as far as the org list needs it: where it is set, and whether it holds a value. */
export interface SessionCookieFacts {
  domain: string;
  value: string;
}

/**
 * The API origins the audit page may load from, sorted and each once: the org of every `sid` cookie
 * on a Salesforce host (the browser's session), and every org the user connected through the
 * connected app (an OAuth grant, for orgs whose API Access Control refuses the browser session).
 */
export function auditOrigins(
  sidCookies: readonly SessionCookieFacts[],
  grantOrigins: readonly string[],
): string[] {
  const origins = new Set<string>();
  for (const cookie of sidCookies) {
    if (!cookie.value) continue;
    const origin = apiOriginForHost(cookie.domain.replace(/^\./, ''));
    if (origin.ok) origins.add(origin.value);
  }
  for (const origin of grantOrigins) {
    const host = hostOf(origin);
    const mapped = host === null ? null : apiOriginForHost(host);
    if (mapped?.ok) origins.add(mapped.value);
  }
  return [...origins].sort();
}

function hostOf(origin: string): string | null {
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' ? url.host : null;
  } catch {
    return null;
  }
}
