// @vitest-environment node
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../../tests/support/salesforce-test-server';
import { TEST_SESSIONS } from '../../../tests/support/salesforce-test-org';
import { DealSnapshotSchema } from '../../crm/deal-snapshot';
import { createOrgDealReader, type CaptureFieldsSource, type OrgDealRequest } from './org-deal-reading';
import { createOrgSessions, type RememberedLink } from './org-sessions';

const REP = TEST_SESSIONS[0]!;
const ACME = '0065g00000AbCdEAAV';
const GLOBEX = '0065g00000XyZ12AAF';
const pageUrl = (id: string, host = 'acme.lightning.force.com') =>
  `https://${host}/lightning/r/Opportunity/${id}/view`;
const request = (id: string, tabId = 1): OrgDealRequest => ({
  tabId,
  pageUrl: pageUrl(id),
  dealKey: `salesforce-lightning:acme:${id}`,
});

let server: SalesforceTestServer;
beforeEach(async () => {
  server = await startSalesforceTestServer();
});
afterEach(async () => {
  await server.close();
});

/** The reader as the background wires it, with a fake cookie jar and the test org behind every API host. */
function readerWith(
  options: { cookie?: { value: string | null }; fields?: CaptureFieldsSource; clock?: { now: number } } = {},
) {
  const cookie = options.cookie ?? { value: REP.token };
  const clock = options.clock ?? { now: Date.parse('2026-05-10T09:00:00Z') };
  const cookieAskedFor: string[] = [];
  const readSessionId = async (apiOrigin: string) => {
    cookieAskedFor.push(apiOrigin);
    return cookie.value;
  };
  const links = new Map<string, RememberedLink>();
  const sessions = createOrgSessions({
    readSessionId,
    fetch: (url, init) => fetch(url.replace(/^https:\/\/[^/]+/, server.httpOrigin), init),
    memory: {
      read: async (origin) => links.get(origin) ?? null,
      write: async (link) => void links.set(link.apiOrigin, link),
      forget: async (origin) => void links.delete(origin),
    },
    timeoutMs: 2000,
  });
  const reader = createOrgDealReader({
    sessions,
    readSessionId,
    readCaptureFields: async () => options.fields ?? { captureFields: [] },
    now: () => new Date(clock.now),
    freshForMs: 60_000,
  });
  return { reader, cookieAskedFor, clock };
}

const soqlCalls = () => server.calls.get('GET query') ?? 0;

describe('the background reading a Salesforce deal through the org API', () => {
  it('reads the opportunity in one SOQL query with the rep session of the page org', async () => {
    const { reader, cookieAskedFor } = readerWith({
      fields: {
        captureFields: ['lead_source', 'campaign', 'product_line'],
        salesforceFields: { product_line: 'Product_Line__c' },
      },
    });
    const reading = await reader.read(request(ACME));
    expect(cookieAskedFor[0]).toBe('https://acme.my.salesforce.com');
    expect(reading.source).toBe('api');
    if (reading.source !== 'api') return;
    const { snapshot } = reading;
    expect(DealSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot).toMatchObject({
      crm: 'salesforce-lightning',
      instance: 'acme',
      recordId: ACME,
      dealKey: `salesforce-lightning:acme:${ACME}`,
      source: 'api',
      orgLastModified: '2026-05-04T16:20:00.000Z',
      orgRecord: { ownerId: REP.userId, isClosed: false, isWon: false },
      name: { text: 'Acme — 500 seats', strategy: 'api:Name' },
      stage: { text: 'Negotiation', strategy: 'api:StageName' },
      amount: { value: 120000, currency: 'EUR', strategy: 'api:Amount' },
      closeDate: { iso: '2026-06-30', strategy: 'api:CloseDate' },
      owner: { text: REP.name, strategy: 'api:Owner.Name' },
      segments: {
        lead_source: { text: 'Web', strategy: 'api:LeadSource' },
        campaign: { text: 'Spring Webinar', strategy: 'api:Campaign.Name' },
        product_line: { text: 'Platform', strategy: 'api:Product_Line__c' },
      },
    });
    expect(snapshot.amount.text).toMatch(/EUR\s120,000\.00/);
    expect(soqlCalls()).toBe(1);
  });

  it('costs no second call when the CRM shows the same record again, and one more for another record', async () => {
    const { reader } = readerWith();
    await reader.read(request(ACME));
    const callsAfterFirst = [...server.calls.values()].reduce((sum, n) => sum + n, 0);
    expect(callsAfterFirst).toBe(3); // versions, userinfo, the deal's query
    await Promise.all([reader.read(request(ACME)), reader.read(request(ACME))]);
    reader.tabNavigated(1, 'https://acme.lightning.force.com/lightning/o/Opportunity/list');
    await reader.read(request(ACME));
    expect(soqlCalls()).toBe(1);
    await reader.read(request(GLOBEX));
    expect(soqlCalls()).toBe(2);
    // The link is remembered: a new deal asks neither the versions nor the user again.
    expect(server.calls.get('GET versions')).toBe(1);
    expect(server.calls.get('GET userinfo')).toBe(1);
  });

  it('starts the reading when the loader finds the deal, and the sidebar asking meanwhile shares it', async () => {
    const { reader } = readerWith();
    reader.readAhead(1, pageUrl(ACME));
    const reading = await reader.read(request(ACME));
    expect(reading.source).toBe('api');
    expect(soqlCalls()).toBe(1);
    reader.readAhead(1, 'https://acme.lightning.force.com/lightning/page/home');
    expect(soqlCalls()).toBe(1);
  });

  it('reads again once the tab left the org, the tab closed, the session changed or the reading grew old', async () => {
    const cookie = { value: REP.token as string | null };
    const { reader, clock } = readerWith({ cookie });
    await reader.read(request(ACME));
    reader.tabNavigated(1, 'https://example.com/');
    await reader.read(request(ACME));
    expect(soqlCalls()).toBe(2);
    reader.tabClosed(1);
    await reader.read(request(ACME));
    expect(soqlCalls()).toBe(3);
    cookie.value = TEST_SESSIONS[1]!.token;
    await reader.read(request(ACME));
    expect(soqlCalls()).toBe(4);
    clock.now += 61_000;
    await reader.read(request(ACME));
    expect(soqlCalls()).toBe(5);
    // Another tab opening the deal is another visit.
    await reader.read(request(ACME, 2));
    expect(soqlCalls()).toBe(6);
  });

  it('derives the org from the page URL, and answers a URL showing another deal with the page reading', async () => {
    const { reader, cookieAskedFor } = readerWith();
    const sandbox = await reader.read({
      tabId: 1,
      pageUrl: pageUrl(ACME, 'acme--uat.sandbox.lightning.force.com'),
      dealKey: `salesforce-lightning:acme--uat:${ACME}`,
    });
    expect(sandbox.source).toBe('api');
    expect(cookieAskedFor).toEqual([
      'https://acme--uat.sandbox.my.salesforce.com',
      'https://acme--uat.sandbox.my.salesforce.com',
    ]);
    const mismatch = await reader.read({ ...request(ACME), dealKey: `salesforce-lightning:evil:${ACME}` });
    expect(mismatch).toMatchObject({ source: 'page', reason: { code: 'not-an-org-page' } });
    const hubspot = await reader.read({
      tabId: 1,
      pageUrl: 'https://app.hubspot.com/contacts/1/deal/2',
      dealKey: 'hubspot:1:2',
    });
    expect(hubspot.source).toBe('page');
  });

  it('keeps the page reading and says why when there is no session cookie, without calling the org', async () => {
    const { reader } = readerWith({ cookie: { value: null } });
    const reading = await reader.read(request(ACME));
    expect(reading).toMatchObject({ source: 'page', reason: { code: 'session-expired' } });
    expect(reading.source === 'page' && reading.reason.message).toMatch(/log in to Salesforce/);
    expect(server.calls.size).toBe(0);
  });

  it('keeps the page reading when the session expired, and reads again after the rep logs in again', async () => {
    const cookie = { value: REP.token as string | null };
    const { reader } = readerWith({ cookie });
    server.fail('expired-session');
    const expired = await reader.read(request(ACME));
    expect(expired).toMatchObject({ source: 'page', reason: { code: 'session-expired' } });
    await reader.read(request(ACME));
    const callsWhileExpired = [...server.calls.values()].reduce((sum, n) => sum + n, 0);
    server.clearFailures();
    await reader.read(request(ACME));
    expect([...server.calls.values()].reduce((sum, n) => sum + n, 0)).toBe(callsWhileExpired);
    cookie.value = TEST_SESSIONS[1]!.token;
    const relogged = await reader.read(request(ACME));
    expect(relogged.source).toBe('api');
  });

  it.each([
    ['api-disabled-for-org', 'api-disabled-for-org', /edition does not include API access/],
    ['api-currently-disabled', 'api-disabled-for-user', /API Enabled/],
    ['api-access-control', 'session-refused-for-api', /API Access Control/],
    ['request-limit', 'request-limit', /daily API requests/],
    ['login-page', 'login-page', /login page/],
    ['server-error', 'server-error', /server error/],
    ['redirect', 'redirect', /redirected/],
    ['drop-connection', 'network', /could not be reached/],
  ] as const)('falls back to the page when the org answers %s, in words', async (failure, code, words) => {
    const { reader } = readerWith();
    server.fail(failure);
    const reading = await reader.read(request(ACME));
    expect(reading).toMatchObject({ source: 'page', reason: { code } });
    expect(reading.source === 'page' && reading.reason.message).toMatch(words);
  });

  it('says the record was not found when the org returns no opportunity', async () => {
    const { reader } = readerWith();
    const missing = '006Ak00002NoPExIAN';
    const reading = await reader.read(request(missing));
    expect(reading).toMatchObject({ source: 'page', reason: { code: 'record-not-found' } });
  });

  it('asks a single-currency org without CurrencyIsoCode after the first time, and shows capture fields it lacks as unknown', async () => {
    server.multiCurrency = false;
    const { reader } = readerWith({
      fields: { captureFields: ['region'], salesforceFields: { region: 'Region__c' } },
    });
    const first = await reader.read(request(ACME));
    expect(first.source === 'api' && first.snapshot.amount).toMatchObject({ value: 120000, currency: null });
    expect(first.source === 'api' && first.snapshot.segments).toEqual({
      region: { text: null, strategy: null },
    });
    const retries = soqlCalls();
    await reader.read(request(GLOBEX));
    // Once learnt, the org is asked without CurrencyIsoCode (and the definitions still ask for Region__c).
    expect(soqlCalls() - retries).toBe(2);
  });
});
