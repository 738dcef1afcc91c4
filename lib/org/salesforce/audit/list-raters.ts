import type { OrgAuditPortEvent } from '../../../messaging/org-audit-port';
import type { Result } from '../../../result';
import type { OrgError } from '../org-error';
import type { OrgLink } from '../org-sessions';
import type { OrgAuditState } from './load-org-audit';
import { raterChoices } from './rater-choices';
import { readOrgTeam } from './read-team';

/** What listing the raters needs from the background: the session and the store. */
export interface ListRatersDeps {
  link(origin: string): Promise<Result<OrgLink, OrgError>>;
  readState(origin: string): Promise<OrgAuditState | null>;
  signal?: AbortSignal;
}

/**
 * The raters the audit page offers for an org: the manager's team read from the role hierarchy with
 * their session, and the owners of the rows already stored for that org. When the org cannot say the
 * team, the stored owners are still offered and the reason is given.
 */
export async function listRaters(
  origin: string,
  deps: ListRatersDeps,
): Promise<Extract<OrgAuditPortEvent, { type: 'raters' }>> {
  const rows = (await deps.readState(origin))?.rows ?? [];
  const link = await deps.link(origin);
  if (!link.ok)
    return { type: 'raters', origin, choices: raterChoices(null, rows), teamProblem: link.error.message };
  const read = await readOrgTeam({ ...link.value.connection, signal: deps.signal }, link.value.user.userId);
  if (!read.ok)
    return { type: 'raters', origin, choices: raterChoices(null, rows), teamProblem: read.error.message };
  return {
    type: 'raters',
    origin,
    choices: raterChoices(read.value.team, rows),
    teamProblem: read.value.problem?.message ?? null,
  };
}
