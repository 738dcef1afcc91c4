import type { Definitions } from '../definitions/schema-v1';
import type { AuditReport } from './audit-report';
import { unitsInWords } from './closed-loop';
import { lowAgreement } from './findings';

/** A change the audit proposes for the next definitions version. */
export type Proposal =
  | { kind: 'reword'; criterion: string; why: string }
  | {
      kind: 'talk';
      criterion: string;
      raters: string[];
      /** α without the rater recovers: no rewrite at all (else the rater may explain the split). */
      settled: boolean;
      why: string;
    }
  | { kind: 'weight'; criterion: string; from: number; to: number; why: string }
  | { kind: 'gate'; criterion: string; stage: string; level: number; why: string };

const fixed2 = (value: number) => value.toFixed(2);

/**
 * The changes the findings call for: reword a criterion the team reads differently (unless one
 * rater may explain it: then talk to that rater), raise the weight of a criterion whose AUC interval
 * lies above 0.7's neighbourhood, lower one near chance or below, and gate a predictive criterion
 * that has no gate at the last stage.
 */
export function proposeChanges(report: AuditReport, definitions: Definitions): Proposal[] {
  const proposals: Proposal[] = [];
  const byId = new Map(definitions.criteria.map((c) => [c.id, c]));
  for (const item of lowAgreement(report)) {
    if (!byId.has(item.criterion)) continue;
    proposals.push(
      item.cause === 'wording'
        ? {
            kind: 'reword',
            criterion: item.criterion,
            why: `agreement ${fixed2(item.alpha)} on ${unitsInWords(item.deals, item.calibrationCases)}`,
          }
        : {
            kind: 'talk',
            criterion: item.criterion,
            raters: item.raters,
            settled: item.cause === 'rater',
            why:
              item.cause === 'rater'
                ? `agreement ${fixed2(item.alpha)}, ${fixed2(item.alphaWithoutRater!)} without ${item.raters.join(', ')}: no rewrite`
                : `agreement ${fixed2(item.alpha)}, perhaps because of ${item.raters.join(', ')} alone`,
          },
    );
  }
  const lowered = new Set(report.closedLoop.reweight.map((item) => item.criterion));
  const lastStage = definitions.stages.at(-1);
  for (const audit of report.criteria) {
    const criterion = byId.get(audit.id);
    const { auc } = audit.predictive;
    if (!criterion || auc.value === null || !auc.ci) continue;
    const interval = `AUC ${fixed2(auc.value)} [${fixed2(auc.ci.low)}, ${fixed2(auc.ci.high)}]`;
    if (lowered.has(audit.id) || auc.ci.high < 0.5) {
      const to = Math.max(0.5, Math.round(criterion.weight * 5) / 10);
      if (to < criterion.weight)
        proposals.push({
          kind: 'weight',
          criterion: audit.id,
          from: criterion.weight,
          to,
          why: `${interval}: ${auc.value <= 0.5 ? 'higher levels go with losing' : 'no better than chance'}`,
        });
    } else if (auc.ci.low > 0.5 && auc.value >= 0.7) {
      proposals.push({
        kind: 'weight',
        criterion: audit.id,
        from: criterion.weight,
        to: criterion.weight + 1,
        why: `${interval}: higher levels go with winning`,
      });
      if (lastStage && !criterion.gates) {
        const level = criterion.levels[Math.max(0, criterion.levels.length - 2)]!.value;
        proposals.push({
          kind: 'gate',
          criterion: audit.id,
          stage: lastStage.id,
          level,
          why: `${interval}: deals reaching ${lastStage.name} without it rarely win`,
        });
      }
    }
  }
  return proposals;
}

/** Applies the proposals the editor can apply itself (weights and gates); rewording is the admin's. */
export function applyProposals(definitions: Definitions, proposals: readonly Proposal[]): Definitions {
  const next = structuredClone(definitions);
  for (const proposal of proposals) {
    const criterion = next.criteria.find((c) => c.id === proposal.criterion);
    if (!criterion) continue;
    if (proposal.kind === 'weight') criterion.weight = proposal.to;
    if (proposal.kind === 'gate') criterion.gates = { ...criterion.gates, [proposal.stage]: proposal.level };
  }
  return next;
}
