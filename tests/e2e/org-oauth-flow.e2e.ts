import {
  launchWithExtension,
  PRODUCTION_EXTENSION_DIR,
  type ExtensionBrowser,
} from '../support/browser/launch-browser';
import { startSalesforceTestServer, type SalesforceTestServer } from '../support/salesforce-test-server';
import { TEST_SESSIONS } from '../support/salesforce-test-org';

// The real identity.launchWebAuthFlow of the built extension, against the test org's authorize page under
// the org's real My Domain host. The client id comes only from managed policy, a machine-wide file here,
// so the extension's own "Connect" click is covered by unit tests with the identity API injected
// (lib/org/salesforce/oauth, entrypoints/background/org/org-connect.test.ts); this file checks what those
// inject: that Chromium's sign-in window follows the org's redirect to identity.getRedirectURL(), and
// that the code it returns buys a token the org accepts where it refuses the browser session.
let server: SalesforceTestServer;
let browser: ExtensionBrowser;

beforeEach(async () => {
  server = await startSalesforceTestServer();
  server.apiAccessControl = true;
  browser = await launchWithExtension({
    extensionDir: PRODUCTION_EXTENSION_DIR,
    extraArgs: [
      `--host-resolver-rules=MAP *.my.salesforce.com 127.0.0.1:${server.httpsPort}`,
      '--ignore-certificate-errors',
    ],
  });
});
afterEach(async () => {
  await browser.close();
  await server.close();
});

interface WorkerFlowResult {
  redirectUrl: string;
  redirectUri: string;
  token: { status: number; body: Record<string, string> };
  withToken: number;
  withCookieSession: number;
}

it('signs in through launchWebAuthFlow with PKCE, and the org accepts the token it refuses the session for', async () => {
  const redirectUri = `https://${browser.extensionId}.chromiumapp.org/`;
  server.oauth.app = {
    clientId: '3MVG9.yardstick',
    callbackUrl: redirectUri,
    issuesRefreshTokens: true,
    rotatesRefreshTokens: false,
  };
  const result = await browser.serviceWorker.evaluate(
    async ({ clientId, cookieSession }): Promise<WorkerFlowResult> => {
      const api = 'https://acme.my.salesforce.com';
      const base64Url = (bytes: Uint8Array) =>
        btoa(String.fromCharCode(...bytes))
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
      const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
      const challenge = base64Url(
        new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))),
      );
      // @ts-expect-error the extension's own `chrome` global in its service worker
      const identity = chrome.identity as {
        getRedirectURL(): string;
        launchWebAuthFlow(details: { url: string; interactive: boolean }): Promise<string>;
      };
      const redirectUri = identity.getRedirectURL();
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirectUri,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        state: 'state-1',
        scope: 'api refresh_token',
      });
      const redirectUrl = await identity.launchWebAuthFlow({
        url: `${api}/services/oauth2/authorize?${query.toString()}`,
        interactive: true,
      });
      const code = new URL(redirectUrl).searchParams.get('code') ?? '';
      const answer = await fetch(`${api}/services/oauth2/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          code_verifier: verifier,
          client_id: clientId,
          redirect_uri: redirectUri,
        }).toString(),
      });
      const body = (await answer.json()) as Record<string, string>;
      const call = async (token: string) =>
        (await fetch(`${api}/services/oauth2/userinfo`, { headers: { Authorization: `Bearer ${token}` } }))
          .status;
      return {
        redirectUrl,
        redirectUri,
        token: { status: answer.status, body },
        withToken: await call(body.access_token ?? ''),
        withCookieSession: await call(cookieSession),
      };
    },
    { clientId: '3MVG9.yardstick', cookieSession: TEST_SESSIONS[0]!.token },
  );
  expect(result.redirectUri).toBe(redirectUri);
  const redirect = new URL(result.redirectUrl);
  expect(redirect.origin + redirect.pathname).toBe(redirectUri);
  expect(redirect.searchParams.get('state')).toBe('state-1');
  expect(result.token.status).toBe(200);
  expect(result.token.body).toMatchObject({
    instance_url: 'https://acme.my.salesforce.com',
    token_type: 'Bearer',
  });
  expect(result.token.body.refresh_token).toBeTruthy();
  expect(result.withToken).toBe(200);
  expect(result.withCookieSession).toBe(401);
  expect(server.oauth.calls).toEqual({ authorize: 1, authorization_code: 1, refresh_token: 0 });
});
