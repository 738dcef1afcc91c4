import type { DealSnapshot } from '../crm/deal-snapshot';
import { err, ok, type Result } from '../result';
import type { Answer } from '../scoring/answer';
import { computeScore, UnknownLevelError } from '../scoring/compute-score';
import type { OrgTarget } from '../org/salesforce/outbox-rows';
import type { OrgRater, RaterRole, ScoreRecord } from '../scoring/score-record';
import { readDefinitionsVersion } from './definitions-repository';
import { appendScore } from './score-repository';
import type { YardstickDatabase } from './yardstick-database';

/** What the sidebar asks to save. The total is recomputed here; the client's arithmetic is not trusted. */
export interface ScoreDraft {
  /** Chosen by the client per save attempt, so a retried save cannot land twice. */
  saveId: string;
  deal: DealSnapshot;
  definitionsHash: string;
  answers: Answer[];
  context: 'deal' | 'calibration';
}

/** Why a score was not saved. */
export type SaveScoreError =
  | { code: 'rater-missing'; message: string }
  | { code: 'definitions-not-found'; message: string }
  | { code: 'invalid-answers'; message: string };

/** Where a score goes besides the local history: its org, and the rater as that org knows them. */
export interface OrgSave {
  target: OrgTarget;
  /** Null when the rep's session could not be linked yet: the typed rater stays, self-declared. */
  rater: OrgRater | null;
}

/**
 * Scores a draft against the definitions it names and appends it to the deal's history. With a `role`,
 * the record says whether the rater was a rep or a manager (whose score is a validating rating). With
 * `org`, the score carries the org-verified rater and goes into the outbox in the same transaction.
 */
export async function recordScore(
  db: YardstickDatabase,
  draft: ScoreDraft,
  rater: string | null,
  now: Date,
  role?: RaterRole,
  org: OrgSave | null = null,
): Promise<Result<ScoreRecord, SaveScoreError>> {
  if (!rater) return err({ code: 'rater-missing', message: 'Set your name or email before saving a score.' });
  const version = await readDefinitionsVersion(db, draft.definitionsHash);
  if (!version) {
    return err({
      code: 'definitions-not-found',
      message: `The definitions this score was made against (${draft.definitionsHash.slice(0, 12)}…) are not stored.`,
    });
  }
  const criterionIds = new Set(version.definitions.criteria.map((c) => c.id));
  const stray = draft.answers.find((answer) => !criterionIds.has(answer.criterionId));
  if (stray)
    return err({
      code: 'invalid-answers',
      message: `"${stray.criterionId}" is not a criterion of ${version.id} ${version.version}.`,
    });
  let result;
  try {
    result = computeScore(version.definitions, draft.answers);
  } catch (error) {
    if (error instanceof UnknownLevelError) return err({ code: 'invalid-answers', message: error.message });
    throw error;
  }
  const answers = version.definitions.criteria.map(
    (criterion) =>
      draft.answers.find((a) => a.criterionId === criterion.id) ?? {
        criterionId: criterion.id,
        level: null,
        evidence: '',
      },
  );
  const record: ScoreRecord = {
    id: draft.saveId,
    dealKey: draft.deal.dealKey,
    rater,
    ...(org?.rater ? { orgRater: org.rater } : {}),
    ...(role ? { role } : {}),
    context: draft.context,
    deal: draft.deal,
    definitions: { id: version.id, version: version.version, hash: version.hash },
    answers,
    total: result.total,
    ceiling: result.ceiling,
    band: { id: result.band.id, label: result.band.label },
    savedAt: now.toISOString(),
  };
  return ok(await appendScore(db, record, org?.target ?? null, now));
}
