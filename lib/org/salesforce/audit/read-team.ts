import { err, ok } from '../../../result';
import type { ApiUsage } from '../api-usage';
import type { OrgCall, VersionedConnection } from '../rest-client';
import type { OrgAuditRow } from './org-audit-row';
import { readQueryPages } from './query-pages';
import { teamUnder, type OrgRole, type OrgRoleUser, type TeamProblem } from './role-hierarchy';

/** The role hierarchy: every role and its parent. */
export const ROLE_QUERY = 'SELECT Id, ParentRoleId FROM UserRole';

/** The users placed in the hierarchy, inactive ones included (their old scores still count). */
export const ROLE_USER_QUERY = 'SELECT Id, Name, UserRoleId, IsActive FROM User WHERE UserRoleId != null';

/** The team as the org returns it, or why it cannot be told; and the API calls it took. */
export interface TeamReading {
  team: OrgRoleUser[] | null;
  problem: TeamProblem | null;
  calls: number;
}

/**
 * Reads the org's role hierarchy and its users (two SOQL queries, paged) and returns the users below
 * `managerId`'s role. The org's sharing applies: a user the manager may not see is not in the answer.
 */
export async function readOrgTeam(
  connection: VersionedConnection,
  managerId: string,
): Promise<OrgCall<TeamReading>> {
  let calls = 0;
  let apiUsage: ApiUsage | null = null;
  const readAll = async (soql: string, columns: string[]) => {
    const rows: OrgAuditRow[] = [];
    const read = await readQueryPages(connection, soql, columns, {
      onPage: (page) => {
        rows.push(...page.rows);
        return 'continue';
      },
      onRestart: () => void (rows.length = 0),
    });
    apiUsage = read.apiUsage ?? apiUsage;
    if (read.ok) calls += read.value.calls;
    return read.ok ? ok(rows) : err(read.error);
  };
  const roleRows = await readAll(ROLE_QUERY, ['Id', 'ParentRoleId']);
  if (!roleRows.ok) return { ...roleRows, apiUsage };
  const userRows = await readAll(ROLE_USER_QUERY, ['Id', 'Name', 'UserRoleId', 'IsActive']);
  if (!userRows.ok) return { ...userRows, apiUsage };
  const roles: OrgRole[] = roleRows.value.flatMap((row) =>
    row.Id ? [{ id: row.Id, parentRoleId: row.ParentRoleId ?? null }] : [],
  );
  const users: OrgRoleUser[] = userRows.value.flatMap((row) =>
    row.Id
      ? [
          {
            userId: row.Id,
            name: row.Name ?? row.Id,
            roleId: row.UserRoleId ?? null,
            isActive: row.IsActive !== 'false',
          },
        ]
      : [],
  );
  // The manager may have no role: the user query then leaves them out, and so does the team.
  const team = teamUnder(managerId, roles, users);
  return {
    ...ok(team.ok ? { team: team.team, problem: null, calls } : { team: null, problem: team.problem, calls }),
    apiUsage,
  };
}
