import type { OrgLoadSummary } from '../../../audit/org-load-side';
import type { OrgAuditPortEvent } from '../../../messaging/org-audit-port';
import type { Result } from '../../../result';
import type { OrgError } from '../org-error';
import type { OrgLink } from '../org-sessions';
import type { OrgAuditFilters } from './audit-soql';
import { loadOrgAudit, type OrgAuditProgress, type OrgAuditState } from './load-org-audit';

/** What one audit-page load needs from the background: the session, the store, the clock. */
export interface OrgAuditLoadDeps {
  link(origin: string): Promise<Result<OrgLink, OrgError>>;
  readState(origin: string): Promise<OrgAuditState | null>;
  /** Called once, only after the whole load succeeded; keyed by the origin the manager picked. */
  saveState(origin: string, state: OrgAuditState): Promise<void>;
  segmentFields(): Promise<ReadonlyMap<string, string>>;
  signal: AbortSignal;
  wait(ms: number): Promise<void>;
  onProgress(progress: OrgAuditProgress): void;
  bulkFrom?: number;
}

/**
 * Runs one load for the audit page with the manager's session: reads only what changed since the
 * stored state, saves the new state in one write when the load finished and changed something, and answers the event the
 * page shows. A cancelled or failed load saves nothing, so the store keeps the last complete load.
 */
export async function runOrgAuditLoad(
  origin: string,
  filters: OrgAuditFilters,
  deps: OrgAuditLoadDeps,
): Promise<Extract<OrgAuditPortEvent, { type: 'done' | 'failed' | 'cancelled' }>> {
  const link = await deps.link(origin);
  if (!link.ok) return failed(link.error);
  const loaded = await loadOrgAudit({
    connection: { ...link.value.connection, signal: deps.signal },
    filters,
    segmentFields: await deps.segmentFields(),
    state: await deps.readState(origin),
    userId: link.value.user.userId,
    bulkFrom: deps.bulkFrom,
    wait: deps.wait,
    onProgress: deps.onProgress,
  });
  if (deps.signal.aborted) return { type: 'cancelled' };
  if (!loaded.ok) return failed(loaded.error);
  const { state, via, incremental, changed, deleted, calls, rows } = loaded.value;
  // An incremental load that read nothing leaves the state as it was: rewriting every row would cost
  // the browser as much as a full load.
  if (!incremental || changed > 0) await deps.saveState(origin, state);
  const summary: OrgLoadSummary = { origin, via, incremental, changed, deleted, calls };
  return { type: 'done', summary, rows: rows.length };
}

function failed(error: OrgError): Extract<OrgAuditPortEvent, { type: 'failed' }> {
  const org = error.orgCode ? ` (${error.orgCode}${error.orgMessage ? `: ${error.orgMessage}` : ''})` : '';
  return { type: 'failed', code: error.code, message: `${error.message}${org}` };
}
