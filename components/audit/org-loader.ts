import type { OrgAuditPortEvent, OrgAuditPortRequest } from '../../lib/messaging/org-audit-port';

/** The page's end of the background's org loader: the runtime Port in the extension, a fake in tests. */
export interface OrgLoader {
  send(request: OrgAuditPortRequest): void;
  subscribe(listener: (event: OrgAuditPortEvent) => void): () => void;
}
