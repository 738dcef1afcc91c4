import type { AuditOutcome, AuditScore } from '../audit/audit-input';
import { toCanonicalSalesforceId } from '../crm/salesforce-id';
import type { ImportProblem } from './import-problem';

/** Outcomes name deals by deal key or by CRM record id (Salesforce 15- or 18-character); map them to deal keys. */
export function resolveOutcomeDeals(
  scores: readonly AuditScore[],
  recordIds: ReadonlyMap<string, string>,
  outcomes: ReadonlyMap<string, { won: boolean; segments: Record<string, string>; where: string }>,
  report: (file: string, problem: ImportProblem) => void,
): AuditOutcome[] {
  const keys = new Set(scores.map((score) => score.deal));
  const byRecord = new Map<string, Set<string>>();
  for (const key of keys) {
    const id = normaliseId(recordIds.get(key) ?? key);
    if (!byRecord.has(id)) byRecord.set(id, new Set());
    byRecord.get(id)!.add(key);
  }
  const resolved: AuditOutcome[] = [];
  for (const [deal, outcome] of outcomes) {
    let key = deal;
    if (!keys.has(deal)) {
      const matches = byRecord.get(normaliseId(deal));
      if (matches && matches.size > 1) {
        const [file, line] = splitWhere(outcome.where);
        report(file, {
          line,
          message: `deal "${deal}" matches ${matches.size} scored deals (${[...matches].join(', ')}); use the full deal key`,
        });
        continue;
      }
      if (matches) key = [...matches][0]!;
    }
    resolved.push({ deal: key, won: outcome.won, segments: outcome.segments });
  }
  return resolved;
}

function normaliseId(id: string): string {
  return toCanonicalSalesforceId(id) ?? id;
}

function splitWhere(where: string): [string, number] {
  const colon = where.lastIndexOf(':');
  return [where.slice(0, colon), Number(where.slice(colon + 1))];
}
