// @vitest-environment node
import { TEST_SESSIONS } from '../../../../tests/support/salesforce-test-org';
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../../../tests/support/salesforce-test-server';
import { readOrgTeam } from './read-team';

const [REP, MANAGER] = TEST_SESSIONS as [(typeof TEST_SESSIONS)[0], (typeof TEST_SESSIONS)[0]];
let server: SalesforceTestServer;

beforeEach(async () => {
  server = await startSalesforceTestServer();
});
afterEach(async () => {
  await server.close();
});

const connection = (token: string) => ({
  origin: server.httpOrigin,
  sessionId: token,
  fetch: (url: string, init: RequestInit) => fetch(url, init),
  timeoutMs: 10_000,
  apiVersion: '62.0',
});

describe('reading the manager’s team from the org', () => {
  it('queries UserRole and User and returns the users below the manager’s role', async () => {
    const read = await readOrgTeam(connection(MANAGER.token), MANAGER.userId);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.team?.map((member) => [member.name, member.isActive])).toEqual([
      ['Dana Rep', true],
      ['Lee Former', false],
      ['Robin Closer', true],
      ['Sam Seller', true],
    ]);
    // The same users the org's sharing opens to the manager through the hierarchy.
    expect(read.value.team?.map((member) => member.userId).sort()).toEqual([...MANAGER.team].sort());
    expect(read.value.calls).toBe(2);
    expect(server.calls.get('GET query')).toBe(2);
  });

  it('pages through users whatever the batch size', async () => {
    server.batchSizes = [2, 3];
    const read = await readOrgTeam(connection(MANAGER.token), MANAGER.userId);
    expect(read.ok && read.value.team?.length).toBe(4);
    expect(read.ok && read.value.calls).toBeGreaterThan(3);
  });

  it('works under private user sharing: the manager still sees the users below', async () => {
    server.userSharing = 'hierarchy';
    const read = await readOrgTeam(connection(MANAGER.token), MANAGER.userId);
    expect(read.ok && read.value.team?.length).toBe(4);
    const rep = await readOrgTeam(connection(REP.token), REP.userId);
    expect(rep.ok && rep.value.problem?.code).toBe('no-one-below');
  });

  it('returns the org’s error as an error value', async () => {
    server.fail('expired-session');
    const read = await readOrgTeam(connection(MANAGER.token), MANAGER.userId);
    expect(!read.ok && read.error.code).toBe('session-expired');
  });
});
