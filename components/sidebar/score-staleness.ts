import type { DealPageState } from '../../lib/crm/deal-page-state';
import type { DealState } from '../../lib/messaging/protocol';
import type { ScoreRecord } from '../../lib/scoring/score-record';
import { assessStaleness, type Staleness } from '../../lib/scoring/staleness';

/** Scores go stale after this many days when the definitions set no `staleAfterDays`. */
export const DEFAULT_STALE_AFTER_DAYS = 30;

/**
 * Whether `score` still describes the deal the page shows now; null when the page shows no deal to
 * compare with (still waiting for its header, or another deal).
 */
export function stalenessOf(
  score: ScoreRecord,
  page: DealPageState,
  deal: Pick<DealState, 'active' | 'amountChangeShare'>,
  now: Date,
): Staleness | null {
  if (page.status !== 'ready' && page.status !== 'header-timeout') return null;
  if (page.snapshot.dealKey !== score.dealKey) return null;
  return assessStaleness(
    page.snapshot,
    { deal: score.deal, savedAt: score.savedAt },
    {
      now,
      staleAfterDays: deal.active.definitions.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS,
      amountChangeShare: deal.amountChangeShare,
    },
  );
}

/** The latest score by a manager (a validating rating), and the latest by a rep; either may be missing. */
export function latestByRole(history: readonly ScoreRecord[]): {
  manager: ScoreRecord | null;
  rep: ScoreRecord | null;
} {
  return {
    manager: history.find((score) => score.role === 'manager') ?? null,
    // Scores saved before roles existed have no role: they were reps' scores.
    rep: history.find((score) => score.role !== 'manager') ?? null,
  };
}
