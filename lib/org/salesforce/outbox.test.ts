import type { OrgError, OrgErrorCode } from './org-error';
import {
  EMPTY_OUTBOX,
  LIMIT_PAUSE_MS,
  applyCallFailure,
  applyReconcile,
  applyUpsertOutcomes,
  backoffDelay,
  enqueue,
  markSending,
  nextStep,
  pauseForUsage,
  recoverInterrupted,
  resume,
  retryFailed,
  type Backoff,
  type OutboxState,
} from './outbox';

const NOW = 1_780_000_000_000;
const backoff: Backoff = { baseMs: 1000, maxMs: 60_000, random: () => 1 };
const ids = (count: number) => Array.from({ length: count }, (_, index) => `score-${index}`);
const orgError = (code: OrgErrorCode): OrgError => ({
  code,
  message: `${code} message`,
  status: null,
  orgCode: null,
  orgMessage: null,
  fields: [],
});
const stateOf = (state: OutboxState, scoreId: string) =>
  state.entries.find((entry) => entry.scoreId === scoreId);

function sendingOf(count: number): OutboxState {
  return markSending(enqueue(EMPTY_OUTBOX, ids(count), NOW), ids(count));
}

describe('outbox', () => {
  it('queues each score once, in the order saved, due now', () => {
    const state = enqueue(enqueue(EMPTY_OUTBOX, ['a', 'b'], NOW), ['b', 'c'], NOW + 5);
    expect(state.entries.map((entry) => [entry.scoreId, entry.state])).toEqual([
      ['a', 'waiting'],
      ['b', 'waiting'],
      ['c', 'waiting'],
    ]);
    expect(nextStep(state, NOW + 5)).toEqual({ kind: 'send', scoreIds: ['a', 'b', 'c'] });
  });

  it('sends at most 200 scores per batch', () => {
    const state = enqueue(EMPTY_OUTBOX, ids(450), NOW);
    const step = nextStep(state, NOW);
    expect(step.kind === 'send' && step.scoreIds).toEqual(ids(200));
  });

  it('is idle with nothing to send, and wakes at the earliest retry', () => {
    expect(nextStep(EMPTY_OUTBOX, NOW)).toEqual({ kind: 'idle', wakeAt: null });
    const failed = applyCallFailure(sendingOf(1), ids(1), orgError('network'), NOW, backoff);
    expect(nextStep(failed, NOW)).toEqual({ kind: 'idle', wakeAt: NOW + 1000 });
  });

  it('marks sent scores in the org with their record id, and does not send them again', () => {
    const state = applyUpsertOutcomes(
      sendingOf(2),
      [
        { scoreKey: 'score-0', ok: true, orgRecordId: 'a0X000000000001AAA', created: true },
        { scoreKey: 'score-1', ok: true, orgRecordId: 'a0X000000000002AAA', created: false },
      ],
      NOW,
      backoff,
    );
    expect(stateOf(state, 'score-0')).toEqual({
      scoreId: 'score-0',
      state: 'in-org',
      orgRecordId: 'a0X000000000001AAA',
      created: true,
      at: NOW,
    });
    expect(nextStep(enqueue(state, ids(2), NOW), NOW)).toEqual({ kind: 'idle', wakeAt: null });
  });

  it('fails only the record the org refused, with the org error, and completes the others', () => {
    const state = applyUpsertOutcomes(
      sendingOf(2),
      [
        { scoreKey: 'score-0', ok: true, orgRecordId: 'a0X000000000001AAA', created: true },
        {
          scoreKey: 'score-1',
          ok: false,
          errors: [
            { statusCode: 'STRING_TOO_LONG', message: 'Rater: data value too large', fields: ['Rater__c'] },
          ],
        },
      ],
      NOW,
      backoff,
    );
    expect(stateOf(state, 'score-0')?.state).toBe('in-org');
    expect(stateOf(state, 'score-1')).toEqual({
      scoreId: 'score-1',
      state: 'failed',
      failure: {
        statusCode: 'STRING_TOO_LONG',
        message: 'Rater: data value too large',
        fields: ['Rater__c'],
      },
      at: NOW,
    });
    expect(state.pause).toBeNull();
  });

  it('puts a record refused for a row lock back to wait, not failed', () => {
    const state = applyUpsertOutcomes(
      sendingOf(1),
      [
        {
          scoreKey: 'score-0',
          ok: false,
          errors: [{ statusCode: 'UNABLE_TO_LOCK_ROW', message: 'locked', fields: [] }],
        },
      ],
      NOW,
      backoff,
    );
    expect(stateOf(state, 'score-0')).toMatchObject({
      state: 'waiting',
      nextAttemptAt: NOW + 1000,
      uncertain: false,
    });
  });

  it.each(['network', 'timeout', 'server-error'] as const)(
    'puts scores back to wait with backoff after %s, uncertain whether the org wrote them',
    (code) => {
      const state = applyCallFailure(sendingOf(2), ids(2), orgError(code), NOW, backoff);
      expect(state.pause).toBeNull();
      expect(stateOf(state, 'score-0')).toEqual({
        scoreId: 'score-0',
        state: 'waiting',
        attempts: 1,
        nextAttemptAt: NOW + 1000,
        uncertain: true,
        lastError: `${code} message`,
      });
    },
  );

  it('asks the org about uncertain scores before sending them again, then sends only the missing', () => {
    const failed = applyCallFailure(sendingOf(2), ids(2), orgError('timeout'), NOW, backoff);
    expect(nextStep(failed, NOW + 1000)).toEqual({ kind: 'reconcile', scoreIds: ['score-0', 'score-1'] });
    const reconciled = applyReconcile(
      failed,
      ['score-0', 'score-1'],
      new Map([['score-0', 'a0X1']]),
      NOW + 1000,
    );
    expect(stateOf(reconciled, 'score-0')).toMatchObject({
      state: 'in-org',
      orgRecordId: 'a0X1',
      created: false,
    });
    expect(nextStep(reconciled, NOW + 1000)).toEqual({ kind: 'send', scoreIds: ['score-1'] });
  });

  it('backs off exponentially with jitter up to the cap', () => {
    const half: Backoff = { ...backoff, random: () => 0 };
    expect([1, 2, 3, 4].map((attempts) => backoffDelay(attempts, backoff))).toEqual([1000, 2000, 4000, 8000]);
    expect(backoffDelay(3, half)).toBe(2000);
    expect(backoffDelay(30, backoff)).toBe(60_000);
    let state = sendingOf(1);
    state = applyCallFailure(state, ids(1), orgError('network'), NOW, backoff);
    state = applyCallFailure(markSending(state, ids(1)), ids(1), orgError('network'), NOW, backoff);
    expect(stateOf(state, 'score-0')).toMatchObject({ attempts: 2, nextAttemptAt: NOW + 2000 });
  });

  it('pauses the whole outbox on an expired session until a new session, losing no attempt', () => {
    const state = applyCallFailure(sendingOf(2), ids(2), orgError('session-expired'), NOW, backoff);
    expect(nextStep(state, NOW + 10 * LIMIT_PAUSE_MS)).toEqual({
      kind: 'paused',
      pause: { reason: 'session', error: orgError('session-expired') },
    });
    expect(stateOf(state, 'score-0')).toMatchObject({ state: 'waiting', attempts: 0, nextAttemptAt: NOW });
    expect(nextStep(resume(state, 'new-session'), NOW)).toEqual({ kind: 'send', scoreIds: ids(2) });
  });

  it('reads a login page like an expired session', () => {
    const state = applyCallFailure(sendingOf(1), ids(1), orgError('login-page'), NOW, backoff);
    expect(state.pause?.reason).toBe('session');
  });

  it.each([
    'not-deployed',
    'session-refused-for-api',
    'api-disabled-for-org',
    'api-disabled-for-user',
    'redirect',
  ] as const)('pauses on %s until a new session or a manual retry', (code) => {
    const state = applyCallFailure(sendingOf(1), ids(1), orgError(code), NOW, backoff);
    expect(state.pause).toEqual({ reason: 'org-refused', error: orgError(code) });
    expect(resume(state, 'manual').pause).toBeNull();
    expect(resume(state, 'new-session').pause).toBeNull();
  });

  it('pauses on the request limit until a time that a new session does not lift', () => {
    const state = applyCallFailure(sendingOf(1), ids(1), orgError('request-limit'), NOW, backoff);
    expect(state.pause).toEqual({
      reason: 'limit',
      until: NOW + LIMIT_PAUSE_MS,
      error: orgError('request-limit'),
    });
    expect(nextStep(state, NOW + LIMIT_PAUSE_MS - 1).kind).toBe('paused');
    expect(resume(state, 'new-session')).toBe(state);
    expect(nextStep(state, NOW + LIMIT_PAUSE_MS)).toEqual({ kind: 'send', scoreIds: ids(1) });
  });

  it('pauses when the org has used its share of the daily limit', () => {
    const state = pauseForUsage(enqueue(EMPTY_OUTBOX, ids(1), NOW), NOW + 5000);
    expect(nextStep(state, NOW + 4999)).toEqual({
      kind: 'paused',
      pause: { reason: 'limit', until: NOW + 5000, error: null },
    });
    expect(nextStep(state, NOW + 5000).kind).toBe('send');
  });

  it('sends failed scores again on request', () => {
    const failed = applyUpsertOutcomes(
      sendingOf(1),
      [
        {
          scoreKey: 'score-0',
          ok: false,
          errors: [{ statusCode: 'INVALID_FIELD', message: 'x', fields: [] }],
        },
      ],
      NOW,
      backoff,
    );
    expect(nextStep(failed, NOW)).toEqual({ kind: 'idle', wakeAt: null });
    expect(nextStep(retryFailed(failed, NOW), NOW)).toEqual({ kind: 'send', scoreIds: ['score-0'] });
  });

  it('after a restart, treats scores left sending as uncertain and reconciles them first', () => {
    const state = recoverInterrupted(sendingOf(1), NOW);
    expect(stateOf(state, 'score-0')).toMatchObject({ state: 'waiting', uncertain: true, attempts: 1 });
    expect(nextStep(state, NOW)).toEqual({ kind: 'reconcile', scoreIds: ['score-0'] });
  });

  it('ignores answers for scores that are not being sent', () => {
    const state = enqueue(EMPTY_OUTBOX, ['a'], NOW);
    const after = applyUpsertOutcomes(
      state,
      [{ scoreKey: 'a', ok: true, orgRecordId: 'x', created: true }],
      NOW,
      backoff,
    );
    expect(after.entries).toEqual(state.entries);
  });
});
