import type { AuditScore } from './audit-input';
import { insufficient, known, type Figure } from './figure';

/** How often reps' levels match the manager's on one criterion. */
export interface CriterionManagerAgreement {
  criterion: string;
  agrees: number;
  disputes: number;
  /** Comparisons where the rep or the manager said Unknown: neither agreement nor dispute. */
  unknown: number;
  /** agrees / (agrees + disputes), with n = agrees + disputes. */
  share: Figure;
}

/** One criterion of one deal where a rep and a manager picked different levels. */
export interface ManagerDispute {
  deal: string;
  criterion: string;
  rep: string;
  repLevel: number;
  manager: string;
  managerLevel: number;
}

/** Reps' scores set beside managers' validating scores of the same deals. */
export interface ManagerAgreement {
  /** Deals with both a manager's and at least one rep's score. */
  deals: number;
  /** (deal, rep, manager) comparisons. */
  comparisons: number;
  criteria: CriterionManagerAgreement[];
  /** Every dispute, by deal then criterion. */
  disputes: ManagerDispute[];
}

/**
 * Compares, per criterion, each rep's latest deal score with each manager's latest score of the same
 * deal: equal levels agree, different levels dispute, and an Unknown on either side is counted apart.
 */
export function managerAgreement(
  scores: readonly AuditScore[],
  criteria: readonly string[],
  minimumComparisons: number,
): ManagerAgreement {
  const latest = new Map<string, AuditScore>();
  for (const score of scores) {
    if (score.context !== 'deal') continue;
    const key = `${score.deal}\u0000${score.role ?? 'rep'}\u0000${score.rater}`;
    const current = latest.get(key);
    if (!current || (score.scoredAt ?? -Infinity) > (current.scoredAt ?? -Infinity)) latest.set(key, score);
  }
  const byDeal = new Map<string, { reps: AuditScore[]; managers: AuditScore[] }>();
  for (const score of latest.values()) {
    const entry = byDeal.get(score.deal) ?? { reps: [], managers: [] };
    (score.role === 'manager' ? entry.managers : entry.reps).push(score);
    byDeal.set(score.deal, entry);
  }
  const tallies = new Map(criteria.map((c) => [c, { agrees: 0, disputes: 0, unknown: 0 }]));
  const disputes: ManagerDispute[] = [];
  let deals = 0;
  let comparisons = 0;
  for (const [deal, { reps, managers }] of [...byDeal].sort(([a], [b]) => a.localeCompare(b))) {
    if (reps.length === 0 || managers.length === 0) continue;
    deals++;
    for (const manager of managers) {
      for (const rep of reps) {
        if (rep.rater === manager.rater) continue;
        comparisons++;
        for (const criterion of criteria) {
          const tally = tallies.get(criterion)!;
          const repLevel = levelOf(rep, criterion);
          const managerLevel = levelOf(manager, criterion);
          if (repLevel === null || managerLevel === null) tally.unknown++;
          else if (repLevel === managerLevel) tally.agrees++;
          else {
            tally.disputes++;
            disputes.push({
              deal,
              criterion,
              rep: rep.rater,
              repLevel,
              manager: manager.rater,
              managerLevel,
            });
          }
        }
      }
    }
  }
  return {
    deals,
    comparisons,
    criteria: criteria.map((criterion) => {
      const { agrees, disputes: disputed, unknown } = tallies.get(criterion)!;
      const n = agrees + disputed;
      const share =
        n < minimumComparisons
          ? insufficient(n, 'rep–manager comparisons with both levels known', minimumComparisons)
          : known(agrees / n, n);
      return { criterion, agrees, disputes: disputed, unknown, share };
    }),
    disputes,
  };
}

function levelOf(score: AuditScore, criterion: string): number | null {
  return score.answers.find((a) => a.criterion === criterion)?.level ?? null;
}
