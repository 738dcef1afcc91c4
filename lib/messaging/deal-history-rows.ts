// Apart from protocol.ts, which builds Zod schemas, so that the sidebar bundle can use them without Zod.

/**
 * How many of a deal's scores come with its state: what the sidebar's history shows before the rep asks
 * for more. Reading and sending 100 took about 50 ms at 1M scores (docs/performance.md); 10 took under 10.
 */
export const DEAL_STATE_HISTORY_ROWS = 10;

/** How many of a deal's newest scores `getDealHistory` gives, after the deal is shown. */
export const DEAL_HISTORY_ROWS = 100;
