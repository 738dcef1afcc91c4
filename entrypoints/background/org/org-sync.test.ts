// @vitest-environment node
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import '../../../lib/zod-jitless';
import { appendScore } from '../../../lib/db/score-repository';
import { YardstickDatabase } from '../../../lib/db/yardstick-database';
import type { OrgTarget } from '../../../lib/org/salesforce/outbox-rows';
import type { ScoreRecord } from '../../../lib/scoring/score-record';
import { createOrgSyncHarness, type OrgSyncHarness } from '../../../tests/unit/helpers/org-sync-harness';
import { TEST_ORG_ID, TEST_SESSIONS } from '../../../tests/support/salesforce-test-org';
import {
  startSalesforceTestServer,
  type OrgFailure,
  type SalesforceTestServer,
} from '../../../tests/support/salesforce-test-server';

const API_ORIGIN = 'https://acme.my.salesforce.com';
const REP = TEST_SESSIONS[0]!;
const TARGET: OrgTarget = { apiOrigin: API_ORIGIN, orgId: TEST_ORG_ID, cookieStoreId: null };
const DEAL_URL = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view';

let server: SalesforceTestServer;
let db: YardstickDatabase;
let harness: OrgSyncHarness;
let counter = 0;

beforeEach(async () => {
  server = await startSalesforceTestServer();
  db = new YardstickDatabase(`org-sync-${++counter}`);
  harness = createOrgSyncHarness(db, { rewriteOrigin: () => server.httpOrigin });
  harness.cookies.set(API_ORIGIN, REP.token);
});
afterEach(async () => {
  db.close();
  await server.close();
});

function score(): ScoreRecord {
  const id = randomUUID();
  return {
    id,
    dealKey: 'salesforce-lightning:acme:0065g00000AbCdEAAV',
    rater: 'dana@acme.example',
    context: 'deal',
    deal: {
      crm: 'salesforce-lightning',
      instance: 'acme',
      recordId: '0065g00000AbCdEAAV',
      dealKey: 'salesforce-lightning:acme:0065g00000AbCdEAAV',
      url: DEAL_URL,
      name: { text: 'Globex', strategy: 'api' },
      stage: { text: 'Negotiation', strategy: 'api' },
      amount: { text: '$120,000.00', strategy: 'api', value: 120000, currency: 'USD' },
      closeDate: { text: '6/30/2026', strategy: 'api', iso: '2026-06-30' },
      owner: { text: 'Dana Rep', strategy: 'api' },
      readAt: '2026-12-01T09:00:00.000Z',
    },
    definitions: { id: 'meddpicc', version: '2.1.0', hash: 'a'.repeat(64) },
    answers: [{ criterionId: 'metrics', level: 3, evidence: 'CFO named a 12% target.' }],
    total: 42.5,
    ceiling: 70,
    band: { id: 'developing', label: 'Developing' },
    savedAt: '2026-12-01T09:00:00.000Z',
  };
}

async function saveScores(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index++) {
    const record = score();
    await appendScore(db, record, TARGET, new Date(harness.clock.now));
    ids.push(record.id);
  }
  return ids;
}

const upsertCalls = () =>
  [...server.calls].filter(([route]) => route.startsWith('PATCH')).reduce((n, [, c]) => n + c, 0);

describe('the outbox', () => {
  it('stores the score and its outbox row in one transaction, waiting', async () => {
    const [id] = await saveScores(1);
    expect(await db.orgOutbox.get(id!)).toMatchObject({
      state: 'waiting',
      apiOrigin: API_ORIGIN,
      orgId: TEST_ORG_ID,
    });
    expect(await harness.orgSync.scoreStates([id!])).toEqual({
      [id!]: { state: 'waiting', attempts: 0, uncertain: false, lastError: null },
    });
  });

  it('keeps no outbox row when the score write fails', async () => {
    const record = score();
    await appendScore(db, record, null);
    await appendScore(db, { ...record, total: 1 }, TARGET);
    expect(await db.orgOutbox.count()).toBe(0);
  });
});

// Hundreds of scores through fake-indexeddb and real HTTP: slow on a loaded machine, never stuck.
describe('the drain, over real HTTP to the Salesforce test server', { timeout: 60_000 }, () => {
  it('sends every waiting score once, 200 per upsert, and keeps the org record ids', async () => {
    const ids = await saveScores(450);
    await harness.orgSync.drain();
    expect(server.upserts).toEqual({ created: 450, updated: 0 });
    expect(upsertCalls()).toBe(3);
    expect(server.scores.size).toBe(450);
    const states = await harness.orgSync.scoreStates(ids);
    expect(Object.values(states).every((state) => state.state === 'in-org')).toBe(true);
    expect(states[ids[0]!]).toEqual({ state: 'in-org', orgRecordId: server.scores.get(ids[0]!)!.Id });
    expect(server.scores.get(ids[0]!)!.OwnerId).toBe(REP.userId);
    expect(await harness.orgSync.status()).toMatchObject({ waiting: 0, inOrg: 450, failed: 0 });
    expect(harness.wakes.at(-1)).toBeNull();
  });

  it('handles per-record refusals one by one, keeping the org’s words', async () => {
    const ids = await saveScores(3);
    server.refuseRecord(ids[1]!, {
      statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Stage required',
      fields: ['Stage_At_Scoring__c'],
    });
    await harness.orgSync.drain();
    const states = await harness.orgSync.scoreStates(ids);
    expect(states[ids[0]!]!.state).toBe('in-org');
    expect(states[ids[2]!]!.state).toBe('in-org');
    expect(states[ids[1]!]).toEqual({
      state: 'failed',
      statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
      message: 'Stage required',
      fields: ['Stage_At_Scoring__c'],
    });
    expect((await harness.orgSync.status()).lastError?.message).toMatch(
      /FIELD_CUSTOM_VALIDATION_EXCEPTION: Stage required|Stage required/,
    );
  });

  it('pauses on an expired session, and sends exactly once after a new session', async () => {
    const ids = await saveScores(5);
    server.fail('expired-session', 1);
    await harness.orgSync.drain();
    let status = await harness.orgSync.status();
    expect(status.waiting).toBe(5);
    expect(status.pause).toMatchObject({
      reason: 'session',
      message: expect.stringMatching(/session has expired/),
    });
    expect(server.scores.size).toBe(0);
    await harness.orgSync.sessionChanged('.acme.my.salesforce.com');
    status = await harness.orgSync.status();
    expect(status).toMatchObject({ waiting: 0, inOrg: 5, pause: null });
    expect(server.upserts).toEqual({ created: 5, updated: 0 });
    expect(Object.keys(await harness.orgSync.scoreStates(ids))).toHaveLength(5);
  });

  it('after a dropped connection asks the org before sending again: each score lands once', async () => {
    await saveScores(4);
    await harness.orgSync.drain(); // links the session (2 calls) and sends
    const more = await saveScores(3);
    server.fail('drop-connection', 1);
    await harness.orgSync.drain();
    expect(await harness.orgSync.scoreStates(more)).toMatchObject({
      [more[0]!]: { state: 'waiting', uncertain: true },
    });
    expect(harness.wakes.at(-1)).toBeGreaterThan(harness.clock.now);
    harness.clock.now += 60 * 60 * 1000;
    await harness.orgSync.drain();
    expect(server.upserts).toEqual({ created: 7, updated: 0 });
    expect(server.calls.get('GET query')).toBe(1);
  });

  it('recovers sends a stopped worker left behind: the org already has one, the other is sent', async () => {
    const ids = await saveScores(2);
    await harness.orgSync.drain();
    const [written, lost] = await saveScores(2);
    // A drain that was stopped after marking both sending; the org had written the first.
    for (const id of [written!, lost!]) {
      const row = (await db.orgOutbox.get(id))!;
      await db.orgOutbox.put({
        ...row,
        state: 'sending',
        entry: { scoreId: id, state: 'sending', attempts: 1, uncertain: false },
      });
    }
    const direct = createOrgSyncHarness(db, { rewriteOrigin: () => server.httpOrigin });
    expect(ids).toHaveLength(2);
    server.scores.set(written!, {
      Id: 'a0X5g000009ZZZZEAA',
      OwnerId: REP.userId,
      SystemModstamp: '2026-12-01T00:00:00.000+0000',
      fields: { Score_Key__c: written },
    });
    direct.cookies.set(API_ORIGIN, REP.token);
    await direct.orgSync.drain();
    expect(await direct.orgSync.scoreStates([written!, lost!])).toEqual({
      [written!]: { state: 'in-org', orgRecordId: 'a0X5g000009ZZZZEAA' },
      [lost!]: { state: 'in-org', orgRecordId: server.scores.get(lost!)!.Id },
    });
    expect(server.upserts).toEqual({ created: 3, updated: 0 });
  });

  it('a worker stopped during a call left its batch in flight: the org is asked first, each lands once', async () => {
    await saveScores(1);
    await harness.orgSync.drain();
    const [written, lost] = await saveScores(2);
    const status = (await db.orgSyncStatus.get(API_ORIGIN))!;
    await db.orgSyncStatus.put({ ...status, inFlight: [written!, lost!] });
    server.scores.set(written!, {
      Id: 'a0X5g000009YYYYEAA',
      OwnerId: REP.userId,
      SystemModstamp: new Date().toISOString(),
      fields: { Score_Key__c: written },
    });
    const restarted = createOrgSyncHarness(db, { rewriteOrigin: () => server.httpOrigin });
    restarted.cookies.set(API_ORIGIN, REP.token);
    await restarted.orgSync.drain();
    expect(server.calls.get('GET query')).toBe(1);
    expect(await restarted.orgSync.scoreStates([written!, lost!])).toEqual({
      [written!]: { state: 'in-org', orgRecordId: 'a0X5g000009YYYYEAA' },
      [lost!]: { state: 'in-org', orgRecordId: server.scores.get(lost!)!.Id },
    });
    expect(server.upserts).toEqual({ created: 2, updated: 0 });
    expect((await db.orgSyncStatus.get(API_ORIGIN))?.inFlight).toBeNull();
  });

  it('saves go on while a call is under way: its batch is marked in the status row, no outbox row waits on it', async () => {
    await saveScores(1);
    await harness.orgSync.drain();
    const batch = await saveScores(3);
    server.slowMs = 3000;
    server.fail('slow', 1);
    let drained = false;
    const draining = harness.orgSync.drain().then(() => {
      drained = true;
    });
    await vi.waitUntil(() => upsertCalls() === 2, { timeout: 20_000, interval: 20 });
    expect((await db.orgSyncStatus.get(API_ORIGIN))?.inFlight?.toSorted()).toEqual(batch.toSorted());
    expect((await db.orgOutbox.bulkGet(batch)).map((row) => row?.state)).toEqual([
      'waiting',
      'waiting',
      'waiting',
    ]);
    const [savedDuringCall] = await saveScores(1);
    expect(drained).toBe(false);
    await draining;
    // Past any backoff, should a loaded machine have timed the held call out.
    harness.clock.now += 60 * 60 * 1000;
    await harness.orgSync.drain();
    expect(server.upserts).toEqual({ created: 5, updated: 0 });
    expect((await harness.orgSync.scoreStates([savedDuringCall!]))[savedDuringCall!]?.state).toBe('in-org');
  });

  it('lets a save under way go first: the drain reads nothing until it is stored', async () => {
    await saveScores(1);
    await harness.orgSync.drain();
    const waiting = await saveScores(2);
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const saving = harness.orgSync.saving(async () => {
      await released;
      return saveScores(1);
    });
    const draining = harness.orgSync.drain();
    // Ample time for a drain that did not wait to read its batch and send it.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(upsertCalls()).toBe(1);
    release();
    const [savedMeanwhile] = await saving;
    await draining;
    expect(upsertCalls()).toBe(2);
    expect(server.upsertLog.at(-1)!.scoreKeys.toSorted()).toEqual([...waiting, savedMeanwhile!].toSorted());
  });

  it('stops writing above the allowed share of the daily API limit, and says so', async () => {
    server.apiUsage = { used: 9000, limit: 15000 };
    await saveScores(250);
    await harness.orgSync.drain();
    const status = await harness.orgSync.status();
    expect(status.pause?.reason).toBe('limit');
    expect(status.lastError?.message).toMatch(
      /Stopped writing: the org has used \d+ of its 15000 daily API requests, and Yardstick may use up to 50%/,
    );
    // The first answer told the usage: the batch it carried is in, the rest waits.
    expect(server.upserts.created).toBe(200);
    expect(status.waiting).toBe(50);
    expect(harness.wakes.at(-1)).toBe(harness.clock.now + 60 * 60 * 1000);
    // Another drain (a save, a wake-up) does not write either while the pause lasts.
    await saveScores(1);
    await harness.orgSync.drain();
    expect(server.upserts.created).toBe(200);
  });

  it.each<[OrgFailure, RegExp]>([
    ['api-access-control', /does not let browser sessions use the API/],
    ['api-disabled-for-org', /edition does not include API access/],
    ['api-currently-disabled', /lacks the "API Enabled" permission/],
    ['request-limit', /used up its daily API requests/],
    ['login-page', /web page \(usually its login page\)/],
    ['server-error', /server error \(HTTP 500\)/],
    ['redirect', /redirected the call/],
  ])('keeps every score locally on %s and says so in words', async (failure, words) => {
    await saveScores(2);
    server.fail(failure);
    await harness.orgSync.drain();
    const status = await harness.orgSync.status();
    expect(status.waiting).toBe(2);
    expect(status.lastError?.message).toMatch(words);
    expect(await db.scores.count()).toBe(2);
  });

  it('names a missing scores object as not deployed, with the admin doc', async () => {
    await saveScores(1);
    await harness.orgSync.drain();
    await saveScores(1);
    server.fail('not-deployed');
    await harness.orgSync.drain();
    expect((await harness.orgSync.status()).lastError?.message).toMatch(
      /Yardstick Score object is not in your org.*docs\/salesforce-org\.md/,
    );
  });
});

describe('where a save goes', () => {
  it('carries the org-verified rater once the deal opened, and stays local when policy says so', async () => {
    const deal = { crm: 'salesforce-lightning' as const, url: DEAL_URL };
    await harness.orgSync.dealOpened(deal);
    expect(await harness.orgSync.saveTarget(deal)).toEqual({
      target: TARGET,
      rater: { userId: REP.userId, name: REP.name, orgId: TEST_ORG_ID },
    });
    expect(
      await harness.orgSync.saveTarget({
        crm: 'hubspot',
        url: 'https://app.hubspot.com/contacts/1/record/0-3/2',
      }),
    ).toBeNull();
    harness.policy = { orgSync: true, orgSyncOrgs: ['other-org'] };
    expect(await harness.orgSync.saveTarget(deal)).toBeNull();
    harness.policy = { orgSync: true, orgSyncOrgs: ['ACME'] };
    expect((await harness.orgSync.saveTarget(deal))?.target).toEqual(TARGET);
    harness.policy = { orgSync: true, orgSyncOrgs: [TEST_ORG_ID.slice(0, 15)] };
    expect((await harness.orgSync.saveTarget(deal))?.target).toEqual(TARGET);
    harness.policy = { orgSync: false };
    expect(await harness.orgSync.saveTarget(deal)).toBeNull();
  });

  it('is self-declared (no org rater) before the session is linked', async () => {
    const target = await harness.orgSync.saveTarget({
      crm: 'salesforce-classic',
      url: 'https://acme.my.salesforce.com/0065g00000AbCdE',
    });
    expect(target).toEqual({ target: TARGET, rater: null });
  });
});
