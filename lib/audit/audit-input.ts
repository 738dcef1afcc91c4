import type { DealSnapshot } from '../crm/deal-snapshot';
import type { Band } from '../definitions/schema-v1';

/** One criterion's answer in a score: `level` null is Unknown. */
export interface AuditAnswer {
  criterion: string;
  level: number | null;
}

/** One score (a rater's assessment of a deal at a moment), as the audit reads it. */
export interface AuditScore {
  /** Unique id: a bundle's score id, or a key built from a CSV row's deal, rater, date and context. */
  id: string;
  /** The unit: a deal key, or a calibration case id. */
  deal: string;
  rater: string;
  /** The deal as the rater saw it (bundles carry it; CSV rows do not): lets the audit see deals that moved. */
  snapshot?: DealSnapshot;
  /** A manager's score of a deal is a validating rating of the reps'; absent means a rep's. */
  role?: 'rep' | 'manager';
  context: 'deal' | 'calibration';
  /** Epoch milliseconds; null when the source has no date (it then counts as the oldest). */
  scoredAt: number | null;
  /** e.g. `meddpicc@2.1.0`; null when unknown. */
  definitionsVersion: string | null;
  /** 0–100 total; null when it cannot be known. */
  total: number | null;
  answers: readonly AuditAnswer[];
}

/** One closed deal, keyed like the scores' `deal`. */
export interface AuditOutcome {
  deal: string;
  won: boolean;
  /** Extra columns of the outcomes file (lead source, region, …) the audit can slice by. */
  segments: Readonly<Record<string, string>>;
}

/** Everything an audit reads. */
export interface AuditInput {
  scores: readonly AuditScore[];
  outcomes: readonly AuditOutcome[];
  /** Criteria in report order (definitions order); default: order of first appearance. */
  criteria?: readonly string[];
  /** Bands for win rate by band; without them that table is "not applicable". */
  bands?: readonly Band[] | null;
  /** Scores older than this are stale (definitions' `staleAfterDays`; default 30). */
  staleAfterDays?: number;
}
