import {
  loadOutbox,
  originsWithOpenRows,
  saveOutboxTransition,
  type LoadedOutbox,
} from '../../../lib/db/org-outbox-repository';
import type { YardstickDatabase } from '../../../lib/db/yardstick-database';
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
  pauseForUsage,
  recoverInterrupted,
  type Backoff,
  type OutboxState,
} from '../../../lib/org/salesforce/outbox';
import type { OrgSyncStatusRow } from '../../../lib/org/salesforce/outbox-rows';
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
 * paused, or the org's API usage passes the allowed share. Every transition is stored before and
 * after each call, so a stopped worker resumes from the rows (sends left "sending" are checked with
 * the org before they are sent again).
 */
export async function drainOutbox(deps: DrainDeps, apiOrigin: string): Promise<OrgDrainResult> {
  const loaded = await loadOutbox(deps.db, apiOrigin);
  const first = loaded.rows.values().next().value;
  if (!first) return { apiOrigin, calls: 0, wakeAt: null };
  const share = await deps.apiLimitShare();
  let status: OrgSyncStatusRow = loaded.status ?? {
    apiOrigin,
    orgId: first.orgId,
    pause: null,
    lastError: null,
    apiUsage: null,
  };
  const save = (next: OutboxState) => saveOutboxTransition(deps.db, loaded, next, status);
  // This drain holds the only lock: rows still "sending" are from a drain that was stopped.
  await save(recoverInterrupted(loaded.state, deps.now()));
  let link: OrgLink | null = null;
  let calls = 0;
  const noteError = (message: string) => {
    status = { ...status, lastError: { message, at: new Date(deps.now()).toISOString() } };
  };
  const noteUsage = async (usage: ApiUsage | null) => {
    if (!usage) return;
    status = { ...status, apiUsage: usage };
    if (mayStillWrite(usage, share)) return;
    noteError(
      `Stopped writing: the org has used ${usage.used} of its ${usage.limit} daily API requests, and Yardstick may use up to ${Math.round(share * 100)}%. Scores wait in this browser and are sent later.`,
    );
    await save(pauseForUsage(loaded.state, deps.now() + LIMIT_PAUSE_MS));
  };

  for (;;) {
    const now = deps.now();
    const step = nextStep(loaded.state, now);
    if (step.kind === 'idle') {
      await save(loaded.state);
      return { apiOrigin, calls, wakeAt: step.wakeAt };
    }
    if (step.kind === 'paused') {
      await save(loaded.state);
      return { apiOrigin, calls, wakeAt: step.pause.reason === 'limit' ? step.pause.until : null };
    }
    if (!link) {
      const linked = await deps.sessions.forApiOrigin(apiOrigin, first.cookieStoreId ?? undefined);
      if (!linked.ok) {
        noteError(linked.error.message);
        const paused = applyCallFailure(loaded.state, [], linked.error, now, deps.backoff);
        await save(paused);
        if (paused.pause) return { apiOrigin, calls, wakeAt: pauseWake(paused.pause) };
        return { apiOrigin, calls, wakeAt: now + backoffDelay(1, deps.backoff) };
      }
      if (linked.value.user.orgId !== first.orgId) {
        const error = wrongOrg(apiOrigin);
        noteError(error.message);
        await save(applyCallFailure(loaded.state, [], error, now, deps.backoff));
        return { apiOrigin, calls, wakeAt: null };
      }
      link = linked.value;
    }
    calls += 1;
    const sending = markSending(loaded.state, step.scoreIds);
    await save(sending);
    const outcome =
      step.kind === 'reconcile'
        ? await reconcile(link, loaded, step.scoreIds, now, deps.backoff)
        : await send(deps.db, link, loaded, step.scoreIds, now, deps.backoff);
    if (outcome.error) {
      noteError(outcome.error.message);
      if (outcome.error.code === 'session-expired') {
        await deps.sessions.forget(apiOrigin);
        link = null;
      }
    } else if (outcome.recordError) {
      noteError(outcome.recordError);
    }
    await save(outcome.state);
    await noteUsage(outcome.apiUsage);
    // A call that failed as a whole ends this drain; the backoff's alarm (or the next event) resumes.
    if (outcome.error) {
      const after = nextStep(loaded.state, deps.now());
      return {
        apiOrigin,
        calls,
        wakeAt:
          after.kind === 'idle'
            ? after.wakeAt
            : after.kind === 'paused'
              ? pauseWake(after.pause)
              : deps.now(),
      };
    }
  }
}

interface CallOutcome {
  state: OutboxState;
  error: OrgError | null;
  recordError: string | null;
  apiUsage: ApiUsage | null;
}

async function reconcile(
  link: OrgLink,
  loaded: LoadedOutbox,
  scoreIds: string[],
  now: number,
  backoff: Backoff,
): Promise<CallOutcome> {
  const soql = buildScoreKeysQuery(SCORE_OBJECT, SCORE_KEY_FIELD, scoreIds);
  // Score ids are uuids the background generated checks for; anything else is a bug.
  if (!soql.ok) throw new Error(soql.error);
  const answer = await queryAll(link.connection, soql.value, { aboutScoresObject: true });
  if (!answer.ok) return failed(loaded.state, scoreIds, answer, now, backoff);
  const found = new Map<string, string>();
  for (const record of answer.value) {
    const key = record[SCORE_KEY_FIELD];
    if (typeof key === 'string' && typeof record.Id === 'string') found.set(key, record.Id);
  }
  // The reconciled scores were marked sending to count the call: back to waiting, then settled.
  const waiting = recoverInterrupted(loaded.state, now);
  return {
    state: applyReconcile(waiting, scoreIds, found, now),
    error: null,
    recordError: null,
    apiUsage: answer.apiUsage,
  };
}

async function send(
  db: YardstickDatabase,
  link: OrgLink,
  loaded: LoadedOutbox,
  scoreIds: string[],
  now: number,
  backoff: Backoff,
): Promise<CallOutcome> {
  const scores = await db.scores.bulkGet(scoreIds);
  const records: OrgScoreRecord[] = [];
  const refused: UpsertOutcome[] = [];
  scores.forEach((score, index) => {
    const scoreKey = scoreIds[index]!;
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
  let state = applyUpsertOutcomes(loaded.state, refused, now, backoff);
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
