/** When a read counts as long, and how far the wait before the next one may grow. */
export interface ReadBackoffOptions {
  /** The wait after a change before reading, while reads are cheap. */
  baseMs: number;
  /** A read that takes longer than this doubles the wait. */
  longReadMs: number;
  /** The wait never grows past this. */
  maxMs: number;
}

/** The wait before the next read: doubles after each long read, back to the base after a cheap one. */
export interface ReadBackoff {
  /** How long to wait after a change before reading now. */
  delayMs(): number;
  /** Records how long a read took. */
  recordRead(durationMs: number): void;
}

/** A backoff that starts at `options.baseMs`. */
export function createReadBackoff(options: ReadBackoffOptions): ReadBackoff {
  let delay = options.baseMs;
  return {
    delayMs: () => delay,
    recordRead(durationMs) {
      delay =
        durationMs > options.longReadMs
          ? Math.min(options.maxMs, Math.max(delay * 2, durationMs * 2, options.baseMs))
          : options.baseMs;
    },
  };
}
