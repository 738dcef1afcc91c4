import { fixed, percent, signed } from '../../../lib/audit/format-numbers';

/** Three decimals: α, κ, ICC, AUC, Brier. */
export const three = (v: number) => fixed(v, 3);
/** Two decimals: interval bounds and standard errors. */
export const two = (v: number) => fixed(v, 2);
/** One decimal: totals (0–100) and days. */
export const one = (v: number) => fixed(v, 1);
/** A share as a percentage. */
export const pct = (v: number) => percent(v);
/** A signed difference in levels: bias and drift. */
export const levels = (v: number) => signed(v, 2);
