import { err, ok, type Result } from '../../../result';
import type { OrgError } from '../org-error';
import { connectToOrg, readOrgUser, type FetchLike, type OrgUser } from '../rest-client';
import type { OAuthError } from './oauth-error';
import { refreshTokens, signInWithOAuth, type OAuthClient, type WebAuthFlowDeps } from './oauth-flow';

/** A rep's connection to one org through the connected app: its tokens, API version and org user. */
export interface OAuthGrant {
  /** The My Domain API origin the rep connected from; the grant is found by it. */
  apiOrigin: string;
  /** The connected app the tokens belong to: a grant of another app (policy changed) is not used. */
  clientId: string;
  /** The token response's `instance_url`, where the API is called. */
  instanceUrl: string;
  accessToken: string;
  refreshToken: string | null;
  apiVersion: string;
  user: OrgUser;
  connectedAt: string;
}

/** Where grants are kept; the background keeps them in storage.session, out of content scripts' reach. */
export interface GrantStore {
  read(apiOrigin: string): Promise<OAuthGrant | null>;
  write(grant: OAuthGrant): Promise<void>;
  forget(apiOrigin: string): Promise<void>;
}

/** What the grants need, injected so the flow runs the same in Node tests. */
export interface OAuthGrantsDeps {
  store: GrantStore;
  /** The connected app's client id policy names today, or null when it names none. */
  clientId(): Promise<string | null>;
  /** `identity.getRedirectURL()`, asked only when a flow or refresh runs. */
  redirectUri(): string;
  fetch: FetchLike;
  timeoutMs: number;
  now(): Date;
}

/** Why connecting failed: the OAuth flow's error, or the org refusing the new token's first calls. */
export type ConnectError = OAuthError | OrgError | { code: 'no-connected-app'; message: string };

/** The OAuth side of the rep's org links. */
export interface OAuthGrants {
  /** The grant to use for an org, or null: none, or policy no longer names the app it belongs to. */
  current(apiOrigin: string): Promise<OAuthGrant | null>;
  /**
   * A fetch that sends the grant's current access token; when the org answers 401 it refreshes the
   * token once (shared by concurrent calls) and sends the call again. A refresh the org refuses
   * (`invalid_grant`), or a 401 without a refresh token, ends the grant: the answer then stands.
   */
  authorizedFetch(apiOrigin: string): FetchLike;
  /** Runs the sign-in, checks the token with the org (versions, userinfo) and keeps the grant. */
  connect(apiOrigin: string, flow: WebAuthFlowDeps): Promise<Result<OAuthGrant, ConnectError>>;
  /** The rep disconnected: the grant is dropped. */
  disconnect(apiOrigin: string): Promise<void>;
}

/** Creates the grants over a store: connecting, reading and refreshing. */
export function createOAuthGrants(deps: OAuthGrantsDeps): OAuthGrants {
  const refreshing = new Map<string, Promise<OAuthGrant | null>>();

  const clientOf = (apiOrigin: string, clientId: string): OAuthClient => ({
    apiOrigin,
    clientId,
    redirectUri: deps.redirectUri(),
    fetch: deps.fetch,
    timeoutMs: deps.timeoutMs,
  });

  async function current(apiOrigin: string): Promise<OAuthGrant | null> {
    const grant = await deps.store.read(apiOrigin);
    if (!grant) return null;
    const clientId = await deps.clientId();
    if (grant.clientId === clientId) return grant;
    await deps.store.forget(apiOrigin);
    return null;
  }

  async function refresh(grant: OAuthGrant): Promise<OAuthGrant | null> {
    if (!grant.refreshToken) {
      await deps.store.forget(grant.apiOrigin);
      return null;
    }
    const renewed = await refreshTokens(clientOf(grant.apiOrigin, grant.clientId), grant.refreshToken);
    if (!renewed.ok) {
      // Only a refusal ends the grant; offline or a 5xx keeps it for the next call.
      if (renewed.error.code === 'invalid-grant') await deps.store.forget(grant.apiOrigin);
      return null;
    }
    const next: OAuthGrant = { ...grant, ...renewed.value };
    await deps.store.write(next);
    return next;
  }

  // A 401 on one token: the first caller refreshes, every caller with the same dead token waits for it.
  async function renewAfterRefusal(apiOrigin: string, refusedToken: string): Promise<OAuthGrant | null> {
    const stored = await current(apiOrigin);
    if (!stored) return null;
    if (stored.accessToken !== refusedToken) return stored;
    let running = refreshing.get(apiOrigin);
    if (!running) {
      running = refresh(stored).finally(() => refreshing.delete(apiOrigin));
      refreshing.set(apiOrigin, running);
    }
    return running;
  }

  return {
    current,
    authorizedFetch: (apiOrigin) => async (url, init) => {
      const grant = await current(apiOrigin);
      if (!grant) return deps.fetch(url, init);
      const answer = await deps.fetch(url, withBearer(init, grant.accessToken));
      if (answer.status !== 401) return answer;
      const renewed = await renewAfterRefusal(apiOrigin, grant.accessToken);
      return renewed ? deps.fetch(url, withBearer(init, renewed.accessToken)) : answer;
    },
    async connect(apiOrigin, flow) {
      const clientId = await deps.clientId();
      if (!clientId) {
        return err({
          code: 'no-connected-app',
          message:
            'Your organisation has not set up a connected app for Yardstick, so your scores stay in this browser. Ask your Salesforce admin (docs/deployment.md).',
        });
      }
      const tokens = await signInWithOAuth(flow, clientOf(apiOrigin, clientId));
      if (!tokens.ok) return tokens;
      const connection = {
        origin: tokens.value.instanceUrl,
        sessionId: tokens.value.accessToken,
        fetch: deps.fetch,
        timeoutMs: deps.timeoutMs,
      };
      const versioned = await connectToOrg(connection);
      if (!versioned.ok) return err(versioned.error);
      const user = await readOrgUser(connection);
      if (!user.ok) return err(user.error);
      const grant: OAuthGrant = {
        apiOrigin,
        clientId,
        ...tokens.value,
        apiVersion: versioned.value.apiVersion,
        user: user.value,
        connectedAt: deps.now().toISOString(),
      };
      await deps.store.write(grant);
      return ok(grant);
    },
    disconnect: (apiOrigin) => deps.store.forget(apiOrigin),
  };
}

function withBearer(init: RequestInit, accessToken: string): RequestInit {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${accessToken}`);
  return { ...init, headers };
}
