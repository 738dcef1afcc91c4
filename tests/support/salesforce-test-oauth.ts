import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TestOrgSession } from './salesforce-test-org';

/** The connected app an admin installed in the test org. */
export interface TestConnectedApp {
  clientId: string;
  /** The app's callback URL: `identity.getRedirectURL()` of the extension. */
  callbackUrl: string;
  /** The app's scopes include `refresh_token`. */
  issuesRefreshTokens: boolean;
  /** Refresh token rotation: every refresh answers a new refresh token and ends the old one. */
  rotatesRefreshTokens: boolean;
}

/**
 * The test org's OAuth 2.0 endpoints, as Salesforce documents them for the web-server flow with PKCE:
 * `GET /services/oauth2/authorize` (302 to the callback with `code` and `state`, or `error`), and
 * `POST /services/oauth2/token` (form-encoded; `authorization_code` with `code_verifier`, or
 * `refresh_token`), errors as `{"error":…,"error_description":…}`.
 */
export interface TestOAuth {
  /** Null: no connected app installed; the authorize page shows an error page. */
  app: TestConnectedApp | null;
  /** Who the authorize page signs in: the rep whose browser session the org already knows. */
  signedInAs: TestOrgSession;
  /** The next authorize answers this error to the callback (e.g. the rep denies access). */
  denyNext: { error: string; description: string } | null;
  /** The token response's `instance_url`. */
  instanceUrl: string;
  /** Ends every access token issued so far (the org's session timeout). */
  expireAccessTokens(): void;
  /** Revokes every refresh token issued so far (an admin revoked the app's access). */
  revokeRefreshTokens(): void;
  /** The org user an access token belongs to, or null. */
  sessionOf(token: string | undefined): TestOrgSession | null;
  /** Token requests by grant type, and the authorize page's visits. */
  calls: { authorize: number; authorization_code: number; refresh_token: number };
  handles(path: string): boolean;
  answer(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void>;
}

interface IssuedCode {
  clientId: string;
  redirectUri: string;
  challenge: string | null;
  session: TestOrgSession;
}

const AUTHORIZE = '/services/oauth2/authorize';
const TOKEN = '/services/oauth2/token';

/** Creates the OAuth side of the test org; `signedInAs` is the user the authorize page approves for. */
export function createTestOAuth(signedInAs: TestOrgSession): TestOAuth {
  const codes = new Map<string, IssuedCode>();
  const accessTokens = new Map<string, TestOrgSession>();
  const refreshTokens = new Map<string, TestOrgSession>();
  const token = (session: TestOrgSession, kind: string) =>
    `${session.orgId.slice(0, 15)}!${kind}.${randomBytes(24).toString('base64url')}`;

  const oauth: TestOAuth = {
    app: null,
    signedInAs,
    denyNext: null,
    instanceUrl: 'https://acme.my.salesforce.com',
    expireAccessTokens: () => accessTokens.clear(),
    revokeRefreshTokens: () => refreshTokens.clear(),
    sessionOf: (candidate) => (candidate ? (accessTokens.get(candidate) ?? null) : null),
    calls: { authorize: 0, authorization_code: 0, refresh_token: 0 },
    handles: (path) => path === AUTHORIZE || path === TOKEN,
    async answer(request, response, url) {
      if (url.pathname === AUTHORIZE) return authorize(response, url);
      if (request.method !== 'POST') return tokenError(response, 'invalid_request', 'must use HTTP POST');
      const type = String(request.headers['content-type'] ?? '');
      if (!type.startsWith('application/x-www-form-urlencoded')) {
        return tokenError(response, 'invalid_request', 'unsupported content type');
      }
      const form = new URLSearchParams(await readBody(request));
      const grantType = form.get('grant_type');
      if (grantType === 'authorization_code') return exchange(response, form);
      if (grantType === 'refresh_token') return refresh(response, form);
      return tokenError(response, 'unsupported_grant_type', 'grant type not supported');
    },
  };

  function authorize(response: ServerResponse, url: URL) {
    oauth.calls.authorize++;
    const query = url.searchParams;
    const app = oauth.app;
    // Salesforce shows its own error page, never a redirect, for an unknown app or callback.
    if (!app || query.get('client_id') !== app.clientId) return errorPage(response, 'OAUTH_EC_APP_NOT_FOUND');
    if (query.get('redirect_uri') !== app.callbackUrl) return errorPage(response, 'redirect_uri_mismatch');
    const state = query.get('state');
    const back = new URL(app.callbackUrl);
    if (state !== null) back.searchParams.set('state', state);
    if (query.get('response_type') !== 'code') {
      back.searchParams.set('error', 'unsupported_response_type');
      back.searchParams.set('error_description', 'response type not supported');
    } else if (oauth.denyNext) {
      back.searchParams.set('error', oauth.denyNext.error);
      back.searchParams.set('error_description', oauth.denyNext.description);
      oauth.denyNext = null;
    } else {
      const code = `aPrx${randomBytes(24).toString('base64url')}`;
      const method = query.get('code_challenge_method') ?? 'plain';
      if (method !== 'S256') return errorPage(response, 'invalid code challenge method');
      codes.set(code, {
        clientId: app.clientId,
        redirectUri: app.callbackUrl,
        challenge: query.get('code_challenge'),
        session: oauth.signedInAs,
      });
      back.searchParams.set('code', code);
    }
    response.writeHead(302, { Location: back.toString() });
    response.end();
  }

  function exchange(response: ServerResponse, form: URLSearchParams) {
    oauth.calls.authorization_code++;
    const issued = codes.get(form.get('code') ?? '');
    if (!issued) return tokenError(response, 'invalid_grant', 'invalid authorization code');
    // A code is good for one exchange, whatever its outcome.
    codes.delete(form.get('code')!);
    if (form.get('client_id') !== issued.clientId)
      return tokenError(response, 'invalid_client_id', 'client identifier invalid');
    if (form.get('redirect_uri') !== issued.redirectUri)
      return tokenError(response, 'redirect_uri_mismatch', 'redirect_uri must match configuration');
    const verifier = form.get('code_verifier');
    if (issued.challenge !== null) {
      if (!verifier) return tokenError(response, 'invalid_grant', 'invalid code verifier');
      const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
      if (challenge !== issued.challenge)
        return tokenError(response, 'invalid_grant', 'invalid code verifier');
    }
    grant(response, issued.session, oauth.app?.issuesRefreshTokens ?? false);
  }

  function refresh(response: ServerResponse, form: URLSearchParams) {
    oauth.calls.refresh_token++;
    const presented = form.get('refresh_token') ?? '';
    const session = refreshTokens.get(presented);
    if (!session || form.get('client_id') !== oauth.app?.clientId) {
      return tokenError(response, 'invalid_grant', 'expired access/refresh token');
    }
    const rotate = oauth.app.rotatesRefreshTokens;
    if (rotate) refreshTokens.delete(presented);
    grant(response, session, rotate);
  }

  function grant(response: ServerResponse, session: TestOrgSession, withRefreshToken: boolean) {
    const access = token(session, 'OAuth');
    accessTokens.set(access, session);
    const body: Record<string, string> = {
      access_token: access,
      signature: randomBytes(32).toString('base64'),
      scope: withRefreshToken ? 'refresh_token api' : 'api',
      instance_url: oauth.instanceUrl,
      id: `https://login.salesforce.com/id/${session.orgId}/${session.userId}`,
      token_type: 'Bearer',
      issued_at: String(Date.now()),
    };
    if (withRefreshToken) {
      const refreshToken = token(session, 'Refresh');
      refreshTokens.set(refreshToken, session);
      body.refresh_token = refreshToken;
    }
    response.writeHead(200, {
      'Content-Type': 'application/json;charset=UTF-8',
      'Cache-Control': 'no-store',
    });
    response.end(JSON.stringify(body));
  }

  return oauth;
}

function tokenError(response: ServerResponse, error: string, description: string) {
  response.writeHead(400, { 'Content-Type': 'application/json;charset=UTF-8' });
  response.end(JSON.stringify({ error, error_description: description }));
}

function errorPage(response: ServerResponse, error: string) {
  response.writeHead(400, { 'Content-Type': 'text/html;charset=UTF-8' });
  response.end(`<!DOCTYPE html><html><body><p>error=${error}</p></body></html>`);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
