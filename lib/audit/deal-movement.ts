import { assessStaleness } from '../scoring/staleness';
import type { AuditScore } from './audit-input';
import { insufficient, known, type Figure } from './figure';

/** Latest scores made before their deal moved (stage, close date pushed out, amount): stale by content. */
export interface DealMovement {
  /** Latest rater scores of open deals that carry a deal snapshot. */
  n: number;
  /** Share of them whose deal has since moved, judged by the newest snapshot any rater recorded. */
  movedShare: Figure;
  reasons: { stage: number; closeDate: number; amount: number };
}

/**
 * Counts each rater's latest score of an open deal as stale when a newer score of the same deal (by
 * anyone) recorded the deal with another stage, a later close date or an amount changed by more
 * than `amountChangeShare` — the sidebar's own staleness rules.
 */
export function dealMovement(
  scores: readonly AuditScore[],
  closedDeals: ReadonlySet<string>,
  minimum: number,
  amountChangeShare?: number,
): DealMovement {
  const newest = new Map<string, AuditScore>();
  const latestPerRater = new Map<string, AuditScore>();
  for (const score of scores) {
    if (score.context !== 'deal' || !score.snapshot || closedDeals.has(score.deal)) continue;
    const at = score.scoredAt ?? -Infinity;
    if (at > (newest.get(score.deal)?.scoredAt ?? -Infinity) || !newest.has(score.deal))
      newest.set(score.deal, score);
    const key = `${score.deal}\u0000${score.rater}`;
    if (at > (latestPerRater.get(key)?.scoredAt ?? -Infinity) || !latestPerRater.has(key))
      latestPerRater.set(key, score);
  }
  const reasons = { stage: 0, closeDate: 0, amount: 0 };
  let moved = 0;
  for (const score of latestPerRater.values()) {
    const current = newest.get(score.deal)!;
    if (current === score) continue;
    const verdict = assessStaleness(
      current.snapshot!,
      { deal: score.snapshot!, savedAt: new Date(score.scoredAt ?? 0).toISOString() },
      { now: new Date(current.scoredAt ?? 0), amountChangeShare },
    );
    if (!verdict.stale) continue;
    moved++;
    for (const reason of verdict.reasons) {
      if (reason.kind === 'stage-changed') reasons.stage++;
      else if (reason.kind === 'close-date-pushed') reasons.closeDate++;
      else if (reason.kind === 'amount-changed' || reason.kind === 'currency-changed') reasons.amount++;
    }
  }
  const n = latestPerRater.size;
  return {
    n,
    movedShare:
      n < minimum
        ? insufficient(n, 'latest scores of open deals with a deal snapshot', minimum)
        : known(moved / n, n),
    reasons,
  };
}
