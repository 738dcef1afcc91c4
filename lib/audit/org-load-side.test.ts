// @vitest-environment node
import { closeFixtureDeals, seedOrg, TEAM, teamFixture } from '../../tests/support/org-audit-fixture';
import { TEST_SESSIONS } from '../../tests/support/salesforce-test-org';
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../tests/support/salesforce-test-server';
import { hashDefinitions } from '../definitions/content-hash';
import { bundleToJson, createBundle } from '../exchange/write-bundle';
import { loadOrgAudit, type OrgAuditState } from '../org/salesforce/audit/load-org-audit';
import type { AuditResponse } from './audit-protocol';
import { createAuditWorkerCore } from './audit-worker-core';

const MANAGER = TEST_SESSIONS[1]!;
const ORIGIN = 'https://acme.my.salesforce.com';
let server: SalesforceTestServer;

beforeEach(async () => {
  server = await startSalesforceTestServer();
});
afterEach(async () => {
  await server.close();
});

describe('the audit worker with org rows', () => {
  it('merges the stored org rows with files by score id, counting each score once, raters verified', async () => {
    const fixture = teamFixture(30);
    seedOrg(server, fixture);
    closeFixtureDeals(server, fixture);
    const loaded = await loadOrgAudit({
      connection: {
        origin: server.httpOrigin,
        sessionId: MANAGER.token,
        fetch: (u, i) => fetch(u, i),
        timeoutMs: 10_000,
      },
      filters: {},
      segmentFields: new Map([['lead_source', 'LeadSource']]),
      state: null,
      wait: () => Promise.resolve(),
    });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const stored = new Map<string, OrgAuditState>([[ORIGIN, loaded.value.state]]);
    const states: Extract<AuditResponse, { type: 'state' }>[] = [];
    const core = createAuditWorkerCore(
      (response) => {
        if (response.type === 'failed') throw new Error(response.message);
        if (response.type === 'state') states.push(response);
      },
      { readOrgState: (origin) => Promise.resolve(stored.get(origin) ?? null) },
    );

    // One rep's bundle: the same 32 scores the org holds for them.
    const rep = TEAM[0]!;
    const hash = await hashDefinitions(fixture.definitions);
    const bundle = await createBundle({
      rater: rep.email,
      exportedAt: new Date('2026-12-02T00:00:00Z'),
      scores: fixture.scores
        .get(rep.userId)!
        .map((score) => ({ ...score, definitions: { ...score.definitions, hash } })),
      definitions: [fixture.definitions],
    });
    const file = Object.assign(new Blob([bundleToJson(bundle)]), { name: `${rep.name}.json` });
    await core.handle({
      type: 'import',
      files: [{ id: 'f1', file, role: 'auto' }],
      asOf: Date.parse('2026-12-02'),
    });
    expect(states.at(-1)?.report?.counts.scores).toBe(32);

    const summary = {
      origin: ORIGIN,
      via: 'rest' as const,
      incremental: false,
      changed: 96,
      deleted: 0,
      calls: 3,
    };
    await core.handle({ type: 'org', load: summary, asOf: Date.parse('2026-12-02') });
    const merged = states.at(-1)!;
    expect(merged.report?.counts.scores).toBe(96);
    expect(merged.report?.counts.raters).toBe(3);
    expect(merged.summary?.duplicates).toBe(32);
    expect(merged.summary?.salesforce).toMatchObject({ origin: ORIGIN, scores: 96 });
    expect(merged.summary?.verifiedRaters?.map((rater) => rater.name).sort()).toEqual(
      TEAM.map((member) => member.name).sort(),
    );

    // Leaving the org out gives the files alone again.
    await core.handle({ type: 'org', load: null, asOf: Date.parse('2026-12-02') });
    expect(states.at(-1)?.report?.counts.scores).toBe(32);
    expect(states.at(-1)?.summary?.salesforce).toBeUndefined();
  });
});
