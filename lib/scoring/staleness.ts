import type { DealSnapshot } from '../crm/deal-snapshot';

/** Why a score no longer describes the deal, with a sentence the sidebar can show. */
export type StaleReason =
  | { kind: 'stage-changed'; from: string; to: string; message: string }
  | { kind: 'close-date-pushed'; from: string; to: string; days: number; message: string }
  | { kind: 'amount-changed'; from: number; to: number; share: number | null; message: string }
  | { kind: 'currency-changed'; from: string; to: string; message: string }
  | { kind: 'too-old'; ageDays: number; staleAfterDays: number; message: string };

/** Whether the last score is stale, why, and which fields could not be compared (unknown on either page). */
export type Staleness = {
  stale: boolean;
  reasons: StaleReason[];
  unchecked: Array<'stage' | 'closeDate' | 'amount'>;
};

/** When a score goes stale. */
export interface StalenessOptions {
  now: Date;
  /** The definitions' `staleAfterDays`; without it, age alone never makes a score stale. */
  staleAfterDays?: number;
  /** An amount change larger than this share of the scored amount makes the score stale (default 0.2). */
  amountChangeShare?: number;
}

/** The default share of the scored amount by which the amount may move before the score is stale. */
export const DEFAULT_AMOUNT_CHANGE_SHARE = 0.2;

const DAY_MS = 86_400_000;

/** Whether the last score of a deal is stale, comparing the deal shown now with the deal as scored. */
export function assessStaleness(
  current: DealSnapshot,
  scored: { deal: DealSnapshot; savedAt: string },
  options: StalenessOptions,
): Staleness {
  if (current.dealKey !== scored.deal.dealKey)
    throw new Error(`staleness compares one deal: ${current.dealKey} vs ${scored.deal.dealKey}`);
  const share = options.amountChangeShare ?? DEFAULT_AMOUNT_CHANGE_SHARE;
  if (!(share >= 0) || !Number.isFinite(share))
    throw new Error(`amountChangeShare must be ≥ 0, got ${share}`);
  const reasons: StaleReason[] = [];
  const unchecked: Staleness['unchecked'] = [];
  // Unknown is no evidence of a change: a field unknown on either side is only listed as unchecked.
  const check = (field: Staleness['unchecked'][number], reason: StaleReason | null | 'unknown') => {
    if (reason === 'unknown') unchecked.push(field);
    else if (reason) reasons.push(reason);
  };
  check('stage', stageChange(scored.deal.stage.text, current.stage.text));
  check('closeDate', closeDatePush(scored.deal.closeDate.iso, current.closeDate.iso));
  check('amount', amountChange(scored.deal.amount, current.amount, share));
  const age = ageReason(scored.savedAt, options.now, options.staleAfterDays);
  if (age) reasons.push(age);
  return { stale: reasons.length > 0, reasons, unchecked };
}

function stageChange(from: string | null, to: string | null): StaleReason | null | 'unknown' {
  if (from === null || to === null) return 'unknown';
  if (comparable(from) === comparable(to)) return null;
  return { kind: 'stage-changed', from, to, message: `Stage changed from ${from} to ${to}` };
}

function closeDatePush(from: string | null, to: string | null): StaleReason | null | 'unknown' {
  if (from === null || to === null) return 'unknown';
  // ISO dates compare as strings; a close date pulled in is good news, not a reason to re-score.
  if (to <= from) return null;
  const days = Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
  return {
    kind: 'close-date-pushed',
    from,
    to,
    days,
    message: `Close date pushed out by ${days} ${days === 1 ? 'day' : 'days'}, from ${from} to ${to}`,
  };
}

function amountChange(
  from: DealSnapshot['amount'],
  to: DealSnapshot['amount'],
  share: number,
): StaleReason | null | 'unknown' {
  if (from.value === null || to.value === null) return 'unknown';
  if (from.currency !== null && to.currency !== null && from.currency !== to.currency) {
    return {
      kind: 'currency-changed',
      from: from.currency,
      to: to.currency,
      message: `Amount changed currency from ${shown(from)} to ${shown(to)}`,
    };
  }
  const delta = Math.abs(to.value - from.value);
  if (delta === 0) return null;
  // From zero, any amount is an unbounded change.
  const changed = from.value === 0 ? null : delta / Math.abs(from.value);
  if (changed !== null && changed <= share) return null;
  const percent = changed === null ? '' : ` by ${Math.round(changed * 100)}%`;
  return {
    kind: 'amount-changed',
    from: from.value,
    to: to.value,
    share: changed,
    message: `Amount changed${percent}, from ${shown(from)} to ${shown(to)} (more than ${Math.round(share * 100)}%)`,
  };
}

function ageReason(savedAt: string, now: Date, staleAfterDays: number | undefined): StaleReason | null {
  if (staleAfterDays === undefined) return null;
  const ageMs = now.getTime() - Date.parse(savedAt);
  if (!(ageMs > staleAfterDays * DAY_MS)) return null;
  const ageDays = Math.floor(ageMs / DAY_MS);
  return {
    kind: 'too-old',
    ageDays,
    staleAfterDays,
    message: `Scored ${ageDays} days ago; scores go stale after ${staleAfterDays} ${staleAfterDays === 1 ? 'day' : 'days'}`,
  };
}

function comparable(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function shown(amount: DealSnapshot['amount']): string {
  return amount.text ?? String(amount.value);
}
