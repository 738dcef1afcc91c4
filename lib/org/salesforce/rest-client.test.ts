// @vitest-environment node
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../../tests/support/salesforce-test-server';
import { TEST_ORG_ID, TEST_SESSIONS } from '../../../tests/support/salesforce-test-org';
import { dealScore } from '../../../tests/support/org-score-fixture';
import { buildDealQuery, buildScoreKeysQuery } from './deal-query';
import {
  chooseApiVersion,
  connectToOrg,
  describeScoresObject,
  queryAll,
  readOrgUser,
  upsertScoreRecords,
  type OrgConnection,
  type VersionedConnection,
} from './rest-client';
import { SCORE_FIELDS } from './score-object';
import { scoreToOrgRecord } from './score-to-org-record';

const [REP, MANAGER, AUDITOR] = TEST_SESSIONS as [
  (typeof TEST_SESSIONS)[0],
  (typeof TEST_SESSIONS)[0],
  (typeof TEST_SESSIONS)[0],
];
let server: SalesforceTestServer;
const requests: { url: string; init: RequestInit }[] = [];

beforeEach(async () => {
  server = await startSalesforceTestServer();
  requests.length = 0;
});
afterEach(async () => {
  await server.close();
});

function connection(sessionId = REP.token, timeoutMs = 5000): OrgConnection {
  return {
    origin: server.httpOrigin,
    sessionId,
    timeoutMs,
    fetch: (url, init) => {
      requests.push({ url, init });
      return fetch(url, init);
    },
  };
}

async function connected(sessionId = REP.token): Promise<VersionedConnection> {
  const result = await connectToOrg(connection(sessionId));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const score = (index: number) =>
  dealScore({ id: `3f1c2d4e-5a6b-4c7d-8e9f-${String(index).padStart(12, '0')}` });

describe('Salesforce REST client against the test org', () => {
  it('picks the highest API version at or above 47.0', async () => {
    expect((await connected()).apiVersion).toBe('62.0');
    expect(chooseApiVersion([{ version: '45.0' }, { version: '46.0' }])).toBeNull();
    expect(chooseApiVersion([{ version: '47.0' }, { version: '9.0' }, { version: 'x' }])).toBe('47.0');
  });

  it('sends the session as a Bearer token, names the client, and never follows redirects', async () => {
    await connected();
    const { init } = requests[0]!;
    expect(init.headers).toMatchObject({
      Authorization: `Bearer ${REP.token}`,
      'Sforce-Call-Options': 'client=Yardstick',
    });
    expect(init.redirect).toBe('manual');
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads the user and org of the session, with the API usage the org reports', async () => {
    const user = await readOrgUser(connection());
    expect(user).toMatchObject({
      ok: true,
      value: { userId: REP.userId, orgId: TEST_ORG_ID, name: 'Dana Rep', email: 'dana@acme.example' },
      apiUsage: { used: 1, limit: 15000 },
    });
  });

  it('reads an expired session as session-expired on the API and on userinfo', async () => {
    server.fail('expired-session');
    expect(await connectToOrg(connection())).toMatchObject({ ok: false, error: { code: 'session-expired' } });
    expect(await readOrgUser(connection())).toMatchObject({ ok: false, error: { code: 'session-expired' } });
    expect(await readOrgUser(connection('00D5g000004abcD!unknown'))).toMatchObject({
      ok: false,
      error: { code: 'session-expired' },
    });
  });

  it.each([
    ['api-access-control', 'session-refused-for-api'],
    ['api-disabled-for-org', 'api-disabled-for-org'],
    ['api-currently-disabled', 'api-disabled-for-user'],
    ['request-limit', 'request-limit'],
    ['login-page', 'login-page'],
    ['server-error', 'server-error'],
    ['redirect', 'redirect'],
    ['drop-connection', 'network'],
  ] as const)('maps the org failure %s to %s', async (failure, code) => {
    server.fail(failure, 1);
    expect(await connectToOrg(connection())).toMatchObject({ ok: false, error: { code } });
    expect((await connectToOrg(connection())).ok).toBe(true);
  });

  it('times out a slow org', async () => {
    server.slowMs = 2000;
    server.fail('slow', 1);
    expect(await connectToOrg(connection(REP.token, 200))).toMatchObject({
      ok: false,
      error: { code: 'timeout' },
    });
  });

  it('describes the scores object, and reads a missing object as not deployed', async () => {
    const versioned = await connected();
    const described = await describeScoresObject(versioned);
    expect(described.ok && described.value).toEqual(expect.arrayContaining(Object.values(SCORE_FIELDS)));
    server.fail('not-deployed');
    const missing = await describeScoresObject(versioned);
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'not-deployed', orgCode: 'NOT_FOUND', status: 404 },
    });
  });

  it('reads a deal with its capture fields and parents in one query', async () => {
    const versioned = await connected();
    const soql = buildDealQuery({
      opportunityId: '0065g00000AbCdE',
      captureFields: ['LeadSource', 'Campaign.Name', 'Product_Line__c'],
      includeCurrency: true,
    });
    if (!soql.ok) throw new Error(soql.error);
    const result = await queryAll(versioned, soql.value, { aboutScoresObject: false });
    expect(result.ok && result.value).toEqual([
      expect.objectContaining({
        Id: '0065g00000AbCdEAAV',
        StageName: 'Negotiation',
        CurrencyIsoCode: 'EUR',
        Owner: { attributes: { type: 'User' }, Name: 'Dana Rep' },
        Campaign: { attributes: { type: 'Campaign' }, Name: 'Spring Webinar' },
        Product_Line__c: 'Platform',
      }),
    ]);
  });

  it('names CurrencyIsoCode as the invalid field in a single-currency org', async () => {
    server.multiCurrency = false;
    const versioned = await connected();
    const soql = buildDealQuery({
      opportunityId: '0065g00000AbCdEAAV',
      captureFields: [],
      includeCurrency: true,
    });
    const result = await queryAll(versioned, soql.ok ? soql.value : '', { aboutScoresObject: false });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-field', fields: ['CurrencyIsoCode'] },
    });
  });

  it('upserts by score key: created once, and sending the same batch again creates nothing', async () => {
    const versioned = await connected();
    const records = [score(1), score(2)].map(scoreToOrgRecord);
    const first = await upsertScoreRecords(versioned, records);
    expect(first.ok && first.value.map((outcome) => outcome.ok && outcome.created)).toEqual([true, true]);
    const again = await upsertScoreRecords(versioned, records);
    // Yardstick Rep may create but not edit: the org refuses the second write, and stores nothing twice.
    expect(again.ok && again.value.map((outcome) => !outcome.ok && outcome.errors[0]?.statusCode)).toEqual([
      'INSUFFICIENT_ACCESS_OR_READONLY',
      'INSUFFICIENT_ACCESS_OR_READONLY',
    ]);
    expect(server.upserts).toEqual({ created: 2, updated: 0 });
    expect(server.scores.get(score(1).id)?.OwnerId).toBe(REP.userId);
  });

  it('returns a per-record failure without failing the others', async () => {
    const versioned = await connected();
    server.refuseRecord(score(2).id, {
      statusCode: 'STRING_TOO_LONG',
      message: 'Rater: data value too large',
      fields: ['Rater__c'],
    });
    const result = await upsertScoreRecords(versioned, [score(1), score(2)].map(scoreToOrgRecord));
    expect(result.ok && result.value).toEqual([
      { scoreKey: score(1).id, ok: true, orgRecordId: expect.stringMatching(/^a0X/), created: true },
      {
        scoreKey: score(2).id,
        ok: false,
        errors: [
          { statusCode: 'STRING_TOO_LONG', message: 'Rater: data value too large', fields: ['Rater__c'] },
        ],
      },
    ]);
  });

  it('fails the whole call when a record carries a field the deployed metadata lacks', async () => {
    const versioned = await connected();
    const record = { ...scoreToOrgRecord(score(1)), Confidence__c: 3 } as ReturnType<typeof scoreToOrgRecord>;
    const result = await upsertScoreRecords(versioned, [record]);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-field', fields: ['Confidence__c'] } });
    expect(server.scores.size).toBe(0);
  });

  it('reads upserts into a missing object as not deployed', async () => {
    const versioned = await connected();
    server.fail('not-deployed');
    const result = await upsertScoreRecords(versioned, [scoreToOrgRecord(score(1))]);
    expect(result).toMatchObject({ ok: false, error: { code: 'not-deployed' } });
  });

  it('follows nextRecordsUrl until done, and shows each user only the scores sharing allows', async () => {
    const versioned = await connected();
    const scores = Array.from({ length: 450 }, (_, index) => scoreToOrgRecord(score(index)));
    for (let start = 0; start < scores.length; start += 200) {
      await upsertScoreRecords(versioned, scores.slice(start, start + 200));
    }
    const soql = 'SELECT Id, Score_Key__c, Total__c FROM Yardstick_Score__c';
    const all = await queryAll({ ...versioned, sessionId: AUDITOR.token }, soql, { aboutScoresObject: true });
    expect(all.ok && all.value.length).toBe(450);
    expect(server.calls.get('GET query-more')).toBeUndefined();
    const paged = await queryAll(
      {
        ...versioned,
        sessionId: MANAGER.token,
        fetch: (url, init) =>
          fetch(url, { ...init, headers: { ...init.headers, 'Sforce-Query-Options': 'batchSize=200' } }),
      },
      soql,
      { aboutScoresObject: true },
    );
    expect(paged.ok && new Set(paged.value.map((record) => record.Score_Key__c)).size).toBe(450);
    expect(server.calls.get('GET query-more')).toBe(2);
    const keys = buildScoreKeysQuery('Yardstick_Score__c', 'Score_Key__c', [score(3).id]);
    const found = await queryAll(versioned, keys.ok ? keys.value : '', { aboutScoresObject: true });
    expect(found.ok && found.value.map((record) => record.Score_Key__c)).toEqual([score(3).id]);
  });
});
