import type { AuditEngine, AuditRequest, AuditResponse } from '../../lib/audit/audit-protocol';
import { createAuditWorkerCore } from '../../lib/audit/audit-worker-core';

/**
 * Runs the audit worker's logic on the calling thread, for component tests: the real read, merge
 * and audit code runs, and every response goes through `structuredClone`, as `postMessage` would
 * send it, so a report that could not cross to the page fails the test. Responses arrive
 * asynchronously, as they do from a worker.
 */
export function createInProcessEngine(): AuditEngine {
  const listeners = new Set<(response: AuditResponse) => void>();
  const core = createAuditWorkerCore((response) => {
    const copy = structuredClone(response);
    queueMicrotask(() => {
      for (const listener of listeners) listener(copy);
    });
  });
  return {
    post(request: AuditRequest) {
      void core.handle(request);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
