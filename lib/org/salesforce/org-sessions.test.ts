// @vitest-environment node
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../../tests/support/salesforce-test-server';
import { TEST_ORG_ID, TEST_SESSIONS } from '../../../tests/support/salesforce-test-org';
import { createOrgSessions, type LinkMemory, type RememberedLink } from './org-sessions';

const REP = TEST_SESSIONS[0]!;
let server: SalesforceTestServer;

beforeEach(async () => {
  server = await startSalesforceTestServer();
});
afterEach(async () => {
  await server.close();
});

function memoryOf(): LinkMemory & { links: Map<string, RememberedLink> } {
  const links = new Map<string, RememberedLink>();
  return {
    links,
    read: async (origin) => links.get(origin) ?? null,
    write: async (link) => void links.set(link.apiOrigin, link),
    forget: async (origin) => void links.delete(origin),
  };
}

function sessionsWith(cookie: { value: string | null }, memory = memoryOf()) {
  const askedFor: string[] = [];
  const sessions = createOrgSessions({
    // The test server stands in for every org's API host: only the origin the cookie was asked for changes.
    readSessionId: async (apiOrigin) => {
      askedFor.push(apiOrigin);
      return cookie.value;
    },
    fetch: (url, init) => fetch(url.replace(/^https:\/\/[^/]+/, server.httpOrigin), init),
    memory,
    timeoutMs: 5000,
  });
  return { sessions, askedFor, memory };
}

const callCount = () => [...server.calls.values()].reduce((sum, n) => sum + n, 0);

describe('org sessions', () => {
  it('links a Lightning page to its My Domain API host with the session user, then remembers it', async () => {
    const { sessions, askedFor } = sessionsWith({ value: REP.token });
    const first = await sessions.forPageHost('acme.lightning.force.com');
    expect(askedFor).toEqual(['https://acme.my.salesforce.com']);
    expect(first.ok && first.value.user).toEqual({
      userId: REP.userId,
      orgId: TEST_ORG_ID,
      name: REP.name,
      email: REP.email,
    });
    expect(first.ok && first.value.connection.apiVersion).toMatch(/^\d+\.0$/);
    const callsAfterFirst = callCount();
    expect(callsAfterFirst).toBe(2);
    const second = await sessions.forPageHost('acme.lightning.force.com');
    expect(second.ok).toBe(true);
    expect(callCount()).toBe(callsAfterFirst);
  });

  it('links again when the session cookie changed, and never remembers the session id itself', async () => {
    const cookie = { value: REP.token as string | null };
    const { sessions, memory } = sessionsWith(cookie);
    await sessions.forApiOrigin('https://acme.my.salesforce.com');
    expect(JSON.stringify([...memory.links.values()])).not.toContain(REP.token);
    cookie.value = TEST_SESSIONS[1]!.token;
    const relinked = await sessions.forApiOrigin('https://acme.my.salesforce.com');
    expect(relinked.ok && relinked.value.user.name).toBe(TEST_SESSIONS[1]!.name);
    expect(callCount()).toBe(4);
  });

  it('says to log in when there is no session cookie, without calling the org', async () => {
    const { sessions } = sessionsWith({ value: null });
    const linked = await sessions.forPageHost('acme.lightning.force.com');
    expect(!linked.ok && linked.error.code).toBe('session-expired');
    expect(!linked.ok && linked.error.message).toMatch(/log in to Salesforce/);
    expect(callCount()).toBe(0);
  });

  it('refuses a Visualforce host instead of calling it', async () => {
    const { sessions, askedFor } = sessionsWith({ value: REP.token });
    const linked = await sessions.forPageHost('acme--c.vf.force.com');
    expect(linked.ok).toBe(false);
    expect(askedFor).toEqual([]);
  });

  it('passes the org refusing an expired session through as session-expired', async () => {
    const { sessions } = sessionsWith({ value: REP.token });
    server.fail('expired-session');
    const linked = await sessions.forPageHost('acme.lightning.force.com');
    expect(!linked.ok && linked.error.orgCode).toBe('INVALID_SESSION_ID');
  });
});
