const NO_POLICY = {};

/** Where the policy comes from; tests pass a fixed one. */
export type PolicySource = () => Promise<unknown>;

/** Keeps the policy read in the previous run, for the seconds after a browser start. */
export interface PolicySnapshotStore {
  load(): Promise<unknown>;
  save(raw: unknown): Promise<void>;
}

/** The enterprise policy as raw managed-storage values, read once and again only after a change. */
export interface PolicyReader {
  /** The policy as the browser reports it; right after a browser start this can take seconds. */
  current(): Promise<unknown>;
  /**
   * The current policy when it is already known, else the previous run's copy (no policy on a new
   * install) while the browser still reads it; only for what is shown, never for what is written.
   */
  lastKnown(): Promise<unknown>;
  /** Forgets the current policy (it changed); the next read asks the browser again. */
  invalidate(): void;
  /**
   * Resolves once the first read after start-up is done: true when it differs from what `lastKnown`
   * answered meanwhile (the previous run's policy, or none on a new install).
   */
  readonly differsFromSnapshot: Promise<boolean>;
}

/**
 * Reads the policy from `source` at once, and answers display reads from `snapshots` until that first
 * read is done: Chromium's first `storage.managed.get()` after a start takes 2–3 s, which every deal
 * opened in that time would otherwise wait for.
 */
export function createPolicyReader(
  source: PolicySource,
  snapshots: PolicySnapshotStore | null,
): PolicyReader {
  let settled: { raw: unknown } | null = null;
  let reading: Promise<unknown> = readFresh();
  const snapshot = snapshots?.load().catch(() => undefined) ?? Promise.resolve(undefined);

  function readFresh(): Promise<unknown> {
    const read = source().then((raw) => {
      if (reading === read) settled = { raw };
      return raw;
    });
    return read;
  }

  const differsFromSnapshot = (async () => {
    if (!snapshots) return false;
    const [raw, previous] = await Promise.all([reading, snapshot]);
    if (JSON.stringify(raw) === JSON.stringify(previous)) return false;
    await snapshots.save(raw).catch(() => undefined);
    return JSON.stringify(raw) !== JSON.stringify(previous ?? NO_POLICY);
  })().catch(() => false);

  return {
    current: () => reading,
    async lastKnown() {
      if (settled) return settled.raw;
      // No previous run (a new install): show what most browsers have, no policy, until the read is done.
      return (await snapshot) ?? (snapshots ? NO_POLICY : reading);
    },
    invalidate() {
      settled = null;
      reading = readFresh();
      void reading.then((raw) => snapshots?.save(raw)).catch(() => undefined);
    },
    differsFromSnapshot,
  };
}
