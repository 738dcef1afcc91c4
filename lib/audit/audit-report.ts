import type { BrierFigure } from './brier-score';
import type { ClosedLoop } from './closed-loop';
import type { DealMovement } from './deal-movement';
import type { ManagerAgreement } from './manager-agreement';
import type { CoverageFigure } from './coverage';
import type { DistributionSummary } from './descriptive-statistics';
import type { KappaFigure } from './fleiss-kappa';
import type { IccResult } from './intraclass-correlation';
import type { AlphaBootstrapOptions, AlphaFigure, AlphaResult } from './krippendorff-alpha';
import type { AucFigure } from './mann-whitney-auc';
import type { BiasFlagRule, ClosedLoopThresholds, Minimums } from './minimums';
import type { BiasFigure } from './rater-bias';
import type { RaterDrift } from './rater-drift';
import type { RobustBiasFigure } from './robust-bias';
import type { Staleness } from './staleness';
import type { BandWinRate } from './win-rate-by-band';

/** How an audit runs. */
export interface AuditOptions {
  /** "Now" for staleness: pass it so that reports are reproducible. */
  asOf: Date | number;
  /** Bootstrap for α's intervals (default 1000 replicates, seed 1), or false for none. */
  bootstrap?: Partial<AlphaBootstrapOptions> | false;
  minimums?: Partial<Minimums>;
  closedLoop?: Partial<ClosedLoopThresholds>;
  /** When a rater's robust bias is flagged (default: `DEFAULT_BIAS_FLAG`). */
  biasFlag?: Partial<BiasFlagRule>;
  /** Compute slices by segment, rater and definitions version (default true). */
  slices?: boolean;
  /** A segment column with more distinct values than this is not sliced (default 50). */
  maxSegmentValues?: number;
}

/** Agreement on one criterion, over deals with at least two ratings (each rater's latest). */
export interface CriterionAgreement {
  units: number;
  /** `units` split: real deals and calibration cases, never added up under one name. */
  deals: number;
  calibrationCases: number;
  raters: number;
  alpha: AlphaResult;
  fleissKappa: KappaFigure;
  icc: IccResult;
}

/** Predictive validity of one criterion (or of the total) on closed deals. */
export interface PredictiveFigures {
  deals: number;
  won: number;
  lost: number;
  auc: AucFigure;
}

/** One criterion's audit. */
export interface CriterionAudit {
  id: string;
  agreement: CriterionAgreement;
  predictive: PredictiveFigures;
}

/** One rater's audit. */
export interface RaterAudit {
  id: string;
  scores: number;
  deals: number;
  /** Per criterion: own − mean(other raters) on shared deals, in level units. */
  bias: Record<string, BiasFigure>;
  /** Per criterion: the rater's effect measured from the team's median rater (additive fit), and whether it is flagged. */
  robustBias: Record<string, RobustBiasFigure>;
  drift: Record<string, Omit<RaterDrift, 'rater'>>;
  /** Distribution of the rater's latest total per deal. */
  totals: DistributionSummary;
}

/** One slice of the data (a segment value, a rater or a definitions version). */
export interface SliceAudit {
  by: 'segment' | 'rater' | 'definitions';
  /** The segment column, for `by: 'segment'`. */
  column?: string;
  value: string;
  deals: number;
  raters: number;
  closedDeals: number;
  /** Ordinal α per criterion (no bootstrap in slices). */
  alpha: Record<string, AlphaFigure>;
  /** AUC of the averaged total. */
  auc: AucFigure;
}

/** The complete audit. Every number carries its n; what cannot be computed is null with a reason. */
export interface AuditReport {
  asOf: string;
  counts: {
    scores: number;
    ratings: number;
    raters: number;
    /** Real deals scored (calibration cases are not deals). */
    deals: number;
    /** Calibration cases scored. */
    calibrationUnits: number;
    outcomes: number;
    closedDealsScored: number;
  };
  minimums: Minimums;
  /** The rule that flagged raters' robust bias. */
  biasFlag: BiasFlagRule;
  criteria: CriterionAudit[];
  total: {
    /** Interval α of the totals (each rater's latest per deal). */
    agreement: { units: number; deals: number; calibrationCases: number; raters: number; alpha: AlphaFigure };
    predictive: PredictiveFigures & {
      winRateByBand: BandWinRate[] | null;
      winRateByBandReason?: string;
      brier: BrierFigure;
    };
  };
  raters: RaterAudit[];
  coverage: CoverageFigure;
  staleness: Staleness;
  slices: SliceAudit[];
  /** Segment columns too varied to slice. */
  slicesSkipped: { column: string; values: number; reason: string }[];
  closedLoop: ClosedLoop;
  /** Reps' scores beside managers' validating scores of the same deals. */
  managerAgreement: ManagerAgreement;
  /** Latest scores of open deals that moved since (stage, close date, amount). */
  dealMovement: DealMovement;
}
