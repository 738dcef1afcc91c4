import { compareCodeUnits } from '../../../compare-code-units';
import type { OrgAuditRow } from './org-audit-row';
import type { OrgRoleUser } from './role-hierarchy';

/** One rater the manager may tick: an org user of their team or of the rows already loaded. */
export interface RaterChoice {
  userId: string;
  name: string;
  /** Below the manager's role in the hierarchy. */
  inTeam: boolean;
  /** False for a deactivated user of the team; null when the org did not say (rows only). */
  isActive: boolean | null;
}

/**
 * The raters a manager picks from: the team as the org returns it, and every owner of the rows already
 * loaded from that org (someone outside the team whose scores the manager may see), each once, by name.
 */
export function raterChoices(
  team: readonly OrgRoleUser[] | null,
  rows: Iterable<OrgAuditRow>,
): RaterChoice[] {
  const choices = new Map<string, RaterChoice>();
  for (const member of team ?? [])
    choices.set(member.userId, {
      userId: member.userId,
      name: member.name,
      inTeam: true,
      isActive: member.isActive,
    });
  for (const row of rows) {
    const userId = row.OwnerId;
    if (!userId || choices.has(userId)) continue;
    choices.set(userId, { userId, name: row['Owner.Name'] ?? userId, inTeam: false, isActive: null });
  }
  return [...choices.values()].sort(
    (a, b) => compareCodeUnits(a.name, b.name) || compareCodeUnits(a.userId, b.userId),
  );
}
