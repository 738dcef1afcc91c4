/** The shown deal's asynchronous work: one AbortController per deal, aborted when another is shown. */
export interface DealWork {
  /** The signal of the deal shown now. */
  readonly signal: AbortSignal;
  /** Aborts the previous deal's work and returns the next deal's signal. */
  next(): AbortSignal;
}

/** Creates the deal work holder; its first signal stands for "no deal yet". */
export function createDealWork(): DealWork {
  let controller = new AbortController();
  return {
    get signal() {
      return controller.signal;
    },
    next() {
      controller.abort();
      controller = new AbortController();
      return controller.signal;
    },
  };
}
