import { isSoqlFieldPath } from '../deal-query';
import { SCORE_FIELDS, SCORE_OBJECT } from '../score-object';

/** The lookup from a score to its opportunity, as a relationship name in SOQL. */
export const OPPORTUNITY_RELATION = 'Opportunity__r';

/** The score fields the audit reads, besides the opportunity's. */
export const AUDIT_SCORE_FIELDS = [
  'Id',
  'OwnerId',
  'Owner.Name',
  'SystemModstamp',
  // Read through /queryAll on an incremental load, so that a score deleted in the org since is dropped.
  'IsDeleted',
  SCORE_FIELDS.key,
  SCORE_FIELDS.dealKey,
  SCORE_FIELDS.opportunity,
  SCORE_FIELDS.context,
  SCORE_FIELDS.role,
  SCORE_FIELDS.definitionsId,
  SCORE_FIELDS.definitionsVersion,
  SCORE_FIELDS.total,
  SCORE_FIELDS.savedAt,
  SCORE_FIELDS.stage,
  SCORE_FIELDS.amount,
  SCORE_FIELDS.currency,
  SCORE_FIELDS.closeDate,
  SCORE_FIELDS.answers,
] as const;

/** The opportunity fields every audit row carries: the outcome and when the deal last changed. */
export const AUDIT_DEAL_FIELDS = ['IsClosed', 'IsWon', 'CloseDate', 'SystemModstamp'] as const;

/** What the manager narrows the audit to; every part optional. */
export interface OrgAuditFilters {
  /** Scores saved at or after this instant (ISO 8601). */
  savedFrom?: string | null;
  /** Scores saved at or before this instant (ISO 8601). */
  savedTo?: string | null;
  /** Chosen raters by org user id; absent or empty: everyone the org's sharing lets the manager see. */
  raterIds?: readonly string[];
  /**
   * The users below the manager's role in the role hierarchy, read from the org at each load (it
   * replaces `raterIds`); resolved by resolveTeamFilter before the query is built.
   */
  myTeam?: boolean;
  /** One definitions id, and optionally one version of it. */
  definitions?: { id: string; version?: string | null } | null;
  calibrationOnly?: boolean;
}

/** Watermarks of an incremental load: only scores or deals that changed after them. */
export interface ChangedSince {
  /** Highest score SystemModstamp already read. */
  scores: string;
  /** Highest opportunity SystemModstamp already read (a deal that closed since moves it). */
  deals: string;
}

/** Everything a query needs. */
export interface AuditQueryInput {
  filters: OrgAuditFilters;
  /** Segment id → opportunity API field (`lead_source` → `LeadSource`), from the definitions. */
  segmentFields: ReadonlyMap<string, string>;
  changedSince?: ChangedSince | null;
}

/** A filter the query cannot carry, named by filter. */
export interface AuditQueryProblem {
  filter: string;
  message: string;
}

const USER_ID = /^005[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;

/** The column each segment id is read from in a row (`Opportunity__r.LeadSource`). */
export function segmentColumn(apiField: string): string {
  return `${OPPORTUNITY_RELATION}.${apiField}`;
}

/** The SELECT list of the audit query, in the order the rows' columns come back. */
export function auditColumns(segmentFields: ReadonlyMap<string, string>): string[] {
  const deal = [...AUDIT_DEAL_FIELDS, ...segmentFields.values()].map(segmentColumn);
  return [...new Set([...AUDIT_SCORE_FIELDS, ...deal])];
}

/**
 * The audit's one SOQL query over the scores object, joined to each score's opportunity (outcome,
 * close date, segment fields), narrowed by the filters and, for an incremental load, to what changed.
 * No ORDER BY: Bulk API 2.0 refuses it, and the rows are sorted after reading.
 */
export function buildAuditQuery(
  input: AuditQueryInput,
): { ok: true; soql: string } | { ok: false; problems: AuditQueryProblem[] } {
  const where = auditConditions(input);
  if (!where.ok) return where;
  const conditions = where.conditions;
  const clause = conditions.length > 0 ? ` WHERE ${conditions.join(' AND ')}` : '';
  return {
    ok: true,
    soql: `SELECT ${auditColumns(input.segmentFields).join(', ')} FROM ${SCORE_OBJECT}${clause}`,
  };
}

function auditConditions(
  input: AuditQueryInput,
): { ok: true; conditions: string[] } | { ok: false; problems: AuditQueryProblem[] } {
  const { filters } = input;
  const problems: AuditQueryProblem[] = [];
  const conditions: string[] = [];
  for (const [fieldId, apiField] of input.segmentFields) {
    if (!isSoqlFieldPath(apiField))
      problems.push({
        filter: 'segments',
        message: `segment ${fieldId}: "${apiField}" is not a Salesforce field name`,
      });
  }
  const instant = (filter: string, value: string | null | undefined, operator: string) => {
    if (value === null || value === undefined) return;
    const literal = soqlDateTime(value);
    if (literal) conditions.push(`${SCORE_FIELDS.savedAt} ${operator} ${literal}`);
    else problems.push({ filter, message: `"${value}" is not an ISO 8601 date or date-time` });
  };
  instant('savedFrom', filters.savedFrom, '>=');
  instant('savedTo', filters.savedTo, '<=');
  if (filters.myTeam)
    problems.push({ filter: 'myTeam', message: 'the team must be resolved to user ids before the query' });
  const raters = filters.raterIds ?? [];
  const badRater = raters.find((id) => !USER_ID.test(id));
  if (badRater !== undefined)
    problems.push({ filter: 'raterIds', message: `"${badRater}" is not a Salesforce user id (005…)` });
  else if (raters.length > 0) conditions.push(`OwnerId IN (${raters.map(soqlString).join(', ')})`);
  if (filters.definitions) {
    conditions.push(`${SCORE_FIELDS.definitionsId} = ${soqlString(filters.definitions.id)}`);
    if (filters.definitions.version)
      conditions.push(`${SCORE_FIELDS.definitionsVersion} = ${soqlString(filters.definitions.version)}`);
  }
  if (filters.calibrationOnly) conditions.push(`${SCORE_FIELDS.context} = 'calibration'`);
  if (input.changedSince) {
    const scores = soqlDateTime(input.changedSince.scores);
    const deals = soqlDateTime(input.changedSince.deals);
    if (!scores || !deals)
      problems.push({ filter: 'changedSince', message: 'the saved watermarks are not date-times' });
    else conditions.push(`(SystemModstamp > ${scores} OR ${OPPORTUNITY_RELATION}.SystemModstamp > ${deals})`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, conditions };
}

/** A SOQL string literal: backslash and quote escaped, as SOQL requires. */
export function soqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/**
 * A SOQL dateTime literal (`2026-05-04T16:20:00Z`) for an ISO date or date-time, or null. SOQL has no
 * fractional seconds, and the org stores whole seconds, so the value is cut to the second.
 */
export function soqlDateTime(value: string): string | null {
  const normalised = normaliseOrgDateTime(value);
  if (!/^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))?$/.test(normalised))
    return null;
  const at = Date.parse(normalised);
  if (Number.isNaN(at)) return null;
  return `${new Date(at).toISOString().slice(0, 19)}Z`;
}

/** The org writes `+0000` where ISO 8601 parsers want `+00:00`; anything else passes unchanged. */
export function normaliseOrgDateTime(value: string): string {
  return value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}
