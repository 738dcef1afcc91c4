// Apart from protocol.ts, which builds Zod schemas, so that the sidebar bundle can use them without Zod.

/**
 * How many of a deal's scores come with its state: what the sidebar's history shows before the rep asks
 * for more. Reading 100 took 48–65 ms at 1M scores and made 179 KB to send; 10, 3–11 ms and 18 KB
 * (a one-off probe, docs/performance.md).
 */
export const DEAL_STATE_HISTORY_ROWS = 10;

/** How many of a deal's newest scores `getDealHistory` gives, after the deal is shown. */
export const DEAL_HISTORY_ROWS = 100;
