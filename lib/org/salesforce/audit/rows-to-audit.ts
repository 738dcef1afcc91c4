import { compareCodeUnits } from '../../../compare-code-units';
import type { AuditAnswer, AuditOutcome, AuditScore } from '../../../audit/audit-input';
import type { DealSnapshot } from '../../../crm/deal-snapshot';
import { canonicalRaterName } from '../../../exchange/rater-names';
import { SCORE_FIELDS } from '../score-object';
import { OPPORTUNITY_RELATION, normaliseOrgDateTime, segmentColumn } from './audit-soql';
import type { OrgAuditRow } from './org-audit-row';

/** An org user the org itself vouches for as a score's rater (the record's owner). */
export interface VerifiedRater {
  userId: string;
  name: string;
}

/** The audit's input read from org rows, and the rows that could not be read, each named. */
export interface OrgAuditRead {
  scores: AuditScore[];
  outcomes: AuditOutcome[];
  verifiedRaters: VerifiedRater[];
  /** One sentence per row left out (`score <key>: …`). */
  problems: string[];
}

const DEAL = `${OPPORTUNITY_RELATION}.`;

/**
 * Converts org rows into the same audit scores and outcomes that bundles give: the rater is the
 * record's owner as the org names them (verified), the outcome comes from the opportunity's
 * IsClosed/IsWon, the segments from its fields. Rows are sorted by saved time, then score key, so
 * that the audit sees the same order whichever API (and page order) read them.
 */
export function rowsToAuditInput(
  rows: Iterable<OrgAuditRow>,
  segmentFields: ReadonlyMap<string, string>,
): OrgAuditRead {
  const scores: AuditScore[] = [];
  const outcomes = new Map<string, AuditOutcome>();
  const raters = new Map<string, string>();
  const problems: string[] = [];
  // Many scores give the same answers (the rows share the text): read each text once, share the list.
  const answersRead = new Map<string | null | undefined, AuditAnswer[] | string>();
  const answersOfText = (json: string | null | undefined) => {
    let answers = answersRead.get(json);
    if (answers === undefined) answersRead.set(json, (answers = answersOf(json)));
    return answers;
  };
  for (const row of rows) {
    const read = scoreOf(row, answersOfText);
    if (typeof read === 'string') {
      problems.push(`score ${row[SCORE_FIELDS.key] ?? row.Id ?? '(no key)'}: ${read}`);
      continue;
    }
    scores.push(read);
    raters.set(row.OwnerId!, read.rater);
    if (read.context === 'deal' && row[`${DEAL}IsClosed`] === 'true' && !outcomes.has(read.deal)) {
      const segments: Record<string, string> = {};
      for (const [segmentId, apiField] of segmentFields) {
        const value = row[segmentColumn(apiField)];
        if (value !== null && value !== undefined) segments[segmentId] = value;
      }
      outcomes.set(read.deal, { deal: read.deal, won: row[`${DEAL}IsWon`] === 'true', segments });
    }
  }
  scores.sort((a, b) => (a.scoredAt ?? 0) - (b.scoredAt ?? 0) || compareCodeUnits(a.id, b.id));
  return {
    scores,
    outcomes: [...outcomes.values()].sort((a, b) => compareCodeUnits(a.deal, b.deal)),
    verifiedRaters: [...raters]
      .map(([userId, name]) => ({ userId, name }))
      .sort((a, b) => compareCodeUnits(a.name, b.name) || compareCodeUnits(a.userId, b.userId)),
    problems,
  };
}

function scoreOf(
  row: OrgAuditRow,
  answersOfText: (json: string | null | undefined) => AuditAnswer[] | string,
): AuditScore | string {
  const id = row[SCORE_FIELDS.key];
  const owner = row['Owner.Name'];
  const context = row[SCORE_FIELDS.context];
  const deal = row[SCORE_FIELDS.dealKey];
  if (!id) return `${SCORE_FIELDS.key} is empty`;
  if (!row.OwnerId || !owner) return 'the record has no owner the org names';
  if (context !== 'deal' && context !== 'calibration')
    return `${SCORE_FIELDS.context} is "${context ?? ''}", not deal or calibration`;
  if (!deal) return `${SCORE_FIELDS.dealKey} is empty`;
  const savedAt = row[SCORE_FIELDS.savedAt];
  const scoredAt = savedAt ? Date.parse(normaliseOrgDateTime(savedAt)) : NaN;
  if (Number.isNaN(scoredAt)) return `${SCORE_FIELDS.savedAt} "${savedAt ?? ''}" is not a date-time`;
  const answers = answersOfText(row[SCORE_FIELDS.answers]);
  if (typeof answers === 'string') return answers;
  const total = row[SCORE_FIELDS.total] === null ? null : Number(row[SCORE_FIELDS.total]);
  const role = row[SCORE_FIELDS.role];
  const definitionsId = row[SCORE_FIELDS.definitionsId];
  const definitionsVersion = row[SCORE_FIELDS.definitionsVersion];
  return {
    id,
    deal,
    rater: canonicalRaterName(owner),
    ...(role === 'manager' || role === 'rep' ? { role } : {}),
    ...(context === 'deal' ? { snapshot: snapshotOf(row, deal, scoredAt) } : {}),
    context,
    scoredAt,
    definitionsVersion: definitionsId && definitionsVersion ? `${definitionsId}@${definitionsVersion}` : null,
    total: total !== null && Number.isFinite(total) ? total : null,
    answers,
  };
}

function answersOf(json: string | null | undefined): AuditAnswer[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json ?? '');
  } catch {
    return `${SCORE_FIELDS.answers} is not JSON`;
  }
  if (!Array.isArray(parsed)) return `${SCORE_FIELDS.answers} is not a list of answers`;
  const answers: AuditAnswer[] = [];
  for (const [index, item] of parsed.entries()) {
    const answer = item as { criterionId?: unknown; level?: unknown } | null;
    const level = answer?.level;
    if (
      typeof answer?.criterionId !== 'string' ||
      !(level === null || (typeof level === 'number' && Number.isFinite(level)))
    )
      return `${SCORE_FIELDS.answers}[${index}] has no criterionId and level`;
    answers.push({ criterion: answer.criterionId, level });
  }
  return answers;
}

// The deal as the org recorded it at scoring: enough for the audit's deal-movement check, which
// compares stage, close date and amount.
function snapshotOf(row: OrgAuditRow, dealKey: string, scoredAt: number): DealSnapshot {
  const [crm, instance] = dealKey.split(':');
  const amount = row[SCORE_FIELDS.amount];
  const reading = (text: string | null | undefined) => ({
    text: text ?? null,
    strategy: text ? 'org' : null,
  });
  return {
    crm: crm === 'salesforce-classic' ? 'salesforce-classic' : 'salesforce-lightning',
    instance: instance || 'org',
    recordId: row[SCORE_FIELDS.opportunity] ?? dealKey,
    dealKey,
    url: '',
    name: reading(null),
    stage: reading(row[SCORE_FIELDS.stage]),
    amount: {
      ...reading(amount),
      value: amount === null || amount === undefined ? null : Number(amount),
      currency: row[SCORE_FIELDS.currency] ?? null,
    },
    closeDate: { ...reading(row[SCORE_FIELDS.closeDate]), iso: row[SCORE_FIELDS.closeDate] ?? null },
    owner: reading(row['Owner.Name']),
    readAt: new Date(scoredAt).toISOString(),
    source: 'api',
  };
}
