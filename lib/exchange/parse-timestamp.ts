const PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/**
 * Parses an ISO 8601 date (`2024-03-01`) or date-time (`2024-03-01T09:30:00Z`, a space for `T`,
 * optional seconds, `Z` or an offset) to epoch milliseconds. A date or time without a zone is UTC.
 * Returns null for anything else, including impossible dates such as 2024-02-30.
 */
export function parseTimestamp(text: string): number | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone = ''] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(
    year,
    month - 1,
    day,
    hour,
    minute,
    second,
    fraction ? Math.round(Number(fraction) * 1000) : 0,
  );
  if (new Date(utc).getUTCDate() !== day) return null;
  if (zone === '' || zone.toUpperCase() === 'Z') return utc;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  if (Number(digits.slice(0, 2)) > 23 || Number(digits.slice(2)) > 59) return null;
  return utc - sign * offsetMinutes * 60_000;
}
