// @vitest-environment node
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../../tests/support/salesforce-test-server';
import { TEST_SESSIONS } from '../../../tests/support/salesforce-test-org';
import { readDeal } from './read-deal';
import type { VersionedConnection } from './rest-client';

let server: SalesforceTestServer;
let connection: VersionedConnection;

beforeEach(async () => {
  server = await startSalesforceTestServer();
  connection = {
    origin: server.httpOrigin,
    sessionId: TEST_SESSIONS[0]!.token,
    fetch,
    timeoutMs: 5000,
    apiVersion: '62.0',
  };
});
afterEach(async () => {
  await server.close();
});

describe('readDeal', () => {
  it('reads the deal with its currency and capture fields in one query', async () => {
    const result = await readDeal(connection, {
      opportunityId: '0065g00000AbCdEAAV',
      captureFields: ['LeadSource', 'Campaign.Name'],
      multiCurrency: true,
    });
    expect(result).toMatchObject({
      ok: true,
      value: {
        record: { CurrencyIsoCode: 'EUR', LeadSource: 'Web' },
        multiCurrency: true,
        missingCaptureFields: [],
      },
    });
    expect(server.calls.get('GET query')).toBe(1);
  });

  it('asks again without CurrencyIsoCode in a single-currency org, and says so', async () => {
    server.multiCurrency = false;
    const result = await readDeal(connection, {
      opportunityId: '0065g00000AbCdEAAV',
      captureFields: [],
      multiCurrency: true,
    });
    expect(result.ok && result.value).toMatchObject({
      multiCurrency: false,
      record: { StageName: 'Negotiation' },
    });
    expect(result.ok && result.value && 'CurrencyIsoCode' in result.value.record).toBe(false);
    expect(server.calls.get('GET query')).toBe(2);
  });

  it('drops capture fields the org lacks and reports them, reading the rest', async () => {
    const result = await readDeal(connection, {
      opportunityId: '0065g00000AbCdEAAV',
      captureFields: ['LeadSource', 'Region__c', 'Segment__c'],
      multiCurrency: true,
    });
    expect(result.ok && result.value).toMatchObject({
      record: { LeadSource: 'Web' },
      missingCaptureFields: ['Region__c', 'Segment__c'],
    });
  });

  it('gives null for an opportunity the org does not have, and refuses a bad id without calling', async () => {
    const absent = await readDeal(connection, {
      opportunityId: '0065g00000aaaaaAAA',
      captureFields: [],
      multiCurrency: true,
    });
    expect(absent).toMatchObject({ ok: true, value: null });
    const bad = await readDeal(connection, {
      opportunityId: "006' OR ''='",
      captureFields: [],
      multiCurrency: true,
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(server.calls.get('GET query')).toBe(1);
  });

  it('passes other org errors through', async () => {
    server.fail('expired-session');
    const result = await readDeal(connection, {
      opportunityId: '0065g00000AbCdEAAV',
      captureFields: [],
      multiCurrency: true,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'session-expired' } });
  });
});
