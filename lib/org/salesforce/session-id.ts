import { toCanonicalSalesforceId } from '../../crm/salesforce-id';
import { err, ok, type Result } from '../../result';

// Organization ids carry this key prefix.
const ORGANIZATION_KEY_PREFIX = '00D';

/** The 18-character org id a `sid` cookie belongs to (the part before `!`), or why it is not a session id. */
export function orgIdFromSessionId(sid: string): Result<string, string> {
  const separator = sid.indexOf('!');
  if (separator < 0)
    return err('The session cookie has no org id (no "!"): it is not a Salesforce session id.');
  const orgId = toCanonicalSalesforceId(sid.slice(0, separator));
  if (!orgId || !orgId.startsWith(ORGANIZATION_KEY_PREFIX)) {
    return err('The session cookie does not start with an org id (00D…): it is not a Salesforce session id.');
  }
  return ok(orgId);
}
