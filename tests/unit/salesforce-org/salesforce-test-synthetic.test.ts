// @vitest-environment node
import { toCanonicalSalesforceId } from '../../../lib/crm/salesforce-id';
import { loadOrgAudit, type OrgAuditLoadOptions } from '../../../lib/org/salesforce/audit/load-org-audit';
import { rowsToAuditInput } from '../../../lib/org/salesforce/audit/rows-to-audit';
import { SCORE_FIELDS } from '../../../lib/org/salesforce/score-object';
import { TEST_SESSIONS } from '../../support/salesforce-test-org';
import { startSalesforceTestServer, type SalesforceTestServer } from '../../support/salesforce-test-server';

const MANAGER = TEST_SESSIONS[1]!;
const REP = TEST_SESSIONS[0]!;
const SEGMENTS = new Map([['lead_source', 'LeadSource']]);
let server: SalesforceTestServer;

beforeEach(async () => {
  server = await startSalesforceTestServer();
});
afterEach(async () => {
  await server.close();
});

const load = (overrides: Partial<OrgAuditLoadOptions> = {}, token = MANAGER.token) =>
  loadOrgAudit({
    connection: {
      origin: server.httpOrigin,
      sessionId: token,
      fetch: (url, init) => fetch(url, init),
      timeoutMs: 20_000,
    },
    filters: {},
    segmentFields: SEGMENTS,
    state: null,
    wait: () => Promise.resolve(),
    ...overrides,
  });

const byKey = (rows: readonly Record<string, string | null>[]) =>
  [...rows].sort((a, b) => (a[SCORE_FIELDS.key]! < b[SCORE_FIELDS.key]! ? -1 : 1));

describe('the test org’s synthetic scores (benchmarks)', () => {
  it('serves the same rows over REST paging and Bulk CSV pages, each readable by the audit', async () => {
    const source = server.useSyntheticScores(4_000);
    expect(source.at(17)).toEqual(source.at(17));
    expect(source.at(4_000)).toBeUndefined();
    const rest = await load({ bulkFrom: 1_000_000 });
    const bulk = await load({ bulkFrom: 1_000, bulkPageSize: 1_500 });
    expect(rest.ok && bulk.ok).toBe(true);
    if (!rest.ok || !bulk.ok) return;
    expect([rest.value.via, bulk.value.via]).toEqual(['rest', 'bulk']);
    expect(rest.value.rows).toHaveLength(4_000);
    expect(byKey(bulk.value.rows)).toEqual(byKey(rest.value.rows));
    const read = rowsToAuditInput(rest.value.rows, SEGMENTS);
    expect(read.problems).toEqual([]);
    expect(read.verifiedRaters).toHaveLength(3);
    expect(read.outcomes.length).toBeGreaterThan(0);
    for (const row of rest.value.rows.slice(0, 50)) {
      expect(toCanonicalSalesforceId(row.Id!)).toBe(row.Id);
      expect(toCanonicalSalesforceId(row[SCORE_FIELDS.opportunity]!)).toBe(row[SCORE_FIELDS.opportunity]);
    }
  });

  it('moves touched rows past the watermark, so the next load reads only them in one query', async () => {
    const source = server.useSyntheticScores(3_000);
    const first = await load();
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    source.touch([5, 500, 2_999], '2026-12-02T00:00:00.000+0000');
    // An incremental load reads through /queryAll, so scores deleted since drop out too.
    const queries = server.calls.get('GET query-all') ?? 0;
    const next = await load({ state: first.value.state });
    expect(next.ok && [next.value.changed, next.value.calls, next.value.rows.length]).toEqual([3, 1, 3_000]);
    expect(server.calls.get('GET query-all')).toBe(queries + 1);
  });

  it('keeps sharing: a rep sees only their own third of the team’s rows', async () => {
    server.useSyntheticScores(900);
    const loaded = await load({}, REP.token);
    expect(loaded.ok && loaded.value.rows.every((row) => row.OwnerId === REP.userId)).toBe(true);
    expect(loaded.ok && loaded.value.rows.length).toBe(300);
  });
});
