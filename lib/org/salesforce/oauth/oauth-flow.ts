import { err, ok, type Result } from '../../../result';
import { apiOriginForHost } from '../api-host';
import type { FetchLike } from '../rest-client';
import { localOAuthError, oauthErrorFromOrg, type OAuthError } from './oauth-error';
import { createOAuthState, createPkcePair, type PkceCrypto } from './pkce';

/** The connected app as Yardstick uses it against one org's My Domain. */
export interface OAuthClient {
  /** The org's API origin (`https://acme.my.salesforce.com`): its authorize and token endpoints are used. */
  apiOrigin: string;
  /** The connected app's consumer key, from policy (`orgConnectedAppClientId`). */
  clientId: string;
  /** `identity.getRedirectURL()`: the connected app's callback URL. */
  redirectUri: string;
  fetch: FetchLike;
  timeoutMs: number;
}

/** What the token endpoint granted. */
export interface OAuthTokens {
  accessToken: string;
  /** Only when the connected app grants the `refresh_token` scope. */
  refreshToken: string | null;
  /** Where the API is called with this token: a My Domain API origin. */
  instanceUrl: string;
}

/** The scopes Yardstick asks for: the REST API, and a refresh token so a connection outlives one access token. */
export const OAUTH_SCOPES = 'api refresh_token';

/** The authorize URL of the web-server flow with PKCE (S256) on the org's My Domain. */
export function authorizeUrl(client: OAuthClient, request: { codeChallenge: string; state: string }): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    code_challenge: request.codeChallenge,
    code_challenge_method: 'S256',
    state: request.state,
    scope: OAUTH_SCOPES,
  });
  return `${client.apiOrigin}/services/oauth2/authorize?${query.toString()}`;
}

/**
 * The authorization code from the URL the flow ended on. The `state` is checked first: an answer to
 * another request is refused whatever it says; then the org's `error`, then the code itself.
 */
export function codeFromRedirect(
  redirectUrl: string,
  expected: { state: string; redirectUri: string },
): Result<string, OAuthError> {
  let url: URL;
  try {
    url = new URL(redirectUrl);
  } catch {
    return err(
      localOAuthError(
        'unexpected-answer',
        'The Salesforce sign-in ended on an address Yardstick cannot read.',
      ),
    );
  }
  const callback = new URL(expected.redirectUri);
  if (url.origin !== callback.origin || !url.pathname.startsWith(callback.pathname)) {
    return err(
      localOAuthError('unexpected-answer', 'The Salesforce sign-in ended somewhere other than Yardstick.'),
    );
  }
  if (url.searchParams.get('state') !== expected.state) {
    return err(
      localOAuthError(
        'state-mismatch',
        'The Salesforce sign-in answered a different request than the one Yardstick made, so it was refused. Choose "Connect to Salesforce" again.',
      ),
    );
  }
  const orgCode = url.searchParams.get('error');
  if (orgCode) return err(oauthErrorFromOrg(orgCode, url.searchParams.get('error_description')));
  const code = url.searchParams.get('code');
  if (!code)
    return err(
      localOAuthError('unexpected-answer', 'The Salesforce sign-in returned no authorization code.'),
    );
  return ok(code);
}

/** Exchanges the authorization code for tokens (`grant_type=authorization_code` with the PKCE verifier). */
export function exchangeCode(
  client: OAuthClient,
  code: string,
  codeVerifier: string,
): Promise<Result<OAuthTokens, OAuthError>> {
  return requestTokens(client, {
    grant_type: 'authorization_code',
    code,
    code_verifier: codeVerifier,
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
  });
}

/** A new access token from a refresh token; the refresh token is kept unless the org rotates it. */
export async function refreshTokens(
  client: OAuthClient,
  refreshToken: string,
): Promise<Result<OAuthTokens, OAuthError>> {
  const refreshed = await requestTokens(client, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: client.clientId,
  });
  if (!refreshed.ok) return refreshed;
  return ok({ ...refreshed.value, refreshToken: refreshed.value.refreshToken ?? refreshToken });
}

/** What the flow needs from the browser, injected: the sign-in window and Web Crypto. */
export interface WebAuthFlowDeps {
  /** `identity.launchWebAuthFlow({ url, interactive: true })`: the URL the window ended on. */
  launchWebAuthFlow(url: string): Promise<string | undefined>;
  crypto: PkceCrypto;
}

/**
 * The whole OAuth 2.0 web-server flow with PKCE: opens the org's authorize page in the browser's
 * sign-in window, checks the answer's `state`, and exchanges the code for tokens.
 */
export async function signInWithOAuth(
  deps: WebAuthFlowDeps,
  client: OAuthClient,
): Promise<Result<OAuthTokens, OAuthError>> {
  const pkce = await createPkcePair(deps.crypto);
  const state = createOAuthState(deps.crypto);
  let ended: string | undefined;
  try {
    ended = await deps.launchWebAuthFlow(authorizeUrl(client, { codeChallenge: pkce.codeChallenge, state }));
  } catch (failure) {
    const why = failure instanceof Error && failure.message ? ` (${failure.message})` : '';
    return err(
      localOAuthError(
        'cancelled',
        `The Salesforce sign-in window was closed or could not open${why}; your scores stay in this browser.`,
      ),
    );
  }
  if (!ended) return err(localOAuthError('cancelled', 'The Salesforce sign-in ended without an answer.'));
  const code = codeFromRedirect(ended, { state, redirectUri: client.redirectUri });
  if (!code.ok) return code;
  return exchangeCode(client, code.value, pkce.codeVerifier);
}

async function requestTokens(
  client: OAuthClient,
  form: Record<string, string>,
): Promise<Result<OAuthTokens, OAuthError>> {
  let response: Response;
  let text: string;
  try {
    response = await client.fetch(`${client.apiOrigin}/services/oauth2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      redirect: 'manual',
      credentials: 'omit',
      signal: AbortSignal.timeout(client.timeoutMs),
    });
    text = await response.text();
  } catch (failure) {
    const timedOut = failure instanceof Error && failure.name === 'TimeoutError';
    return err(
      timedOut
        ? localOAuthError(
            'timeout',
            `Salesforce did not answer the sign-in within ${Math.round(client.timeoutMs / 1000)} s.`,
          )
        : localOAuthError(
            'network',
            'Salesforce could not be reached to finish the sign-in (offline, or the connection dropped).',
          ),
    );
  }
  if (response.status >= 500) {
    return err(
      localOAuthError(
        'server-error',
        `Salesforce had a server error (HTTP ${response.status}) finishing the sign-in.`,
      ),
    );
  }
  let body: Record<string, unknown> | null = null;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } catch {
    body = null;
  }
  if (typeof body?.error === 'string') {
    return err(
      oauthErrorFromOrg(
        body.error,
        typeof body.error_description === 'string' ? body.error_description : null,
      ),
    );
  }
  const unreadable = localOAuthError(
    'unexpected-answer',
    `Salesforce's token endpoint answered HTTP ${response.status} without the tokens Yardstick asked for.`,
  );
  if (response.status !== 200 || !body) return err(unreadable);
  const { access_token: accessToken, refresh_token: refreshToken, instance_url: instanceUrl } = body;
  if (typeof accessToken !== 'string' || accessToken === '' || typeof instanceUrl !== 'string')
    return err(unreadable);
  const instance = apiInstanceOrigin(instanceUrl);
  if (!instance) {
    return err(
      localOAuthError(
        'unexpected-answer',
        `Salesforce named ${instanceUrl} as the org's API address, which is not a My Domain API host Yardstick calls.`,
      ),
    );
  }
  return ok({
    accessToken,
    refreshToken: typeof refreshToken === 'string' && refreshToken !== '' ? refreshToken : null,
    instanceUrl: instance,
  });
}

// The token is only ever sent to an https My Domain API origin (the manifest's API hosts), never elsewhere.
function apiInstanceOrigin(instanceUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(instanceUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const api = apiOriginForHost(url.host);
  return api.ok && api.value === url.origin ? url.origin : null;
}
