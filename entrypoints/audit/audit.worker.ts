// A dedicated worker: reading, checking, merging and auditing run here, off the page's thread.
import '../../lib/zod-jitless';
import type { AuditRequest, AuditResponse } from '../../lib/audit/audit-protocol';
import { createAuditWorkerCore } from '../../lib/audit/audit-worker-core';

const scope = self as unknown as {
  postMessage(message: AuditResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<AuditRequest>) => void): void;
};

const core = createAuditWorkerCore((response) => scope.postMessage(response));
scope.addEventListener('message', (event) => {
  void core.handle(event.data);
});
