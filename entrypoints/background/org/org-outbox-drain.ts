import {
  markInFlight,
  originsWithOpenRows,
  readDueBatch,
  readEarliestWait,
  recoverInterruptedSends,
  saveBatchOutcome,
  type OutboxBatch,
} from '../../../lib/db/org-outbox-repository';
import type { YardstickDatabase } from '../../../lib/db/yardstick-database';
import { err, type Result } from '../../../lib/result';
import { mayStillWrite, type ApiUsage } from '../../../lib/org/salesforce/api-usage';
import { buildScoreKeysQuery } from '../../../lib/org/salesforce/deal-query';
import type { OrgError } from '../../../lib/org/salesforce/org-error';
import type { OrgLink, OrgSessions } from '../../../lib/org/salesforce/org-sessions';
import {
  applyCallFailure,
  applyReconcile,
  applyUpsertOutcomes,
  backoffDelay,
  LIMIT_PAUSE_MS,
  markSending,
  nextStep,
  OUTBOX_BATCH_SIZE,
  pauseForUsage,
  recoverInterrupted,
  type Backoff,
  type OutboxState,
} from '../../../lib/org/salesforce/outbox';
import type { OrgOutboxRow, OrgSyncStatusRow } from '../../../lib/org/salesforce/outbox-rows';
import {
  queryAll,
  upsertScoreRecords,
  type OrgCall,
  type UpsertOutcome,
} from '../../../lib/org/salesforce/rest-client';
import { SCORE_KEY_FIELD, SCORE_OBJECT } from '../../../lib/org/salesforce/score-object';
import {
  scoreToOrgRecord,
  validateOrgRecord,
  type OrgScoreRecord,
} from '../../../lib/org/salesforce/score-to-org-record';

/** What one drain needs, injected so it runs the same in the service worker and in Node tests. */
export interface DrainDeps {
  db: YardstickDatabase;
  sessions: OrgSessions;
  now(): number;
  backoff: Backoff;
  /** The share of the daily API limit Yardstick may use (policy, default 0.5). */
  apiLimitShare(): Promise<number>;
  /** Resolves when no save is under way: the drain's transactions let a rep's save go first. */
  savesSettled?(): Promise<void>;
}

/** What one drain of one org did; `wakeAt` is when the outbox wants to run again (null: on an event). */
export interface OrgDrainResult {
  apiOrigin: string;
  calls: number;
  wakeAt: number | null;
}

/** Drains every org's outbox in turn; the earliest time any of them wants to run again. */
export async function drainAllOutboxes(deps: DrainDeps): Promise<OrgDrainResult[]> {
  const results: OrgDrainResult[] = [];
  for (const apiOrigin of await originsWithOpenRows(deps.db))
    results.push(await drainOutbox(deps, apiOrigin));
  return results;
}

/**
 * Sends one org's waiting scores, 200 per collections upsert, until none is due, the outbox is
 * paused, or the org's API usage passes the allowed share. Per batch: the due rows and their scores
 * read in small readonly slices, the batch marked in flight in the status row, the call outside any
 * transaction, then the outcome written in small slices; a running save goes before each slice. Saves never wait behind the network. A stopped
 * worker leaves the batch marked in flight; the next drain asks the org about it before sending it again.
 */
export async function drainOutbox(deps: DrainDeps, apiOrigin: string): Promise<OrgDrainResult> {
  const share = await deps.apiLimitShare();
  // This drain holds the only lock: a batch still in flight is from a drain that was stopped.
  await recoverInterruptedSends(deps.db, apiOrigin, deps.now());
  let link: OrgLink | null = null;
  let calls = 0;
  // A save's message arrives as its own task: a macrotask turn lets it in before the next transaction.
  const between = async () => {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    await deps.savesSettled?.();
  };
  const earliestWait = async () => ({
    apiOrigin,
    calls,
    wakeAt: await readEarliestWait(deps.db, apiOrigin),
  });

  for (;;) {
    await deps.savesSettled?.();
    const now = deps.now();
    const batch = await readDueBatch(deps.db, apiOrigin, now, OUTBOX_BATCH_SIZE, between);
    const first = batch.rows.values().next().value;
    const step = nextStep(batch.state, now);
    if (step.kind === 'paused') return { apiOrigin, calls, wakeAt: pauseWake(step.pause) };
    if (step.kind === 'idle' || !first) return earliestWait();
    let status: OrgSyncStatusRow = batch.status ?? {
      apiOrigin,
      orgId: first.orgId,
      pause: null,
      lastError: null,
      apiUsage: null,
    };
    const noteError = (message: string) => {
      status = { ...status, lastError: { message, at: new Date(deps.now()).toISOString() } };
    };
    if (!link) {
      const linked = await linkFor(deps.sessions, first);
      if (!linked.ok) {
        noteError(linked.error.message);
        const paused = applyCallFailure(batch.state, [], linked.error, now, deps.backoff);
        await saveBatchOutcome(deps.db, batch, paused, status, between);
        if (paused.pause) return { apiOrigin, calls, wakeAt: pauseWake(paused.pause) };
        return { apiOrigin, calls, wakeAt: now + backoffDelay(1, deps.backoff) };
      }
      link = linked.value;
    }
    calls += 1;
    const sending = markSending(batch.state, step.scoreIds);
    await markInFlight(deps.db, status, step.scoreIds);
    const outcome =
      step.kind === 'reconcile'
        ? await reconcile(link, sending, step.scoreIds, now, deps.backoff)
        : await send(link, batch, sending, step.scoreIds, now, deps.backoff);
    if (outcome.error) {
      noteError(outcome.error.message);
      if (outcome.error.code === 'session-expired') {
        await deps.sessions.forget(apiOrigin);
        link = null;
      }
    } else if (outcome.recordError) {
      noteError(outcome.recordError);
    }
    let next = outcome.state;
    if (outcome.apiUsage) {
      status = { ...status, apiUsage: outcome.apiUsage };
      if (!mayStillWrite(outcome.apiUsage, share)) {
        const { used, limit } = outcome.apiUsage;
        noteError(
          `Stopped writing: the org has used ${used} of its ${limit} daily API requests, and Yardstick may use up to ${Math.round(share * 100)}%. Scores wait in this browser and are sent later.`,
        );
        next = pauseForUsage(next, deps.now() + LIMIT_PAUSE_MS);
      }
    }
    await saveBatchOutcome(deps.db, batch, next, status, between);
    // A call that failed as a whole ends this drain; the backoff's alarm (or the next event) resumes.
    if (outcome.error)
      return next.pause ? { apiOrigin, calls, wakeAt: pauseWake(next.pause) } : earliestWait();
  }
}

/** The rep's link to the org the row's scores were saved for: another org's session is refused. */
async function linkFor(sessions: OrgSessions, row: OrgOutboxRow): Promise<Result<OrgLink, OrgError>> {
  const linked = await sessions.forApiOrigin(row.apiOrigin, row.cookieStoreId ?? undefined);
  if (linked.ok && linked.value.user.orgId !== row.orgId) return err(wrongOrg(row.apiOrigin));
  return linked;
}

interface CallOutcome {
  state: OutboxState;
  error: OrgError | null;
  recordError: string | null;
  apiUsage: ApiUsage | null;
}

async function reconcile(
  link: OrgLink,
  sending: OutboxState,
  scoreIds: string[],
  now: number,
  backoff: Backoff,
): Promise<CallOutcome> {
  const soql = buildScoreKeysQuery(SCORE_OBJECT, SCORE_KEY_FIELD, scoreIds);
  // Score ids are uuids the background generated checks for; anything else is a bug.
  if (!soql.ok) throw new Error(soql.error);
  const answer = await queryAll(link.connection, soql.value, { aboutScoresObject: true });
  if (!answer.ok) return failed(sending, scoreIds, answer, now, backoff);
  const found = new Map<string, string>();
  for (const record of answer.value) {
    const key = record[SCORE_KEY_FIELD];
    if (typeof key === 'string' && typeof record.Id === 'string') found.set(key, record.Id);
  }
  // The reconciled scores were marked sending to count the call: back to waiting, then settled.
  const waiting = recoverInterrupted(sending, now);
  return {
    state: applyReconcile(waiting, scoreIds, found, now),
    error: null,
    recordError: null,
    apiUsage: answer.apiUsage,
  };
}

async function send(
  link: OrgLink,
  batch: OutboxBatch,
  sending: OutboxState,
  scoreIds: string[],
  now: number,
  backoff: Backoff,
): Promise<CallOutcome> {
  const records: OrgScoreRecord[] = [];
  const refused: UpsertOutcome[] = [];
  scoreIds.forEach((scoreKey) => {
    const score = batch.scores.get(scoreKey);
    if (!score) {
      refused.push(localRefusal(scoreKey, 'The score is no longer in this browser.', []));
      return;
    }
    const record = scoreToOrgRecord(score);
    const problems = validateOrgRecord(record);
    if (problems.length > 0) {
      const message = problems.map((problem) => problem.message).join(' ');
      refused.push(
        localRefusal(
          scoreKey,
          message,
          problems.map((problem) => problem.field),
        ),
      );
    } else records.push(record);
  });
  let state = applyUpsertOutcomes(sending, refused, now, backoff);
  if (records.length === 0)
    return {
      state,
      error: null,
      recordError: refused[0]?.ok === false ? refused[0].errors[0]!.message : null,
      apiUsage: null,
    };
  const answer = await upsertScoreRecords(link.connection, records);
  const sentIds = records.map((record) => String(record[SCORE_KEY_FIELD]));
  if (!answer.ok) return failed(state, sentIds, answer, now, backoff);
  state = applyUpsertOutcomes(state, answer.value, now, backoff);
  const firstRefusal = [...refused, ...answer.value].find((outcome) => !outcome.ok);
  return {
    state,
    error: null,
    recordError:
      firstRefusal && !firstRefusal.ok
        ? `The org refused a score (${firstRefusal.errors[0]?.statusCode ?? 'UNKNOWN_ERROR'}): ${firstRefusal.errors[0]?.message ?? ''}`
        : null,
    apiUsage: answer.apiUsage,
  };
}

function failed(
  state: OutboxState,
  scoreIds: string[],
  answer: OrgCall<unknown> & { ok: false },
  now: number,
  backoff: Backoff,
): CallOutcome {
  return {
    state: applyCallFailure(state, scoreIds, answer.error, now, backoff),
    error: answer.error,
    recordError: null,
    apiUsage: answer.apiUsage,
  };
}

function localRefusal(scoreKey: string, message: string, fields: string[]): UpsertOutcome {
  return { scoreKey, ok: false, errors: [{ statusCode: 'YARDSTICK_REFUSED', message, fields }] };
}

function pauseWake(pause: OutboxState['pause']): number | null {
  return pause?.reason === 'limit' ? pause.until : null;
}

function wrongOrg(apiOrigin: string): OrgError {
  return {
    code: 'session-expired',
    message: `The session for ${new URL(apiOrigin).host} belongs to another org than the one these scores were saved for. Log in to that org again; the scores wait in this browser.`,
    status: null,
    orgCode: null,
    orgMessage: null,
    fields: [],
  };
}
