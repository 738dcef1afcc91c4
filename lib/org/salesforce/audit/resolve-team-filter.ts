import { err, ok } from '../../../result';
import { noTeam } from '../org-error';
import { readOrgUser, type OrgCall, type VersionedConnection } from '../rest-client';
import type { OrgAuditFilters } from './audit-soql';
import { readOrgTeam } from './read-team';

/** Filters with "my team" resolved, and the API calls resolving took. */
export interface ResolvedFilters {
  filters: OrgAuditFilters;
  calls: number;
}

/**
 * Turns `myTeam` into the user ids below the manager's role, as the org returns the hierarchy now
 * (two queries; one more, userinfo, when `userId` is not known). Filters without it pass unchanged.
 */
export async function resolveTeamFilter(
  connection: VersionedConnection,
  filters: OrgAuditFilters,
  userId: string | undefined,
): Promise<OrgCall<ResolvedFilters>> {
  if (!filters.myTeam) return { ...ok({ filters, calls: 0 }), apiUsage: null };
  let calls = 0;
  let managerId = userId;
  if (managerId === undefined) {
    const user = await readOrgUser(connection);
    calls++;
    if (!user.ok) return user;
    managerId = user.value.userId;
  }
  const read = await readOrgTeam(connection, managerId);
  if (!read.ok) return read;
  calls += read.value.calls;
  const { team, problem } = read.value;
  if (!team)
    return {
      ...err(noTeam(problem?.message ?? 'The role hierarchy names no team.')),
      apiUsage: read.apiUsage,
    };
  const { myTeam: _resolved, ...rest } = filters;
  // Sorted by id, not by name: the ids are part of the stored query key, and a renamed user must not force a full reload.
  return {
    ...ok({ filters: { ...rest, raterIds: team.map((member) => member.userId).sort() }, calls }),
    apiUsage: read.apiUsage,
  };
}
