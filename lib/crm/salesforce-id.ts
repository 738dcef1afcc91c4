const ALPHANUMERIC = /^[A-Za-z0-9]+$/;
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** Key prefix of Opportunity record ids. */
export const OPPORTUNITY_KEY_PREFIX = '006';

/**
 * Returns the 18-character form of a Salesforce id, or null when `raw` is not a well-formed id.
 * 15-character ids are case-sensitive; an 18-character id is accepted only when its suffix matches
 * its first 15 characters (suffix compared case-insensitively, returned canonical).
 */
export function toCanonicalSalesforceId(raw: string): string | null {
  if (!ALPHANUMERIC.test(raw)) return null;
  if (raw.length === 15) return raw + checksumSuffix(raw);
  if (raw.length !== 18) return null;
  const base = raw.slice(0, 15);
  const suffix = checksumSuffix(base);
  return raw.slice(15).toUpperCase() === suffix ? base + suffix : null;
}

/** True when `id` is a well-formed 15- or 18-character Salesforce id with the Opportunity key prefix. */
export function isOpportunityId(id: string): boolean {
  return id.startsWith(OPPORTUNITY_KEY_PREFIX) && toCanonicalSalesforceId(id) !== null;
}

/** The canonical 18-character id of an opportunity, or null when `raw` is not an opportunity's id. */
export function canonicalOpportunityId(raw: string): string | null {
  const id = toCanonicalSalesforceId(raw);
  return id && isOpportunityId(id) ? id : null;
}

// Each 5-character chunk gives one suffix character: bit i is set when character i is an
// upper-case letter, and the 5-bit number indexes A–Z then 0–5.
function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const char = id15.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}
