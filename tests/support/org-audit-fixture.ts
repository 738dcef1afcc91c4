import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../lib/audit/seeded-random';
import { toCanonicalSalesforceId } from '../../lib/crm/salesforce-id';
import { parseDefinitions } from '../../lib/definitions/parse-definitions';
import type { Definitions } from '../../lib/definitions/schema-v1';
import { scoreToOrgRecord } from '../../lib/org/salesforce/score-to-org-record';
import { computeScore } from '../../lib/scoring/compute-score';
import type { ScoreRecord } from '../../lib/scoring/score-record';
import { TEST_ORG_ID, TEST_SESSIONS, type TestOrgSession } from './salesforce-test-org';
import type { SalesforceTestServer } from './salesforce-test-server';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The two-criteria test definitions with a `lead_source` capture field (read from `LeadSource`). */
export function auditDefinitions(): Definitions {
  const text = readFileSync(path.join(here, '../fixtures/audit/two-criteria.json'), 'utf8');
  const parsed = parseDefinitions(text);
  if (!parsed.ok) throw new Error(parsed.error.summary);
  return { ...parsed.value, captureFields: ['lead_source'] };
}

/** The three reps under the test manager. */
export const TEAM: TestOrgSession[] = TEST_SESSIONS.filter((session) =>
  TEST_SESSIONS[1]!.team.includes(session.userId),
);

/** One deal of the team fixture, as the org holds its opportunity. */
export interface FixtureDeal {
  id: string;
  key: string;
  won: boolean | null;
  leadSource: string;
}

/** A team's scores: every rep scores every deal once, and two calibration cases. */
export interface TeamFixture {
  definitions: Definitions;
  deals: FixtureDeal[];
  /** By rep user id. */
  scores: Map<string, ScoreRecord[]>;
}

/** Builds `dealCount` deals (two thirds closed) scored by each of the three reps; deterministic. */
export function teamFixture(dealCount: number, seed = 18): TeamFixture {
  const definitions = auditDefinitions();
  const random = seededRandom(seed);
  const deals: FixtureDeal[] = Array.from({ length: dealCount }, (_, i) => {
    const id = toCanonicalSalesforceId(`006Dn0000${String(i + 1).padStart(6, '0')}`)!;
    const closed = i % 3 !== 2;
    return {
      id,
      key: `salesforce-lightning:acme:${id}`,
      won: closed ? random() < 0.5 : null,
      leadSource: random() < 0.5 ? 'Web' : 'Partner',
    };
  });
  let counter = 0;
  const scores = new Map<string, ScoreRecord[]>();
  const start = Date.parse('2026-09-01T08:00:00Z');
  for (const rep of TEAM) {
    const list: ScoreRecord[] = [];
    const units = [
      ...deals.map((deal) => ({ key: deal.key, id: deal.id, context: 'deal' as const, won: deal.won })),
      ...['case-a', 'case-b'].map((id) => ({
        key: `calibration:two-criteria:${id}`,
        id,
        context: 'calibration' as const,
        won: null,
      })),
    ];
    for (const unit of units) {
      counter++;
      const lean = unit.won === true ? 1 : 0;
      const answers = [
        { criterionId: 'champion', level: Math.min(2, Math.floor(random() * 2) + lean), evidence: '' },
        {
          criterionId: 'metrics',
          level: [1, 5, 10][Math.min(2, Math.floor(random() * 2) + lean)]!,
          evidence: '',
        },
      ];
      const computed = computeScore(definitions, answers);
      const savedAt = new Date(start + counter * 3_600_000).toISOString();
      const isCase = unit.context === 'calibration';
      list.push({
        id: `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`,
        dealKey: unit.key,
        rater: rep.email,
        role: 'rep',
        orgRater: { userId: rep.userId, name: rep.name, orgId: TEST_ORG_ID },
        context: unit.context,
        deal: {
          crm: isCase ? 'generic' : 'salesforce-lightning',
          instance: isCase ? 'calibration' : 'acme',
          recordId: unit.id,
          dealKey: unit.key,
          url: '',
          name: { text: null, strategy: null },
          stage: { text: 'Negotiation', strategy: 'api:StageName' },
          amount: { text: '50000', strategy: 'api:Amount', value: 50000, currency: 'USD' },
          closeDate: { text: '2026-12-31', strategy: 'api:CloseDate', iso: '2026-12-31' },
          owner: { text: rep.name, strategy: 'api:Owner.Name' },
          readAt: savedAt,
        },
        definitions: { id: definitions.id, version: definitions.version, hash: 'a'.repeat(64) },
        answers,
        total: computed.total,
        ceiling: computed.ceiling,
        band: { id: computed.band.id, label: computed.band.label },
        savedAt,
      });
    }
    scores.set(rep.userId, list);
  }
  return { definitions, deals, scores };
}

/** Puts the fixture's opportunities (open, as scored) and every score in the test org, owned by its rep. */
export function seedOrg(server: SalesforceTestServer, fixture: TeamFixture): void {
  for (const deal of fixture.deals) {
    server.opportunities[deal.id] = {
      Id: deal.id,
      Name: `Deal ${deal.id}`,
      StageName: 'Negotiation',
      Amount: 50000,
      CurrencyIsoCode: 'USD',
      CloseDate: '2026-12-31',
      OwnerId: TEAM[0]!.userId,
      IsClosed: false,
      IsWon: false,
      LastModifiedDate: '2026-08-01T00:00:00.000+0000',
      SystemModstamp: '2026-08-01T00:00:00.000+0000',
      LeadSource: deal.leadSource,
      Type: 'New Business',
      CampaignId: null,
      Product_Line__c: null,
    };
  }
  for (const [userId, records] of fixture.scores) {
    for (const record of records) {
      const { attributes: _attributes, ...fields } = scoreToOrgRecord(record);
      server.putScore(userId, fields);
    }
  }
}

/** Closes every fixture deal that has an outcome, as the reps would in the org. */
export function closeFixtureDeals(server: SalesforceTestServer, fixture: TeamFixture): void {
  for (const deal of fixture.deals) if (deal.won !== null) server.closeDeal(deal.id, deal.won);
}
