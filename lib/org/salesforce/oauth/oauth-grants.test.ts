// @vitest-environment node
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../../../tests/support/salesforce-test-server';
import { TEST_ORG_ID, TEST_SESSIONS } from '../../../../tests/support/salesforce-test-org';
import { createOrgSessions, type LinkMemory } from '../org-sessions';
import { peekSession } from '../peek-link';
import { queryAll } from '../rest-client';
import { createOAuthGrants, type GrantStore, type OAuthGrant } from './oauth-grants';
import type { WebAuthFlowDeps } from './oauth-flow';

const REP = TEST_SESSIONS[0]!;
const API = 'https://acme.my.salesforce.com';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const CLIENT_ID = '3MVG9.yardstick';
let server: SalesforceTestServer;

beforeEach(async () => {
  tokenEndpointDown = false;
  server = await startSalesforceTestServer();
  server.apiAccessControl = true;
  server.oauth.app = {
    clientId: CLIENT_ID,
    callbackUrl: REDIRECT,
    issuesRefreshTokens: true,
    rotatesRefreshTokens: false,
  };
});
afterEach(async () => {
  await server.close();
});

// The test server stands in for the org's My Domain: only the origin of each call changes.
const toServer = (url: string) => url.replace(/^https:\/\/[^/]+/, server.httpOrigin);
let tokenEndpointDown = false;
const serverFetch = (url: string, init: RequestInit) =>
  tokenEndpointDown && url.endsWith('/services/oauth2/token')
    ? Promise.reject(new TypeError('Failed to fetch'))
    : fetch(toServer(url), init);

/** identity.launchWebAuthFlow as Chromium runs it: follows the authorize page until it reaches the callback. */
const webAuthFlow: WebAuthFlowDeps = {
  crypto,
  async launchWebAuthFlow(url) {
    const answer = await fetch(toServer(url), { redirect: 'manual' });
    const location = answer.headers.get('Location');
    if (location?.startsWith(REDIRECT)) return location;
    throw new Error('Authorization page could not be loaded.');
  },
};

function storeOf(): GrantStore & { grants: Map<string, OAuthGrant> } {
  const grants = new Map<string, OAuthGrant>();
  return {
    grants,
    read: async (origin) => grants.get(origin) ?? null,
    write: async (grant) => void grants.set(grant.apiOrigin, grant),
    forget: async (origin) => void grants.delete(origin),
  };
}

function setUp(policy = { clientId: CLIENT_ID as string | null }) {
  const store = storeOf();
  const oauth = createOAuthGrants({
    store,
    clientId: async () => policy.clientId,
    redirectUri: () => REDIRECT,
    fetch: serverFetch,
    timeoutMs: 5000,
    now: () => new Date('2026-12-03T15:00:00Z'),
  });
  const links = new Map();
  const memory: LinkMemory = {
    read: async (origin) => links.get(origin) ?? null,
    write: async (link) => void links.set(link.apiOrigin, link),
    forget: async (origin) => void links.delete(origin),
  };
  const readSessionId = async () => REP.token;
  const sessions = createOrgSessions({ readSessionId, fetch: serverFetch, memory, timeoutMs: 5000, oauth });
  return { store, oauth, sessions, peek: () => peekSession({ readSessionId, memory, oauth }, API) };
}

const countOpportunities = async (
  link: Awaited<ReturnType<ReturnType<typeof setUp>['sessions']['forApiOrigin']>>,
) => {
  if (!link.ok) throw new Error(link.error.message);
  return queryAll(link.value.connection, 'SELECT Id FROM Opportunity', { aboutScoresObject: false });
};

describe('connecting an org whose API Access Control refuses the browser session', () => {
  it('refuses the cookie session, then works through the connected app with the rep as the org user', async () => {
    const { oauth, sessions, peek } = setUp();
    const refused = await sessions.forApiOrigin(API);
    expect(refused).toMatchObject({ ok: false, error: { code: 'session-refused-for-api' } });

    const connected = await oauth.connect(API, webAuthFlow);
    expect(connected).toMatchObject({
      ok: true,
      value: {
        apiOrigin: API,
        instanceUrl: API,
        clientId: CLIENT_ID,
        user: { userId: REP.userId, orgId: TEST_ORG_ID },
      },
    });
    expect(server.oauth.calls).toEqual({ authorize: 1, authorization_code: 1, refresh_token: 0 });

    const linked = await sessions.forApiOrigin(API);
    expect(linked.ok && linked.value.user.name).toBe(REP.name);
    const records = await countOpportunities(linked);
    expect(records.ok).toBe(true);
    expect(await peek()).toEqual({
      orgId: TEST_ORG_ID,
      user: expect.objectContaining({ userId: REP.userId }),
    });
  });

  it('refreshes an expired access token once for concurrent calls, and the calls succeed', async () => {
    const { oauth, sessions, store } = setUp();
    await oauth.connect(API, webAuthFlow);
    const before = store.grants.get(API)!;
    server.oauth.expireAccessTokens();
    const linked = await sessions.forApiOrigin(API);
    const answers = await Promise.all([countOpportunities(linked), countOpportunities(linked)]);
    expect(answers.map((answer) => answer.ok)).toEqual([true, true]);
    expect(server.oauth.calls.refresh_token).toBe(1);
    const after = store.grants.get(API)!;
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).toBe(before.refreshToken);
  });

  it('keeps the rotated refresh token, so the next refresh works too', async () => {
    server.oauth.app!.rotatesRefreshTokens = true;
    const { oauth, sessions, store } = setUp();
    await oauth.connect(API, webAuthFlow);
    for (let round = 0; round < 2; round++) {
      server.oauth.expireAccessTokens();
      expect((await countOpportunities(await sessions.forApiOrigin(API))).ok).toBe(true);
    }
    expect(server.oauth.calls.refresh_token).toBe(2);
    expect(store.grants.get(API)?.refreshToken).toMatch(/!Refresh\./);
  });

  it('ends the grant when the org refuses the refresh token (invalid_grant), and the org refuses the call', async () => {
    const { oauth, sessions, store } = setUp();
    await oauth.connect(API, webAuthFlow);
    server.oauth.expireAccessTokens();
    server.oauth.revokeRefreshTokens();
    const answer = await countOpportunities(await sessions.forApiOrigin(API));
    expect(answer).toMatchObject({ ok: false, error: { code: 'session-expired' } });
    expect(store.grants.has(API)).toBe(false);
    expect(await sessions.forApiOrigin(API)).toMatchObject({
      ok: false,
      error: { code: 'session-refused-for-api' },
    });
  });

  it('ends the grant at the first refusal when the app gives no refresh token', async () => {
    server.oauth.app!.issuesRefreshTokens = false;
    const { oauth, sessions, store } = setUp();
    const connected = await oauth.connect(API, webAuthFlow);
    expect(connected.ok && connected.value.refreshToken).toBeNull();
    server.oauth.expireAccessTokens();
    expect((await countOpportunities(await sessions.forApiOrigin(API))).ok).toBe(false);
    expect(server.oauth.calls.refresh_token).toBe(0);
    expect(store.grants.has(API)).toBe(false);
  });

  it('keeps the grant when the refresh cannot reach the org, for the next call to try again', async () => {
    const { oauth, sessions, store } = setUp();
    await oauth.connect(API, webAuthFlow);
    server.oauth.expireAccessTokens();
    tokenEndpointDown = true;
    expect((await countOpportunities(await sessions.forApiOrigin(API))).ok).toBe(false);
    expect(store.grants.has(API)).toBe(true);
    tokenEndpointDown = false;
    expect((await countOpportunities(await sessions.forApiOrigin(API))).ok).toBe(true);
    expect(server.oauth.calls.refresh_token).toBe(1);
  });

  it('stops using a grant once policy names another connected app', async () => {
    const policy = { clientId: CLIENT_ID as string | null };
    const { oauth, sessions, store } = setUp(policy);
    await oauth.connect(API, webAuthFlow);
    policy.clientId = '3MVG9.another';
    expect(await sessions.forApiOrigin(API)).toMatchObject({
      ok: false,
      error: { code: 'session-refused-for-api' },
    });
    expect(store.grants.size).toBe(0);
  });

  it('says the org has no connected app when policy names none, without opening a window', async () => {
    const opened: string[] = [];
    const { oauth } = setUp({ clientId: null });
    const connected = await oauth.connect(API, {
      crypto,
      launchWebAuthFlow: async (url) => {
        opened.push(url);
        return undefined;
      },
    });
    expect(connected).toMatchObject({ ok: false, error: { code: 'no-connected-app' } });
    expect(opened).toEqual([]);
  });

  it('keeps nothing when the rep denies access on the authorize page', async () => {
    server.oauth.denyNext = { error: 'access_denied', description: 'end-user denied authorization' };
    const { oauth, store } = setUp();
    expect(await oauth.connect(API, webAuthFlow)).toMatchObject({ ok: false, error: { code: 'denied' } });
    expect(store.grants.size).toBe(0);
    expect(server.oauth.calls.authorization_code).toBe(0);
  });

  it('says the window closed when the app lists another callback URL (the org shows its error page)', async () => {
    server.oauth.app!.callbackUrl = 'https://other.chromiumapp.org/';
    const { oauth } = setUp();
    expect(await oauth.connect(API, webAuthFlow)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
