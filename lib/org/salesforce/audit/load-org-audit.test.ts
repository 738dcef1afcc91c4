// @vitest-environment node
import { closeFixtureDeals, seedOrg, TEAM, teamFixture } from '../../../../tests/support/org-audit-fixture';
import { TEST_SESSIONS } from '../../../../tests/support/salesforce-test-org';
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../../../tests/support/salesforce-test-server';
import type { OrgConnection } from '../rest-client';
import { loadOrgAudit, type OrgAuditLoadOptions } from './load-org-audit';
import { rowsToAuditInput } from './rows-to-audit';

const [REP, MANAGER, AUDITOR] = TEST_SESSIONS as [
  (typeof TEST_SESSIONS)[0],
  (typeof TEST_SESSIONS)[0],
  (typeof TEST_SESSIONS)[0],
];
const SEGMENTS = new Map([['lead_source', 'LeadSource']]);
let server: SalesforceTestServer;

beforeEach(async () => {
  server = await startSalesforceTestServer();
});
afterEach(async () => {
  await server.close();
});

const connection = (token = MANAGER.token): OrgConnection => ({
  origin: server.httpOrigin,
  sessionId: token,
  fetch: (url, init) => fetch(url, init),
  timeoutMs: 10_000,
});
const load = (overrides: Partial<OrgAuditLoadOptions> = {}) =>
  loadOrgAudit({
    connection: connection(),
    filters: {},
    segmentFields: SEGMENTS,
    state: null,
    wait: () => Promise.resolve(),
    ...overrides,
  });
const calls = (route: string) => server.calls.get(route) ?? 0;

describe('loading the audit from the org', () => {
  it('follows nextRecordsUrl through pages of varying size, and reads outcomes and the verified owner', async () => {
    const fixture = teamFixture(30);
    seedOrg(server, fixture);
    closeFixtureDeals(server, fixture);
    server.batchSizes = [7, 13, 2];
    const loaded = await load();
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.rows).toHaveLength(3 * 32);
    expect(loaded.value.via).toBe('rest');
    expect(calls('GET query-more')).toBeGreaterThan(5);
    const read = rowsToAuditInput(loaded.value.rows, SEGMENTS);
    expect(read.problems).toEqual([]);
    expect(read.verifiedRaters.map((rater) => rater.name).sort()).toEqual(TEAM.map((rep) => rep.name).sort());
    const closed = fixture.deals.filter((deal) => deal.won !== null);
    expect(read.outcomes).toHaveLength(closed.length);
    const first = closed[0]!;
    expect(read.outcomes.find((outcome) => outcome.deal === first.key)).toEqual({
      deal: first.key,
      won: first.won,
      segments: { lead_source: first.leadSource },
    });
    expect(read.scores.filter((score) => score.context === 'calibration')).toHaveLength(6);
  });

  it('starts the query over when a locator expired, and counts every score once', async () => {
    seedOrg(server, teamFixture(30));
    server.batchSizes = [20];
    server.expireLocators(1);
    const loaded = await load();
    expect(loaded.ok && loaded.value.rows.length).toBe(96);
    expect(calls('GET query')).toBe(2);
  });

  it('switches to a Bulk API 2.0 job from the configured size and reads every CSV page', async () => {
    seedOrg(server, teamFixture(30));
    closeFixtureDeals(server, teamFixture(30));
    server.bulk.pollsBeforeComplete = 2;
    // A first page that holds everything needs no job: the pages here are smaller than the query.
    server.batchSizes = [20];
    const progress: number[] = [];
    const loaded = await load({
      bulkFrom: 50,
      bulkPageSize: 25,
      onProgress: (p) => progress.push(p.rowsRead),
    });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.via).toBe('bulk');
    expect(loaded.value.rows).toHaveLength(96);
    expect(calls('POST bulk-create')).toBe(1);
    expect(calls('GET bulk-job')).toBe(3);
    expect(calls('GET bulk-results')).toBe(4);
    expect(progress.at(-1)).toBe(96);
    const rest = await load();
    expect(rest.ok).toBe(true);
    if (!rest.ok) return;
    // The same rows whichever API read them.
    expect(rowsToAuditInput(loaded.value.rows, SEGMENTS)).toEqual(
      rowsToAuditInput(rest.value.rows, SEGMENTS),
    );
  });

  it('aborts the Bulk job in the org when the load is cancelled while the job runs', async () => {
    seedOrg(server, teamFixture(30));
    server.batchSizes = [20];
    server.bulk.pollsBeforeComplete = 5;
    const controller = new AbortController();
    const loaded = await load({
      connection: { ...connection(), signal: controller.signal },
      bulkFrom: 10,
      // The manager cancels while the load waits for the job.
      wait: () => Promise.resolve(controller.abort()),
    });
    expect(!loaded.ok && loaded.error.code).toBe('aborted');
    expect([...server.bulkJobStates().values()]).toEqual(['Aborted']);
    expect(calls('PATCH bulk-job')).toBe(1);
    expect(calls('GET bulk-results')).toBe(0);
  });

  it('names a bulk job that failed', async () => {
    seedOrg(server, teamFixture(30));
    server.bulk.failNextJob = 'Query timed out';
    server.batchSizes = [20];
    const loaded = await load({ bulkFrom: 10 });
    expect(!loaded.ok && loaded.error).toMatchObject({
      code: 'query-job-failed',
      orgMessage: 'Query timed out',
    });
  });

  it('shows a rep only their own scores, a manager their team, an auditor everyone', async () => {
    seedOrg(server, teamFixture(6));
    server.putScore(AUDITOR.userId, {
      ...[...server.scores.values()][0]!.fields,
      Score_Key__c: 'auditor-own',
    });
    const count = async (token: string) => {
      const loaded = await load({ connection: connection(token) });
      return loaded.ok ? loaded.value.rows.length : -1;
    };
    expect(await count(REP.token)).toBe(8);
    expect(await count(MANAGER.token)).toBe(24);
    expect(await count(AUDITOR.token)).toBe(25);
  });

  it('applies the filters in the query', async () => {
    seedOrg(server, teamFixture(6));
    const only = await load({ filters: { calibrationOnly: true, raterIds: [TEAM[1]!.userId] } });
    expect(only.ok && only.value.rows.map((row) => row.OwnerId)).toEqual([TEAM[1]!.userId, TEAM[1]!.userId]);
    const early = await load({ filters: { savedTo: '2026-09-01T10:00:00Z' } });
    expect(early.ok && early.value.rows).toHaveLength(2);
    const otherVersion = await load({ filters: { definitions: { id: 'two-criteria', version: '9.9.9' } } });
    expect(otherVersion.ok && otherVersion.value.rows).toHaveLength(0);
  });

  it('narrows to my team as the role hierarchy says at each load: the manager’s own scores left out', async () => {
    seedOrg(server, teamFixture(6));
    server.putScore(MANAGER.userId, {
      ...[...server.scores.values()][0]!.fields,
      Score_Key__c: 'manager-own',
    });
    const everyone = await load();
    expect(everyone.ok && everyone.value.rows).toHaveLength(25);
    server.calls.clear();
    const team = await load({ filters: { myTeam: true }, userId: MANAGER.userId });
    if (!team.ok) throw new Error(team.error.message);
    expect(team.value.rows).toHaveLength(24);
    expect(new Set(team.value.rows.map((row) => row.OwnerId))).toEqual(
      new Set(TEAM.map((rep) => rep.userId)),
    );
    // Versions, UserRole, User, then the scores.
    expect(team.value.calls).toBe(4);
    server.calls.clear();
    const again = await load({ filters: { myTeam: true }, state: team.value.state });
    expect(again.ok && again.value).toMatchObject({ incremental: true, changed: 0, calls: 4 });
    // Without the user id the load asks userinfo who the manager is.
    expect(server.calls.get('GET userinfo')).toBe(1);
  });

  it('says so when the role hierarchy gives the user no team', async () => {
    seedOrg(server, teamFixture(6));
    const loaded = await load({ connection: connection(AUDITOR.token), filters: { myTeam: true } });
    expect(!loaded.ok && loaded.error).toMatchObject({ code: 'no-team' });
    expect(!loaded.ok && loaded.error.message).toContain('No one is below your role');
  });

  it('asks only for changes next time: one query when nothing changed, the outcomes of deals closed since', async () => {
    const fixture = teamFixture(30);
    seedOrg(server, fixture);
    const first = await load();
    if (!first.ok) throw new Error(first.error.message);
    server.calls.clear();
    const again = await load({ state: first.value.state });
    expect(again.ok && again.value.changed).toBe(0);
    expect(again.ok && again.value.calls).toBe(1);
    expect(Object.fromEntries(server.calls)).toEqual({ 'GET query-all': 1 });

    server.closeDeal(fixture.deals[0]!.id, true);
    if (!again.ok) return;
    const third = await load({ state: again.value.state });
    if (!third.ok) throw new Error(third.error.message);
    // The three reps' scores of that deal, now with its outcome; nothing else.
    expect(third.value.changed).toBe(3);
    expect(third.value.rows).toHaveLength(96);
    expect(rowsToAuditInput(third.value.rows, SEGMENTS).outcomes).toEqual([
      { deal: fixture.deals[0]!.key, won: true, segments: { lead_source: fixture.deals[0]!.leadSource } },
    ]);
  });

  it('drops the scores deleted in the org since the last load, through queryAll', async () => {
    const fixture = teamFixture(30);
    seedOrg(server, fixture);
    const first = await load();
    if (!first.ok) throw new Error(first.error.message);
    const [gone, kept] = [...server.scores.keys()];
    server.deleteScore(gone!);
    server.calls.clear();
    const second = await load({ state: first.value.state });
    if (!second.ok) throw new Error(second.error.message);
    expect(Object.fromEntries(server.calls)).toEqual({ 'GET query-all': 1 });
    expect(second.value).toMatchObject({ incremental: true, changed: 1, deleted: 1 });
    const keys = second.value.rows.map((row) => row.Score_Key__c);
    expect(keys).toHaveLength(95);
    expect(keys).not.toContain(gone);
    expect(keys).toContain(kept);
    expect(second.value.state.rows).toHaveLength(95);
    // A fresh load through the query resource never sees the deleted score either.
    const fresh = await load();
    expect(fresh.ok && fresh.value.rows.length).toBe(95);
  });

  it('drops deleted scores on an incremental Bulk load too (a queryAll job)', async () => {
    seedOrg(server, teamFixture(30));
    const first = await load();
    if (!first.ok) throw new Error(first.error.message);
    const keys = [...server.scores.keys()];
    for (const key of keys.slice(0, 4)) server.deleteScore(key);
    server.batchSizes = [2];
    const second = await load({ state: first.value.state, bulkFrom: 3 });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value).toMatchObject({ via: 'bulk', deleted: 4 });
    expect(second.value.rows).toHaveLength(92);
  });

  it('returns each org error as its own code', async () => {
    for (const [failure, code] of [
      ['expired-session', 'session-expired'],
      ['api-access-control', 'session-refused-for-api'],
      ['api-disabled-for-org', 'api-disabled-for-org'],
      ['api-currently-disabled', 'api-disabled-for-user'],
      ['request-limit', 'request-limit'],
      ['not-deployed', 'not-deployed'],
      ['login-page', 'login-page'],
      ['server-error', 'server-error'],
      ['redirect', 'redirect'],
    ] as const) {
      server.clearFailures();
      server.fail(failure);
      const loaded = await load();
      expect(!loaded.ok && loaded.error.code, failure).toBe(code);
    }
  });
});
