// A dedicated worker: reading, checking, merging and auditing run here, off the page's thread.
import '../../lib/zod-jitless';
import type { AuditRequest, AuditResponse } from '../../lib/audit/audit-protocol';
import { createAuditWorkerCore } from '../../lib/audit/audit-worker-core';
import { OrgAuditDatabase, readOrgAuditState } from '../../lib/db/org-audit-store';

const scope = self as unknown as {
  postMessage(message: AuditResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AuditRequest>) => void): void;
};

// The background writes the org's rows into the audit page's store; the worker reads them from there
// (same extension origin), so a million rows never cross a message channel.
const orgStore = new OrgAuditDatabase();
const core = createAuditWorkerCore((response) => scope.postMessage(response), {
  readOrgState: (origin) => readOrgAuditState(orgStore, origin),
});
scope.addEventListener('message', (event) => {
  void core.handle(event.data);
});
