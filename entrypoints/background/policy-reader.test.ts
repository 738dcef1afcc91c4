import { createPolicyReader, type PolicySnapshotStore } from './policy-reader';

/** A source whose answer the test releases by hand, as Chromium's slow first managed read. */
function slowSource(answers: unknown[]) {
  const pending: ((raw: unknown) => void)[] = [];
  let calls = 0;
  return {
    source: () => {
      const answer = answers[Math.min(calls++, answers.length - 1)];
      return new Promise<unknown>((resolve) => pending.push(() => resolve(answer)));
    },
    releaseAll: () => pending.splice(0).forEach((release) => release(undefined)),
    get calls() {
      return calls;
    },
  };
}

function memorySnapshots(initial: unknown): PolicySnapshotStore & { saved: unknown[] } {
  let stored = initial;
  const saved: unknown[] = [];
  return {
    saved,
    load: async () => stored,
    save: async (raw) => {
      stored = raw;
      saved.push(raw);
    },
  };
}

const pendingMark = Symbol('pending');
const settledOrPending = (promise: Promise<unknown>) =>
  Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(pendingMark), 10))]);

describe('createPolicyReader', () => {
  it('answers display reads from the previous run while the first browser read is pending', async () => {
    const slow = slowSource([{ raterName: 'Priya (policy now)' }]);
    const snapshots = memorySnapshots({ raterName: 'Priya (last run)' });
    const reader = createPolicyReader(slow.source, snapshots);

    expect(await reader.lastKnown()).toEqual({ raterName: 'Priya (last run)' });
    expect(await settledOrPending(reader.current())).toBe(pendingMark);

    slow.releaseAll();
    expect(await reader.current()).toEqual({ raterName: 'Priya (policy now)' });
    expect(await reader.lastKnown()).toEqual({ raterName: 'Priya (policy now)' });
    expect(await reader.differsFromSnapshot).toBe(true);
    expect(snapshots.saved).toEqual([{ raterName: 'Priya (policy now)' }]);
  });

  it('shows no policy on a new install until the first read, then reports the policy as a change', async () => {
    const slow = slowSource([{ role: 'manager' }]);
    const snapshots = memorySnapshots(undefined);
    const reader = createPolicyReader(slow.source, snapshots);

    expect(await reader.lastKnown()).toEqual({});
    slow.releaseAll();
    await reader.current();
    expect(await reader.lastKnown()).toEqual({ role: 'manager' });
    expect(await reader.differsFromSnapshot).toBe(true);
    expect(snapshots.saved).toEqual([{ role: 'manager' }]);
  });

  it('reports no change on a new install without a policy, and remembers that there is none', async () => {
    const slow = slowSource([{}]);
    const snapshots = memorySnapshots(undefined);
    const reader = createPolicyReader(slow.source, snapshots);
    slow.releaseAll();
    expect(await reader.differsFromSnapshot).toBe(false);
    expect(snapshots.saved).toEqual([{}]);
  });

  it('reports no change and writes nothing when the policy is the previous run’s', async () => {
    const slow = slowSource([{ role: 'rep' }]);
    const snapshots = memorySnapshots({ role: 'rep' });
    const reader = createPolicyReader(slow.source, snapshots);
    slow.releaseAll();
    expect(await reader.differsFromSnapshot).toBe(false);
    expect(snapshots.saved).toEqual([]);
  });

  it('reads once, and again only after invalidate, keeping the snapshot current', async () => {
    const slow = slowSource([{ role: 'rep' }, { role: 'manager' }]);
    const snapshots = memorySnapshots({ role: 'rep' });
    const reader = createPolicyReader(slow.source, snapshots);
    slow.releaseAll();
    await reader.current();
    await reader.current();
    await reader.lastKnown();
    expect(slow.calls).toBe(1);

    reader.invalidate();
    const next = reader.current();
    slow.releaseAll();
    expect(await next).toEqual({ role: 'manager' });
    expect(slow.calls).toBe(2);
    await vi.waitFor(() => expect(snapshots.saved).toEqual([{ role: 'manager' }]));
  });

  it('keeps no snapshot when it has no store (a fixed policy in tests)', async () => {
    const reader = createPolicyReader(async () => ({ role: 'rep' }), null);
    expect(await reader.lastKnown()).toEqual({ role: 'rep' });
    expect(await reader.differsFromSnapshot).toBe(false);
  });
});
