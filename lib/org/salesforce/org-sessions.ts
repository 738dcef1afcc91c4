import { err, ok, type Result } from '../../result';
import { sha256Hex } from '../../sha256-hex';
import { apiOriginForHost } from './api-host';
import type { OAuthGrants } from './oauth/oauth-grants';
import type { ApiUsage } from './api-usage';
import type { OrgError } from './org-error';
import {
  connectToOrg,
  readOrgUser,
  type FetchLike,
  type OrgUser,
  type VersionedConnection,
} from './rest-client';
import { orgIdFromSessionId } from './session-id';

/** A rep's working link to one org: the versioned connection and the org user the session belongs to. */
export interface OrgLink {
  connection: VersionedConnection;
  user: OrgUser;
}

/** What is remembered of a link between service-worker runs: never the session id itself, only its hash. */
export interface RememberedLink {
  apiOrigin: string;
  sessionHash: string;
  apiVersion: string;
  user: OrgUser;
}

/** Where links are remembered (the background gives `storage.session`, which ends with the browser). */
export interface LinkMemory {
  read(apiOrigin: string): Promise<RememberedLink | null>;
  write(link: RememberedLink): Promise<void>;
  forget(apiOrigin: string): Promise<void>;
}

/** What the sessions need from the browser, injected so this file stays pure. */
export interface OrgSessionDeps {
  /** The `sid` cookie of `apiOrigin` in the given cookie store, or null when there is none. */
  readSessionId(apiOrigin: string, cookieStoreId?: string): Promise<string | null>;
  fetch: FetchLike;
  memory: LinkMemory;
  timeoutMs: number;
  /** Calls made while linking report the org's API usage here. */
  onApiUsage?(apiOrigin: string, usage: ApiUsage): void;
  /** The connected app's grants: an org the rep connected through OAuth is called with its token, not the cookie. */
  oauth?: Pick<OAuthGrants, 'current' | 'authorizedFetch'>;
}

/** Links to the orgs of Salesforce pages, each made once per session and remembered. */
export interface OrgSessions {
  /** The link for a Salesforce page's host (Lightning, Classic, Hyperforce, government, proxied). */
  forPageHost(pageHost: string, cookieStoreId?: string): Promise<Result<OrgLink, OrgError>>;
  /** The link for an API origin, as the outbox keeps it. */
  forApiOrigin(apiOrigin: string, cookieStoreId?: string): Promise<Result<OrgLink, OrgError>>;
  /** Drops a remembered link, after the org said its session is no longer valid. */
  forget(apiOrigin: string): Promise<void>;
}

/** An error value of the org-error shape for a failure that happened before any call. */
function localError(code: OrgError['code'], message: string): OrgError {
  return { code, message, status: null, orgCode: null, orgMessage: null, fields: [] };
}

/**
 * Links made from the rep's own browser session: the `sid` cookie of the org's API host, the
 * highest API version the org lists, and the user it belongs to. A link costs two calls the first
 * time and none after, until the session changes.
 */
export function createOrgSessions(deps: OrgSessionDeps): OrgSessions {
  async function forApiOrigin(apiOrigin: string, cookieStoreId?: string): Promise<Result<OrgLink, OrgError>> {
    // The rep connected this org through the connected app because its API refuses the browser session.
    const grant = await deps.oauth?.current(apiOrigin);
    if (grant && deps.oauth) {
      const connection = {
        origin: grant.instanceUrl,
        sessionId: grant.accessToken,
        fetch: deps.oauth.authorizedFetch(apiOrigin),
        timeoutMs: deps.timeoutMs,
        apiVersion: grant.apiVersion,
      };
      return ok({ connection, user: grant.user });
    }
    const sessionId = await deps.readSessionId(apiOrigin, cookieStoreId);
    if (!sessionId) {
      return err(
        localError(
          'session-expired',
          `You are not logged in to ${new URL(apiOrigin).host} in this browser: log in to Salesforce, then open the deal again.`,
        ),
      );
    }
    const orgId = orgIdFromSessionId(sessionId);
    if (!orgId.ok) return err(localError('session-expired', orgId.error));
    const sessionHash = await sha256Hex(sessionId);
    const remembered = await deps.memory.read(apiOrigin);
    const base = { origin: apiOrigin, sessionId, fetch: deps.fetch, timeoutMs: deps.timeoutMs };
    if (remembered && remembered.sessionHash === sessionHash) {
      return ok({ connection: { ...base, apiVersion: remembered.apiVersion }, user: remembered.user });
    }
    const connected = await connectToOrg(base);
    if (connected.apiUsage) deps.onApiUsage?.(apiOrigin, connected.apiUsage);
    if (!connected.ok) return connected;
    const user = await readOrgUser(connected.value);
    if (user.apiUsage) deps.onApiUsage?.(apiOrigin, user.apiUsage);
    if (!user.ok) return user;
    await deps.memory.write({
      apiOrigin,
      sessionHash,
      apiVersion: connected.value.apiVersion,
      user: user.value,
    });
    return ok({ connection: connected.value, user: user.value });
  }

  return {
    forApiOrigin,
    async forPageHost(pageHost, cookieStoreId) {
      const apiOrigin = apiOriginForHost(pageHost);
      if (!apiOrigin.ok) return err(localError('not-found', apiOrigin.error.message));
      return forApiOrigin(apiOrigin.value, cookieStoreId);
    },
    forget: (apiOrigin) => deps.memory.forget(apiOrigin),
  };
}
