import {
  authorizeUrl,
  codeFromRedirect,
  refreshTokens,
  signInWithOAuth,
  type OAuthClient,
  type WebAuthFlowDeps,
} from './oauth-flow';
import { codeChallengeOf } from './pkce';

const API = 'https://acme.my.salesforce.com';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

interface TokenCall {
  url: string;
  form: URLSearchParams;
  contentType: string | null;
}

function tokenEndpoint(answer: (form: URLSearchParams) => { status: number; body: unknown }) {
  const calls: TokenCall[] = [];
  const fetch = async (url: string, init: RequestInit) => {
    const form = new URLSearchParams(String(init.body));
    calls.push({ url, form, contentType: new Headers(init.headers).get('Content-Type') });
    const { status, body } = answer(form);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  return { calls, fetch };
}

function clientWith(fetch: OAuthClient['fetch']): OAuthClient {
  return { apiOrigin: API, clientId: '3MVG9.client', redirectUri: REDIRECT, fetch, timeoutMs: 5000 };
}

const GRANTED = {
  access_token: '00D5g000004abcD!AQ4.access',
  refresh_token: '5Aep.refresh',
  instance_url: API,
  id: `https://login.salesforce.com/id/00D5g000004abcDEAQ/0055g00000Rep01AAB`,
  token_type: 'Bearer',
  issued_at: '1764770000000',
  signature: 'c2lnbmF0dXJl',
  scope: 'refresh_token api',
};

/** An authorize page that approves: it redirects to the callback with a code and the request's state. */
function approvingWindow(code = 'aPrx.code'): WebAuthFlowDeps & { asked: URL[] } {
  const asked: URL[] = [];
  return {
    asked,
    crypto,
    launchWebAuthFlow: async (url) => {
      const request = new URL(url);
      asked.push(request);
      return `${REDIRECT}?code=${code}&state=${request.searchParams.get('state')}`;
    },
  };
}

describe('the authorize request', () => {
  it('asks the My Domain for a code with an S256 challenge, a state and the api and refresh_token scopes', () => {
    const url = new URL(authorizeUrl(clientWith(fetch), { codeChallenge: 'challenge', state: 'state-1' }));
    expect(url.origin + url.pathname).toBe(`${API}/services/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: '3MVG9.client',
      redirect_uri: REDIRECT,
      code_challenge: 'challenge',
      code_challenge_method: 'S256',
      state: 'state-1',
      scope: 'api refresh_token',
    });
  });
});

describe('the redirect the sign-in ends on', () => {
  const expected = { state: 'state-1', redirectUri: REDIRECT };

  it('gives the code when the state matches', () => {
    expect(codeFromRedirect(`${REDIRECT}?code=abc&state=state-1`, expected)).toEqual({
      ok: true,
      value: 'abc',
    });
  });

  it('refuses a code that answers another request (state mismatch)', () => {
    const answer = codeFromRedirect(`${REDIRECT}?code=abc&state=forged`, expected);
    expect(answer).toMatchObject({ ok: false, error: { code: 'state-mismatch' } });
  });

  it('refuses a redirect without a state, even one carrying an error', () => {
    expect(codeFromRedirect(`${REDIRECT}?error=access_denied`, expected)).toMatchObject({
      ok: false,
      error: { code: 'state-mismatch' },
    });
  });

  it('refuses an answer that lands on another address', () => {
    expect(codeFromRedirect('https://evil.example/?code=abc&state=state-1', expected)).toMatchObject({
      ok: false,
      error: { code: 'unexpected-answer' },
    });
  });

  it.each([
    ['access_denied', 'end-user denied authorization', 'denied'],
    ['OAUTH_APP_BLOCKED', 'this app is blocked by admin', 'app-blocked'],
    ['redirect_uri_mismatch', 'redirect_uri must match configuration', 'app-not-set-up'],
    ['invalid_client_id', 'client identifier invalid', 'app-not-set-up'],
  ])('names the org error %s in words', (orgCode, description, code) => {
    const url = `${REDIRECT}?error=${orgCode}&error_description=${encodeURIComponent(description)}&state=state-1`;
    const answer = codeFromRedirect(url, expected);
    expect(answer).toMatchObject({ ok: false, error: { code, orgCode, orgMessage: description } });
    if (!answer.ok) expect(answer.error.message).toContain(description);
  });
});

describe('signing in with PKCE', () => {
  it('exchanges the code with the verifier whose S256 challenge the authorize page got', async () => {
    const endpoint = tokenEndpoint(() => ({ status: 200, body: GRANTED }));
    const window = approvingWindow();
    const tokens = await signInWithOAuth(window, clientWith(endpoint.fetch));
    expect(tokens).toEqual({
      ok: true,
      value: { accessToken: GRANTED.access_token, refreshToken: '5Aep.refresh', instanceUrl: API },
    });
    const [call] = endpoint.calls;
    expect(call!.url).toBe(`${API}/services/oauth2/token`);
    expect(call!.contentType).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(call!.form)).toEqual({
      grant_type: 'authorization_code',
      code: 'aPrx.code',
      code_verifier: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      client_id: '3MVG9.client',
      redirect_uri: REDIRECT,
    });
    const challenge = window.asked[0]!.searchParams.get('code_challenge');
    expect(await codeChallengeOf(call!.form.get('code_verifier')!, crypto)).toBe(challenge);
  });

  it('never calls the token endpoint when the state does not match', async () => {
    const endpoint = tokenEndpoint(() => ({ status: 200, body: GRANTED }));
    const forged: WebAuthFlowDeps = {
      crypto,
      launchWebAuthFlow: async () => `${REDIRECT}?code=stolen&state=another`,
    };
    const tokens = await signInWithOAuth(forged, clientWith(endpoint.fetch));
    expect(tokens).toMatchObject({ ok: false, error: { code: 'state-mismatch' } });
    expect(endpoint.calls).toHaveLength(0);
  });

  it('says the window was closed when the browser rejects the flow', async () => {
    const closed: WebAuthFlowDeps = {
      crypto,
      launchWebAuthFlow: () => Promise.reject(new Error('The user did not approve access.')),
    };
    const tokens = await signInWithOAuth(closed, clientWith(fetch));
    expect(tokens).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    if (!tokens.ok) expect(tokens.error.message).toContain('The user did not approve access.');
  });

  it('reports the token endpoint refusing the code (invalid_grant) with its description', async () => {
    const endpoint = tokenEndpoint(() => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'invalid code verifier' },
    }));
    const tokens = await signInWithOAuth(approvingWindow(), clientWith(endpoint.fetch));
    expect(tokens).toMatchObject({
      ok: false,
      error: { code: 'invalid-grant', orgCode: 'invalid_grant', orgMessage: 'invalid code verifier' },
    });
  });

  it('refuses an instance_url that is not a My Domain API origin, so the token goes nowhere else', async () => {
    const endpoint = tokenEndpoint(() => ({
      status: 200,
      body: { ...GRANTED, instance_url: 'https://collector.example' },
    }));
    const tokens = await signInWithOAuth(approvingWindow(), clientWith(endpoint.fetch));
    expect(tokens).toMatchObject({ ok: false, error: { code: 'unexpected-answer' } });
  });

  it.each([
    ['a 5xx', 503, '', 'server-error'],
    ['HTML', 200, '<!DOCTYPE html><html></html>', 'unexpected-answer'],
    ['no access token', 200, { instance_url: API }, 'unexpected-answer'],
  ])('names %s from the token endpoint', async (_case, status, body, code) => {
    const endpoint = tokenEndpoint(() => ({ status, body }));
    const tokens = await signInWithOAuth(approvingWindow(), clientWith(endpoint.fetch));
    expect(tokens).toMatchObject({ ok: false, error: { code } });
  });

  it('names a network failure', async () => {
    const offline = () => Promise.reject(new TypeError('Failed to fetch'));
    const tokens = await signInWithOAuth(approvingWindow(), clientWith(offline));
    expect(tokens).toMatchObject({ ok: false, error: { code: 'network' } });
  });
});

describe('refreshing', () => {
  it('posts grant_type=refresh_token and keeps the refresh token the org did not rotate', async () => {
    const endpoint = tokenEndpoint(() => ({
      status: 200,
      body: { access_token: 'new-access', instance_url: API, token_type: 'Bearer' },
    }));
    const tokens = await refreshTokens(clientWith(endpoint.fetch), '5Aep.refresh');
    expect(tokens).toEqual({
      ok: true,
      value: { accessToken: 'new-access', refreshToken: '5Aep.refresh', instanceUrl: API },
    });
    expect(Object.fromEntries(endpoint.calls[0]!.form)).toEqual({
      grant_type: 'refresh_token',
      refresh_token: '5Aep.refresh',
      client_id: '3MVG9.client',
    });
  });

  it('takes a rotated refresh token', async () => {
    const endpoint = tokenEndpoint(() => ({ status: 200, body: { ...GRANTED, refresh_token: 'rotated' } }));
    const tokens = await refreshTokens(clientWith(endpoint.fetch), '5Aep.refresh');
    expect(tokens).toMatchObject({ ok: true, value: { refreshToken: 'rotated' } });
  });

  it('says to connect again when the refresh token expired or was revoked', async () => {
    const endpoint = tokenEndpoint(() => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: 'expired access/refresh token' },
    }));
    const tokens = await refreshTokens(clientWith(endpoint.fetch), 'old');
    expect(tokens).toMatchObject({ ok: false, error: { code: 'invalid-grant' } });
    if (!tokens.ok) expect(tokens.error.message).toMatch(/Connect to Salesforce/);
  });
});
