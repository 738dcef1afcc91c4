import { compareCodeUnits } from '../../../compare-code-units';

/** A role of the org's role hierarchy, as `UserRole` returns it. */
export interface OrgRole {
  id: string;
  parentRoleId: string | null;
}

/** A user of the org with their role, as `User` returns it. */
export interface OrgRoleUser {
  userId: string;
  name: string;
  roleId: string | null;
  isActive: boolean;
}

/** Why the team cannot be told from the hierarchy. */
export interface TeamProblem {
  code: 'no-role' | 'no-one-below';
  message: string;
}

/**
 * The manager's team: every user whose role sits below the manager's role in the hierarchy, at any
 * depth (the users whose records the hierarchy opens to the manager), sorted by name. Users in the
 * manager's own role are peers, not team. Inactive users stay in (their scores still count), marked.
 * A hierarchy with a loop (which the org forbids) is walked once.
 */
export function teamUnder(
  managerId: string,
  roles: readonly OrgRole[],
  users: readonly OrgRoleUser[],
): { ok: true; team: OrgRoleUser[] } | { ok: false; problem: TeamProblem } {
  const manager = users.find((user) => user.userId === managerId);
  if (!manager?.roleId)
    return {
      ok: false,
      problem: {
        code: 'no-role',
        message:
          'You have no role in the org’s role hierarchy, so Yardstick cannot tell who your team is: choose the raters instead.',
      },
    };
  const children = new Map<string, string[]>();
  for (const role of roles) {
    if (!role.parentRoleId) continue;
    const siblings = children.get(role.parentRoleId) ?? [];
    siblings.push(role.id);
    children.set(role.parentRoleId, siblings);
  }
  const below = new Set<string>();
  const queue = [...(children.get(manager.roleId) ?? [])];
  while (queue.length > 0) {
    const role = queue.shift()!;
    if (below.has(role) || role === manager.roleId) continue;
    below.add(role);
    queue.push(...(children.get(role) ?? []));
  }
  const team = users
    .filter((user) => user.roleId !== null && below.has(user.roleId) && user.userId !== managerId)
    .sort((a, b) => compareCodeUnits(a.name, b.name) || compareCodeUnits(a.userId, b.userId));
  if (team.length === 0)
    return {
      ok: false,
      problem: {
        code: 'no-one-below',
        message: 'No one is below your role in the org’s role hierarchy: choose the raters instead.',
      },
    };
  return { ok: true, team };
}
