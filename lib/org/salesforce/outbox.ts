import type { OrgError } from './org-error';
import type { UpsertOutcome } from './rest-client';

/** The org's error for one record that it refused for good. */
export interface RecordFailure {
  statusCode: string;
  message: string;
  fields: string[];
}

/** Where one score is on its way to the org. Times are epoch milliseconds. */
export type OutboxEntry =
  | {
      scoreId: string;
      state: 'waiting';
      attempts: number;
      nextAttemptAt: number;
      /** A previous send may have reached the org (no answer came): ask the org before sending again. */
      uncertain: boolean;
      lastError: string | null;
    }
  | { scoreId: string; state: 'sending'; attempts: number; uncertain: boolean }
  | { scoreId: string; state: 'in-org'; orgRecordId: string; created: boolean; at: number }
  | { scoreId: string; state: 'failed'; failure: RecordFailure; at: number };

/** Why nothing is sent: the whole outbox waits for a new session, for the org, or for a time. */
export type OutboxPause =
  | { reason: 'session'; error: OrgError }
  | { reason: 'org-refused'; error: OrgError }
  | { reason: 'limit'; until: number; error: OrgError | null };

/** Every score's entry, in the order saved, and the outbox-wide pause. */
export interface OutboxState {
  entries: OutboxEntry[];
  pause: OutboxPause | null;
}

/** What the driver does next. */
export type OutboxStep =
  | { kind: 'idle'; wakeAt: number | null }
  | { kind: 'paused'; pause: OutboxPause }
  | { kind: 'reconcile'; scoreIds: string[] }
  | { kind: 'send'; scoreIds: string[] };

/** Backoff settings; `random` is injected (Math.random in use, fixed in tests). */
export interface Backoff {
  baseMs: number;
  maxMs: number;
  random: () => number;
}

/** How long a request-limit refusal pauses the outbox: the daily limit is a rolling 24 hours. */
export const LIMIT_PAUSE_MS = 60 * 60 * 1000;

/** The most records one collections upsert carries (the API's own limit). */
export const OUTBOX_BATCH_SIZE = 200;
// The org refused these records for now, not for good (a row lock held by another save).
const TRANSIENT_RECORD_CODES = new Set(['UNABLE_TO_LOCK_ROW', 'REQUEST_RUNNING_TOO_LONG']);

/** An empty outbox. */
export const EMPTY_OUTBOX: OutboxState = { entries: [], pause: null };

/** Delay before attempt `attempts + 1`: exponential with equal jitter, capped. */
export function backoffDelay(attempts: number, backoff: Backoff): number {
  const cap = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(cap / 2 + (cap / 2) * backoff.random());
}

/** Adds scores to send; a score already in the outbox (any state) is left as it is. */
export function enqueue(state: OutboxState, scoreIds: readonly string[], now: number): OutboxState {
  const known = new Set(state.entries.map((entry) => entry.scoreId));
  const added: OutboxEntry[] = [];
  for (const scoreId of scoreIds) {
    if (known.has(scoreId)) continue;
    known.add(scoreId);
    added.push({
      scoreId,
      state: 'waiting',
      attempts: 0,
      nextAttemptAt: now,
      uncertain: false,
      lastError: null,
    });
  }
  return added.length === 0 ? state : { ...state, entries: [...state.entries, ...added] };
}

/** What to do now: wait, ask the org about uncertain sends, or send up to 200 due scores. */
export function nextStep(state: OutboxState, now: number): OutboxStep {
  const pause = activePause(state, now);
  if (pause) return { kind: 'paused', pause };
  const due = state.entries.filter(
    (entry): entry is Extract<OutboxEntry, { state: 'waiting' }> =>
      entry.state === 'waiting' && entry.nextAttemptAt <= now,
  );
  const uncertain = due.filter((entry) => entry.uncertain);
  if (uncertain.length > 0) {
    return {
      kind: 'reconcile',
      scoreIds: uncertain.slice(0, OUTBOX_BATCH_SIZE).map((entry) => entry.scoreId),
    };
  }
  if (due.length > 0)
    return { kind: 'send', scoreIds: due.slice(0, OUTBOX_BATCH_SIZE).map((entry) => entry.scoreId) };
  const waits = state.entries.flatMap((entry) => (entry.state === 'waiting' ? [entry.nextAttemptAt] : []));
  return { kind: 'idle', wakeAt: waits.length > 0 ? Math.min(...waits) : null };
}

/** Marks scores as being sent; each counts one attempt. */
export function markSending(state: OutboxState, scoreIds: readonly string[]): OutboxState {
  const ids = new Set(scoreIds);
  return mapEntries(state, (entry) =>
    ids.has(entry.scoreId) && entry.state === 'waiting'
      ? { scoreId: entry.scoreId, state: 'sending', attempts: entry.attempts + 1, uncertain: entry.uncertain }
      : entry,
  );
}

/** Applies the org's per-record answers: done, failed for good, or back to waiting for a transient refusal. */
export function applyUpsertOutcomes(
  state: OutboxState,
  outcomes: readonly UpsertOutcome[],
  now: number,
  backoff: Backoff,
): OutboxState {
  const byKey = new Map(outcomes.map((outcome) => [outcome.scoreKey, outcome]));
  return mapEntries(state, (entry) => {
    const outcome = byKey.get(entry.scoreId);
    if (!outcome || entry.state !== 'sending') return entry;
    if (outcome.ok) {
      return {
        scoreId: entry.scoreId,
        state: 'in-org',
        orgRecordId: outcome.orgRecordId,
        created: outcome.created,
        at: now,
      };
    }
    const first = outcome.errors[0] ?? {
      statusCode: 'UNKNOWN_ERROR',
      message: 'The org gave no reason.',
      fields: [],
    };
    if (outcome.errors.every((error) => TRANSIENT_RECORD_CODES.has(error.statusCode))) {
      return waitAgain(entry, now, backoff, false, `${first.statusCode}: ${first.message}`);
    }
    return { scoreId: entry.scoreId, state: 'failed', failure: first, at: now };
  });
}

/**
 * Applies a call that failed as a whole. Session and org refusals pause everything; the request
 * limit pauses until a time; network, timeout and 5xx put the scores back with backoff, marked
 * uncertain because the org may have written them before the answer was lost.
 */
export function applyCallFailure(
  state: OutboxState,
  scoreIds: readonly string[],
  error: OrgError,
  now: number,
  backoff: Backoff,
): OutboxState {
  const ids = new Set(scoreIds);
  const mayHaveReachedOrg =
    error.code === 'network' || error.code === 'timeout' || error.code === 'server-error';
  const pause = pauseFor(error, now);
  const entries = state.entries.map((entry): OutboxEntry => {
    if (!ids.has(entry.scoreId) || entry.state !== 'sending') return entry;
    if (pause) {
      // Refused before anything was written: due again as soon as the pause ends, no attempt lost.
      return {
        scoreId: entry.scoreId,
        state: 'waiting',
        attempts: entry.attempts - 1,
        nextAttemptAt: now,
        uncertain: entry.uncertain,
        lastError: error.message,
      };
    }
    return waitAgain(entry, now, backoff, entry.uncertain || mayHaveReachedOrg, error.message);
  });
  return { entries, pause: pause ?? state.pause };
}

/** Applies the answer to a reconcile query: found keys are in the org, the others are safe to send. */
export function applyReconcile(
  state: OutboxState,
  asked: readonly string[],
  found: ReadonlyMap<string, string>,
  now: number,
): OutboxState {
  const ids = new Set(asked);
  return mapEntries(state, (entry) => {
    if (!ids.has(entry.scoreId) || entry.state !== 'waiting') return entry;
    const orgRecordId = found.get(entry.scoreId);
    if (orgRecordId) return { scoreId: entry.scoreId, state: 'in-org', orgRecordId, created: false, at: now };
    return { ...entry, uncertain: false };
  });
}

/** Pauses writing until `until` when the org's usage has passed the share Yardstick may use. */
export function pauseForUsage(state: OutboxState, until: number): OutboxState {
  return { ...state, pause: { reason: 'limit', until, error: null } };
}

/** Lifts the pause: a new session lifts session and org pauses; a manual retry lifts any pause. */
export function resume(state: OutboxState, trigger: 'new-session' | 'manual'): OutboxState {
  if (!state.pause) return state;
  if (trigger === 'new-session' && state.pause.reason === 'limit') return state;
  return { ...state, pause: null };
}

/** Sends failed scores again, after the admin fixed what the org refused them for. */
export function retryFailed(state: OutboxState, now: number): OutboxState {
  return mapEntries(state, (entry) =>
    entry.state === 'failed'
      ? {
          scoreId: entry.scoreId,
          state: 'waiting',
          attempts: 0,
          nextAttemptAt: now,
          uncertain: false,
          lastError: null,
        }
      : entry,
  );
}

/** The rep asked to send now: every waiting score is due at once, and any pause is lifted. */
export function sendNow(state: OutboxState, now: number): OutboxState {
  const due = mapEntries(state, (entry) =>
    entry.state === 'waiting' && entry.nextAttemptAt > now ? { ...entry, nextAttemptAt: now } : entry,
  );
  return resume(due, 'manual');
}

/** After a restart, scores left "sending" may or may not be in the org: wait, uncertain, due now. */
export function recoverInterrupted(state: OutboxState, now: number): OutboxState {
  return mapEntries(state, (entry) =>
    entry.state === 'sending'
      ? {
          scoreId: entry.scoreId,
          state: 'waiting',
          attempts: entry.attempts,
          nextAttemptAt: now,
          uncertain: true,
          lastError: null,
        }
      : entry,
  );
}

function activePause(state: OutboxState, now: number): OutboxPause | null {
  const { pause } = state;
  if (pause?.reason === 'limit' && pause.until <= now) return null;
  return pause;
}

function pauseFor(error: OrgError, now: number): OutboxPause | null {
  switch (error.code) {
    case 'session-expired':
    case 'login-page':
      return { reason: 'session', error };
    case 'request-limit':
      return { reason: 'limit', until: now + LIMIT_PAUSE_MS, error };
    case 'session-refused-for-api':
    case 'api-disabled-for-org':
    case 'api-disabled-for-user':
    case 'not-deployed':
    case 'invalid-field':
    case 'redirect':
    case 'bad-request':
    case 'not-found':
    case 'unexpected-answer':
      return { reason: 'org-refused', error };
    case 'server-error':
    case 'timeout':
    case 'network':
    case 'aborted':
    case 'query-job-failed':
    case 'no-team':
      return null;
  }
}

function waitAgain(
  entry: Extract<OutboxEntry, { state: 'sending' }>,
  now: number,
  backoff: Backoff,
  uncertain: boolean,
  lastError: string,
): OutboxEntry {
  return {
    scoreId: entry.scoreId,
    state: 'waiting',
    attempts: entry.attempts,
    nextAttemptAt: now + backoffDelay(entry.attempts, backoff),
    uncertain,
    lastError,
  };
}

function mapEntries(state: OutboxState, map: (entry: OutboxEntry) => OutboxEntry): OutboxState {
  return { ...state, entries: state.entries.map(map) };
}
