import type { DealSnapshot } from '../../crm/deal-snapshot';
import { isOpportunityId, toCanonicalSalesforceId } from '../../crm/salesforce-id';
import type { ScoreRecord } from '../../scoring/score-record';
import { SCORE_FIELDS, SCORE_OBJECT, SCORE_TEXT_LIMITS, type ScoreFieldName } from './score-object';

/** The parts of a stored score the org keeps: the ScoreRecord with only the deal fields scoring looked at. */
export type OrgScore = Omit<ScoreRecord, 'deal'> & {
  deal: Pick<DealSnapshot, 'crm' | 'recordId' | 'stage' | 'amount' | 'closeDate' | 'segments'>;
};

/** One record of the scores object as the collections upsert sends it. */
export type OrgScoreRecord = { attributes: { type: typeof SCORE_OBJECT } } & Record<
  ScoreFieldName,
  string | number | null
>;

/** One reason a record would be refused by the org, named by field. */
export interface OrgRecordProblem {
  field: ScoreFieldName;
  message: string;
}

// Display texts are cut to fit rather than losing the score; keys and JSON are never cut (see validate).
const CUT_TO_FIT: ScoreFieldName[] = ['Rater__c', 'Band_Label__c', 'Stage_At_Scoring__c'];

/** Maps a stored score to the scores object's fields (see force-app/ and docs/salesforce-org.md). */
export function scoreToOrgRecord(score: OrgScore): OrgScoreRecord {
  const { deal } = score;
  const isSalesforceDeal = deal.crm === 'salesforce-lightning' || deal.crm === 'salesforce-classic';
  const opportunity =
    isSalesforceDeal && isOpportunityId(deal.recordId) ? toCanonicalSalesforceId(deal.recordId) : null;
  const segments = deal.segments
    ? Object.fromEntries(Object.entries(deal.segments).map(([id, reading]) => [id, reading.text]))
    : null;
  const record: OrgScoreRecord = {
    attributes: { type: SCORE_OBJECT },
    [SCORE_FIELDS.key]: score.id,
    // A calibration case's key too: the audit groups a case's ratings by it.
    [SCORE_FIELDS.dealKey]: score.dealKey,
    [SCORE_FIELDS.opportunity]: score.context === 'deal' ? opportunity : null,
    [SCORE_FIELDS.context]: score.context,
    [SCORE_FIELDS.role]: score.role ?? 'rep',
    // The org's own name for a verified rater; the record's owner says who saved it either way.
    [SCORE_FIELDS.rater]: score.orgRater?.name ?? score.rater,
    [SCORE_FIELDS.definitionsId]: score.definitions.id,
    [SCORE_FIELDS.definitionsVersion]: score.definitions.version,
    [SCORE_FIELDS.definitionsHash]: score.definitions.hash,
    [SCORE_FIELDS.total]: score.total,
    [SCORE_FIELDS.ceiling]: score.ceiling,
    [SCORE_FIELDS.bandId]: score.band.id,
    [SCORE_FIELDS.bandLabel]: score.band.label,
    [SCORE_FIELDS.savedAt]: score.savedAt,
    [SCORE_FIELDS.stage]: deal.stage.text,
    [SCORE_FIELDS.amount]: deal.amount.value,
    [SCORE_FIELDS.currency]: deal.amount.currency,
    [SCORE_FIELDS.closeDate]: deal.closeDate.iso,
    [SCORE_FIELDS.answers]: JSON.stringify(score.answers),
    [SCORE_FIELDS.segments]: segments ? JSON.stringify(segments) : null,
  };
  for (const field of CUT_TO_FIT) {
    const value = record[field];
    const limit = SCORE_TEXT_LIMITS[field];
    if (typeof value === 'string' && limit && value.length > limit)
      record[field] = `${value.slice(0, limit - 1)}…`;
  }
  return record;
}

/** Every reason the org would refuse this record (lengths, number ranges, formats); empty when it fits. */
export function validateOrgRecord(record: OrgScoreRecord): OrgRecordProblem[] {
  const problems: OrgRecordProblem[] = [];
  for (const [field, limit] of Object.entries(SCORE_TEXT_LIMITS) as [ScoreFieldName, number][]) {
    const value = record[field];
    if (typeof value === 'string' && value.length > limit) {
      problems.push({
        field,
        message: `${field} holds ${value.length} characters; the org keeps at most ${limit}.`,
      });
    }
  }
  const key = record[SCORE_FIELDS.key];
  if (typeof key !== 'string' || key.length === 0) {
    problems.push({ field: SCORE_FIELDS.key, message: `${SCORE_FIELDS.key} is required.` });
  }
  for (const field of [SCORE_FIELDS.total, SCORE_FIELDS.ceiling]) {
    const value = record[field];
    if (typeof value !== 'number' || !(value >= 0 && value <= 100) || Math.round(value * 10) !== value * 10) {
      problems.push({
        field,
        message: `${field} must be 0 to 100 with at most one decimal, got ${String(value)}.`,
      });
    }
  }
  const amount = record[SCORE_FIELDS.amount];
  if (
    amount !== null &&
    (typeof amount !== 'number' || !Number.isFinite(amount) || Math.abs(amount) >= 1e16)
  ) {
    problems.push({
      field: SCORE_FIELDS.amount,
      message: `${SCORE_FIELDS.amount} must fit 16 digits and 2 decimals.`,
    });
  }
  const closeDate = record[SCORE_FIELDS.closeDate];
  if (closeDate !== null && !/^\d{4}-\d{2}-\d{2}$/.test(String(closeDate))) {
    problems.push({
      field: SCORE_FIELDS.closeDate,
      message: `${SCORE_FIELDS.closeDate} must be yyyy-mm-dd.`,
    });
  }
  const savedAt = record[SCORE_FIELDS.savedAt];
  if (typeof savedAt !== 'string' || Number.isNaN(Date.parse(savedAt))) {
    problems.push({
      field: SCORE_FIELDS.savedAt,
      message: `${SCORE_FIELDS.savedAt} must be an ISO date-time.`,
    });
  }
  const opportunity = record[SCORE_FIELDS.opportunity];
  if (opportunity !== null && !isOpportunityId(String(opportunity))) {
    problems.push({
      field: SCORE_FIELDS.opportunity,
      message: `${SCORE_FIELDS.opportunity} must be an Opportunity id.`,
    });
  }
  return problems;
}
