import { toCanonicalSalesforceId } from '../../lib/crm/salesforce-id';
import { computeScore } from '../../lib/scoring/compute-score';
import { scoreToOrgRecord } from '../../lib/org/salesforce/score-to-org-record';
import { SCORE_FIELDS } from '../../lib/org/salesforce/score-object';
import { auditDefinitions, TEAM } from './org-audit-fixture';

/**
 * A read-only list the test org's query engine pages through: arrays are one, and so is a synthetic
 * source that computes its rows from their index.
 */
export interface RowList {
  readonly length: number;
  at(index: number): Record<string, unknown> | undefined;
}

/** A large team's scores computed from the row index, so that a million cost kilobytes until read. */
export interface SyntheticScores extends RowList {
  /** The owners the rows cycle through (the test manager's team). */
  readonly ownerIds: readonly string[];
  /** How many opportunities the rows score; `opportunity(i)` builds the i-th. */
  readonly dealCount: number;
  opportunity(index: number): Record<string, unknown>;
  /** The owner of row `index`, without building the row. */
  ownerOf(index: number): string;
  /** Rows written again in the org since: each gets the given SystemModstamp and another answer. */
  touch(indexes: Iterable<number>, systemModstamp: string): void;
}

/** Scores per deal: each of the three reps scores every deal three times over its life. */
const SCORES_PER_DEAL = 9;
const VARIANTS = 64;
const DAY_MS = 86_400_000;

/**
 * `count` scores by the three reps under the test manager, nine per deal, with real 18-character
 * opportunity ids (checksums valid) and answers drawn from 64 computed variants. Row `i` is the same
 * every time it is read, until `touch` changes it.
 */
export function syntheticScores(count: number): SyntheticScores {
  const definitions = auditDefinitions();
  const variants = Array.from({ length: VARIANTS }, (_, v) => {
    const answers = [
      { criterionId: 'champion', level: v % 3, evidence: '' },
      { criterionId: 'metrics', level: [1, 5, 10][Math.floor(v / 3) % 3]!, evidence: '' },
    ];
    const computed = computeScore(definitions, answers);
    const { attributes: _attributes, ...fields } = scoreToOrgRecord({
      id: '00000000-0000-4000-8000-000000000000',
      dealKey: 'salesforce-lightning:acme:006000000000000AAA',
      rater: TEAM[0]!.email,
      role: 'rep',
      context: 'deal',
      deal: {
        crm: 'salesforce-lightning',
        recordId: '006000000000000AAA',
        stage: { text: ['Prospecting', 'Negotiation', 'Proposal'][v % 3]!, strategy: 'api:StageName' },
        amount: { text: '50000', strategy: 'api:Amount', value: 50_000 + v * 1000, currency: 'USD' },
        closeDate: { text: '2026-12-31', strategy: 'api:CloseDate', iso: '2026-12-31' },
      },
      definitions: { id: definitions.id, version: definitions.version, hash: 'a'.repeat(64) },
      answers,
      total: computed.total,
      ceiling: computed.ceiling,
      band: { id: computed.band.id, label: computed.band.label },
      savedAt: '2026-01-01T00:00:00.000Z',
    });
    return fields;
  });
  const ownerIds = TEAM.map((rep) => rep.userId);
  const dealCount = Math.max(1, Math.ceil(count / SCORES_PER_DEAL));
  const touched = new Map<number, string>();
  const start = Date.parse('2025-01-01T00:00:00Z');
  const span = Date.parse('2026-11-01T00:00:00Z') - start;

  const opportunityIds = Array.from({ length: dealCount }, (_, deal) =>
    toCanonicalSalesforceId(`006Dn${deal.toString(36).toUpperCase().padStart(10, '0')}`)!,
  );
  const opportunityId = (deal: number) => opportunityIds[deal]!;
  const dealOf = (index: number) => Math.floor(index / SCORES_PER_DEAL);
  const ownerOf = (index: number) => ownerIds[index % ownerIds.length]!;

  return {
    length: count,
    ownerIds,
    dealCount,
    ownerOf,
    at(index) {
      if (!Number.isInteger(index) || index < 0 || index >= count) return undefined;
      const deal = dealOf(index);
      const stamp = touched.get(index);
      const variant = variants[(index * 7 + deal + (stamp ? 1 : 0)) % VARIANTS]!;
      const opportunity = opportunityId(deal);
      const savedAt = new Date(start + Math.floor((index / count) * span)).toISOString();
      return {
        ...variant,
        Id: toCanonicalSalesforceId(`a0X5g${index.toString(36).toUpperCase().padStart(10, '0')}`)!,
        OwnerId: ownerOf(index),
        SystemModstamp: stamp ?? '2026-11-30T00:00:00.000+0000',
        IsDeleted: false,
        [SCORE_FIELDS.key]: `00000000-0000-4000-8000-${index.toString(16).padStart(12, '0')}`,
        [SCORE_FIELDS.dealKey]: `salesforce-lightning:acme:${opportunity}`,
        [SCORE_FIELDS.opportunity]: opportunity,
        [SCORE_FIELDS.savedAt]: savedAt,
      };
    },
    opportunity(deal) {
      const id = opportunityId(deal);
      const closed = deal % 3 !== 2;
      const won = closed && (deal * 2654435761) % 5 < 2;
      return {
        Id: id,
        Name: `Deal ${deal}`,
        StageName: closed ? (won ? 'Closed Won' : 'Closed Lost') : 'Negotiation',
        Amount: 50_000,
        CurrencyIsoCode: 'USD',
        CloseDate: new Date(start + (deal % 600) * DAY_MS).toISOString().slice(0, 10),
        OwnerId: ownerOf(deal),
        IsClosed: closed,
        IsWon: won,
        LastModifiedDate: '2026-11-30T00:00:00.000+0000',
        SystemModstamp: '2026-11-30T00:00:00.000+0000',
        LeadSource: deal % 2 === 0 ? 'Web' : 'Partner',
        Type: 'New Business',
        CampaignId: null,
        Product_Line__c: null,
      };
    },
    touch(indexes, systemModstamp) {
      for (const index of indexes) touched.set(index, systemModstamp);
    },
  };
}

/** The rows of `list` that `keep` accepts, as a list of their indexes (no row is copied). */
export function filterRows(list: RowList, keep: (row: Record<string, unknown>) => boolean): RowList {
  const kept: number[] = [];
  for (let i = 0; i < list.length; i++) if (keep(list.at(i)!)) kept.push(i);
  return { length: kept.length, at: (i) => (i >= 0 && i < kept.length ? list.at(kept[i]!) : undefined) };
}

/** `first` then `second`, as one list. */
export function concatRows(first: RowList, second: RowList): RowList {
  return {
    length: first.length + second.length,
    at: (i) => (i < first.length ? first.at(i) : second.at(i - first.length)),
  };
}

/** The rows from `start` up to (not including) `end`, copied into an array. */
export function sliceRows(list: RowList, start: number, end: number): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (let i = Math.max(0, start); i < Math.min(end, list.length); i++) rows.push(list.at(i)!);
  return rows;
}
