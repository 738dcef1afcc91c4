// @vitest-environment node
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import '../../../lib/zod-jitless';
import { appendScore } from '../../../lib/db/score-repository';
import { YardstickDatabase } from '../../../lib/db/yardstick-database';
import {
  createOAuthGrants,
  type OAuthGrant,
  type OAuthGrants,
} from '../../../lib/org/salesforce/oauth/oauth-grants';
import type { WebAuthFlowDeps } from '../../../lib/org/salesforce/oauth/oauth-flow';
import type { ScoreRecord } from '../../../lib/scoring/score-record';
import { createOrgSyncHarness, type OrgSyncHarness } from '../../../tests/unit/helpers/org-sync-harness';
import { TEST_ORG_ID, TEST_SESSIONS } from '../../../tests/support/salesforce-test-org';
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../../tests/support/salesforce-test-server';

const API_ORIGIN = 'https://acme.my.salesforce.com';
const REDIRECT = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';
const CLIENT_ID = '3MVG9.yardstick';
const REP = TEST_SESSIONS[0]!;
const DEAL_URL = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view';

let server: SalesforceTestServer;
let db: YardstickDatabase;
let harness: OrgSyncHarness;
let grants: OAuthGrants;
let counter = 0;

const toServer = (url: string) => url.replace(/^https:\/\/[^/]+/, server.httpOrigin);

/** identity.launchWebAuthFlow injected: follows the org's authorize page to the extension's callback. */
const webAuthFlow: WebAuthFlowDeps = {
  crypto,
  async launchWebAuthFlow(url) {
    const location = (await fetch(toServer(url), { redirect: 'manual' })).headers.get('Location');
    if (location?.startsWith(REDIRECT)) return location;
    throw new Error('Authorization page could not be loaded.');
  },
};

beforeEach(async () => {
  server = await startSalesforceTestServer();
  server.apiAccessControl = true;
  server.oauth.app = {
    clientId: CLIENT_ID,
    callbackUrl: REDIRECT,
    issuesRefreshTokens: true,
    rotatesRefreshTokens: false,
  };
  db = new YardstickDatabase(`org-connect-${++counter}`);
  const stored = new Map<string, OAuthGrant>();
  const policy = { orgSync: true, orgConnectedAppClientId: CLIENT_ID };
  grants = createOAuthGrants({
    store: {
      read: async (origin) => stored.get(origin) ?? null,
      write: async (grant) => void stored.set(grant.apiOrigin, grant),
      forget: async (origin) => void stored.delete(origin),
    },
    clientId: async () => harness.policy.orgConnectedAppClientId ?? null,
    redirectUri: () => REDIRECT,
    fetch: (url, init) => fetch(toServer(url), init),
    timeoutMs: 5000,
    now: () => new Date(harness.clock.now),
  });
  harness = createOrgSyncHarness(db, { rewriteOrigin: () => server.httpOrigin, policy, oauth: grants });
  harness.cookies.set(API_ORIGIN, REP.token);
});
afterEach(async () => {
  db.close();
  await server.close();
});

async function saveScore(): Promise<string> {
  const deal = { crm: 'salesforce-lightning', url: DEAL_URL } as const;
  const target = await harness.orgSync.saveTarget(deal);
  const id = randomUUID();
  const record = {
    id,
    dealKey: 'salesforce-lightning:acme:0065g00000AbCdEAAV',
    rater: target?.rater?.name ?? 'dana@acme.example',
    context: 'deal',
    deal: {
      ...deal,
      instance: 'acme',
      recordId: '0065g00000AbCdEAAV',
      dealKey: 'salesforce-lightning:acme:0065g00000AbCdEAAV',
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
  } as ScoreRecord;
  await appendScore(db, record, target!.target, new Date(harness.clock.now));
  return id;
}

describe('connecting an org with API Access Control through the connected app', () => {
  it('keeps scores waiting while the org refuses the browser session, and offers to connect', async () => {
    await saveScore();
    await harness.orgSync.drain();
    const status = await harness.orgSync.status();
    expect(status).toMatchObject({
      waiting: 1,
      inOrg: 0,
      connectedAppAvailable: true,
      connectOrigin: API_ORIGIN,
    });
    expect(status.pause?.message).toMatch(/API Access Control/);
    expect(server.scores.size).toBe(0);
  });

  it('offers nothing to connect when policy names no connected app', async () => {
    harness.policy = { orgSync: true };
    await saveScore();
    await harness.orgSync.drain();
    expect(await harness.orgSync.status()).toMatchObject({
      connectedAppAvailable: false,
      connectOrigin: null,
    });
  });

  it('sends every waiting score exactly once after the rep connects, owned by the org user', async () => {
    const ids = [await saveScore(), await saveScore()];
    await harness.orgSync.drain();
    const connected = await grants.connect(API_ORIGIN, webAuthFlow);
    expect(connected.ok).toBe(true);
    await harness.orgSync.orgConnected(API_ORIGIN);
    await harness.orgSync.drain();
    expect(server.upserts).toEqual({ created: 2, updated: 0 });
    expect(ids.map((id) => server.scores.get(id)?.OwnerId)).toEqual([REP.userId, REP.userId]);
    expect(await harness.orgSync.status()).toMatchObject({
      waiting: 0,
      inOrg: 2,
      pause: null,
      connectOrigin: null,
    });
  });

  it('records the org user as the verified rater of scores saved after connecting', async () => {
    await grants.connect(API_ORIGIN, webAuthFlow);
    const target = await harness.orgSync.saveTarget({ crm: 'salesforce-lightning', url: DEAL_URL });
    expect(target?.rater).toEqual({ userId: REP.userId, name: REP.name, orgId: TEST_ORG_ID });
  });

  it('goes on after the access token expires, refreshing it once', async () => {
    await grants.connect(API_ORIGIN, webAuthFlow);
    await saveScore();
    await harness.orgSync.drain();
    server.oauth.expireAccessTokens();
    await saveScore();
    await harness.orgSync.drain();
    expect(server.upserts.created).toBe(2);
    expect(server.oauth.calls.refresh_token).toBe(1);
  });
});
