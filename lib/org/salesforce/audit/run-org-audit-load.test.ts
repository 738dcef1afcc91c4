// @vitest-environment node
import 'fake-indexeddb/auto';
import { closeFixtureDeals, seedOrg, teamFixture } from '../../../../tests/support/org-audit-fixture';
import { TEST_SESSIONS } from '../../../../tests/support/salesforce-test-org';
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../../../tests/support/salesforce-test-server';
import { OrgAuditDatabase, readOrgAuditState, saveOrgAuditState } from '../../../db/org-audit-store';
import { ok } from '../../../result';
import { listRaters } from './list-raters';
import { runOrgAuditLoad, type OrgAuditLoadDeps } from './run-org-audit-load';

const MANAGER = TEST_SESSIONS[1]!;
const PICKED = 'https://acme.my.salesforce.com';
let server: SalesforceTestServer;
let db: OrgAuditDatabase;
let counter = 0;

beforeEach(async () => {
  server = await startSalesforceTestServer();
  db = new OrgAuditDatabase(`run-org-audit-load-${++counter}`);
});
afterEach(async () => {
  db.close();
  await server.close();
});

const deps = (overrides: Partial<OrgAuditLoadDeps> = {}): OrgAuditLoadDeps => ({
  link: () =>
    Promise.resolve(
      ok({
        connection: {
          origin: server.httpOrigin,
          sessionId: MANAGER.token,
          fetch: (url, init) => fetch(url, init),
          timeoutMs: 10_000,
          apiVersion: '62.0',
        },
        user: {
          userId: MANAGER.userId,
          orgId: '00D5g000004abcDEAQ',
          name: MANAGER.name,
          email: 'manager@example.com',
        },
      }),
    ),
  readState: (origin) => readOrgAuditState(db, origin),
  saveState: (origin, state) => saveOrgAuditState(db, origin, state, 1),
  segmentFields: () => Promise.resolve(new Map([['lead_source', 'LeadSource']])),
  signal: new AbortController().signal,
  wait: () => Promise.resolve(),
  onProgress: () => {},
  ...overrides,
});

describe('a load for the audit page', () => {
  it('stores the rows under the picked org, and a second load with nothing changed costs one query', async () => {
    const fixture = teamFixture(30);
    seedOrg(server, fixture);
    closeFixtureDeals(server, fixture);
    const first = await runOrgAuditLoad(PICKED, {}, deps());
    expect(first).toMatchObject({ type: 'done', rows: 96, summary: { origin: PICKED, incremental: false } });
    expect((await readOrgAuditState(db, PICKED))?.rows).toHaveLength(96);
    server.calls.clear();
    const saved: string[] = [];
    const second = await runOrgAuditLoad(
      PICKED,
      {},
      deps({ saveState: (origin) => Promise.resolve(void saved.push(origin)) }),
    );
    expect(second).toMatchObject({
      type: 'done',
      rows: 96,
      summary: { incremental: true, changed: 0, calls: 1 },
    });
    expect(Object.fromEntries(server.calls)).toEqual({ 'GET query-all': 1 });
    // Nothing changed, so the stored rows are not written again.
    expect(saved).toEqual([]);
    expect((await readOrgAuditState(db, PICKED))?.rows).toHaveLength(96);
  });

  it('keeps nothing of a load cancelled halfway, and the previous load stays whole', async () => {
    seedOrg(server, teamFixture(30));
    const calibration = await runOrgAuditLoad(PICKED, { calibrationOnly: true }, deps());
    expect(calibration).toMatchObject({ type: 'done', rows: 6 });
    server.batchSizes = [20];
    const controller = new AbortController();
    const progress: number[] = [];
    const cancelled = await runOrgAuditLoad(
      PICKED,
      {},
      deps({
        signal: controller.signal,
        onProgress: ({ rowsRead }) => {
          progress.push(rowsRead);
          if (rowsRead >= 40) controller.abort();
        },
      }),
    );
    expect(cancelled).toEqual({ type: 'cancelled' });
    expect(progress.at(-1)).toBeLessThan(96);
    expect((await readOrgAuditState(db, PICKED))?.rows).toHaveLength(6);
  });

  it('answers an org error in its own words and saves nothing', async () => {
    seedOrg(server, teamFixture(6));
    server.fail('request-limit');
    const failed = await runOrgAuditLoad(PICKED, {}, deps());
    expect(failed).toMatchObject({ type: 'failed', code: 'request-limit' });
    expect(failed.type === 'failed' && failed.message).toMatch(/limit/i);
    expect(await readOrgAuditState(db, PICKED)).toBeNull();
  });

  it('answers a missing session before any call', async () => {
    const failed = await runOrgAuditLoad(
      PICKED,
      {},
      deps({
        link: () =>
          Promise.resolve({
            ok: false,
            error: {
              code: 'session-expired',
              message: 'You are not logged in to acme.my.salesforce.com in this browser.',
              status: null,
              orgCode: null,
              orgMessage: null,
              fields: [],
            },
          }),
      }),
    );
    expect(failed).toEqual({
      type: 'failed',
      code: 'session-expired',
      message: 'You are not logged in to acme.my.salesforce.com in this browser.',
    });
    expect(server.calls.size).toBe(0);
  });

  it('lists the team from the role hierarchy and the owners of the stored rows as rater choices', async () => {
    const before = await listRaters(PICKED, deps());
    expect(before.teamProblem).toBeNull();
    expect(before.choices.map((choice) => [choice.name, choice.inTeam, choice.isActive])).toEqual([
      ['Dana Rep', true, true],
      ['Lee Former', true, false],
      ['Robin Closer', true, true],
      ['Sam Seller', true, true],
    ]);
    // A score of the manager's own is in the rows the manager sees, not in the team.
    seedOrg(server, teamFixture(3));
    server.putScore(MANAGER.userId, { ...[...server.scores.values()][0]!.fields, Score_Key__c: 'own' });
    await runOrgAuditLoad(PICKED, {}, deps());
    const after = await listRaters(PICKED, deps());
    expect(after.choices.find((choice) => choice.userId === MANAGER.userId)).toEqual({
      userId: MANAGER.userId,
      name: MANAGER.name,
      inTeam: false,
      isActive: null,
    });
  });

  it('still offers the stored owners when the org cannot say the team, with the reason', async () => {
    seedOrg(server, teamFixture(3));
    await runOrgAuditLoad(PICKED, {}, deps());
    server.fail('request-limit');
    const listed = await listRaters(PICKED, deps());
    expect(listed.teamProblem).toMatch(/API requests|limit/i);
    expect(listed.choices).toHaveLength(3);
    expect(listed.choices.every((choice) => !choice.inTeam)).toBe(true);
  });
});
