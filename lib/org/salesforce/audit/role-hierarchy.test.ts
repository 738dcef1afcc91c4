import { teamUnder, type OrgRole, type OrgRoleUser } from './role-hierarchy';

const roles: OrgRole[] = [
  { id: 'ceo', parentRoleId: null },
  { id: 'mgr', parentRoleId: 'ceo' },
  { id: 'rep', parentRoleId: 'mgr' },
  { id: 'senior', parentRoleId: 'rep' },
  { id: 'east', parentRoleId: 'ceo' },
];
const user = (userId: string, name: string, roleId: string | null, isActive = true): OrgRoleUser => ({
  userId,
  name,
  roleId,
  isActive,
});
const users = [
  user('u-boss', 'Chris Boss', 'ceo'),
  user('u-mgr', 'Morgan Manager', 'mgr'),
  user('u-peer', 'Pat Peer', 'mgr'),
  user('u-rep', 'Dana Rep', 'rep'),
  user('u-old', 'Lee Former', 'rep', false),
  user('u-senior', 'Robin Closer', 'senior'),
  user('u-east', 'Eve East', 'east'),
];

describe('the team under a manager in the role hierarchy', () => {
  it('takes every user below the manager’s role at any depth, inactive ones marked, sorted by name', () => {
    const team = teamUnder('u-mgr', roles, users);
    expect(team.ok && team.team.map((member) => [member.name, member.isActive])).toEqual([
      ['Dana Rep', true],
      ['Lee Former', false],
      ['Robin Closer', true],
    ]);
  });

  it('leaves out the manager, peers in the same role, those above and other branches', () => {
    const team = teamUnder('u-boss', roles, users);
    expect(team.ok && team.team.map((member) => member.userId).sort()).toEqual(
      ['u-east', 'u-mgr', 'u-old', 'u-peer', 'u-rep', 'u-senior'].sort(),
    );
  });

  it('says so when the manager has no role, or no one is below it', () => {
    expect(teamUnder('u-none', roles, users)).toMatchObject({ ok: false, problem: { code: 'no-role' } });
    expect(teamUnder('u-east', roles, users)).toMatchObject({ ok: false, problem: { code: 'no-one-below' } });
  });

  it('walks a hierarchy with a loop once', () => {
    const looped: OrgRole[] = [
      { id: 'a', parentRoleId: 'b' },
      { id: 'b', parentRoleId: 'a' },
    ];
    const team = teamUnder('u-a', looped, [user('u-a', 'A', 'a'), user('u-b', 'B', 'b')]);
    expect(team.ok && team.team.map((member) => member.userId)).toEqual(['u-b']);
  });
});
