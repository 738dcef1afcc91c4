/** The org's daily API request usage, from the `Sforce-Limit-Info` header. */
export interface ApiUsage {
  used: number;
  limit: number;
}

const API_USAGE = /(?:^|[\s,;])api-usage=(\d+)\/(\d+)/;

/** Reads `api-usage=<used>/<limit>` from a `Sforce-Limit-Info` header value; null when absent or malformed. */
export function parseApiUsage(header: string | null): ApiUsage | null {
  const match = header ? API_USAGE.exec(header) : null;
  if (!match) return null;
  const used = Number(match[1]);
  const limit = Number(match[2]);
  return limit > 0 ? { used, limit } : null;
}

/**
 * True while Yardstick may still write: the org has used less than `share` (0–1] of its daily limit,
 * leaving the rest to the org's own integrations. Unknown usage does not stop writing.
 */
export function mayStillWrite(usage: ApiUsage | null, share: number): boolean {
  if (!(share > 0 && share <= 1)) throw new RangeError(`share must be in (0, 1], got ${share}`);
  if (!usage) return true;
  return usage.used < usage.limit * share;
}
