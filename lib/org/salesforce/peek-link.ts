import { sha256Hex } from '../../sha256-hex';
import type { OAuthGrants } from './oauth/oauth-grants';
import type { LinkMemory, OrgSessionDeps } from './org-sessions';
import type { OrgUser } from './rest-client';
import { orgIdFromSessionId } from './session-id';

/** What is known of the rep's session without calling the org: its org, and its user once linked. */
export interface PeekedSession {
  orgId: string;
  /** The org user, when this very session was linked before; null until then. */
  user: OrgUser | null;
}

/**
 * Reads the session cookie and the remembered link only (no network): a save never waits for the
 * org. A connected app's grant comes first. Null when there is no Salesforce session for the origin.
 */
export async function peekSession(
  deps: Pick<OrgSessionDeps, 'readSessionId'> & { memory: LinkMemory; oauth?: Pick<OAuthGrants, 'current'> },
  apiOrigin: string,
  cookieStoreId?: string,
): Promise<PeekedSession | null> {
  // A connected app's grant was verified with the org when the rep connected: its user is the org's.
  const grant = await deps.oauth?.current(apiOrigin);
  if (grant) return { orgId: grant.user.orgId, user: grant.user };
  const sessionId = await deps.readSessionId(apiOrigin, cookieStoreId);
  if (!sessionId) return null;
  const orgId = orgIdFromSessionId(sessionId);
  if (!orgId.ok) return null;
  const remembered = await deps.memory.read(apiOrigin);
  const linked = remembered !== null && remembered.sessionHash === (await sha256Hex(sessionId));
  return { orgId: orgId.value, user: linked ? remembered.user : null };
}
