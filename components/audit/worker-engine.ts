import type { AuditEngine, AuditRequest, AuditResponse } from '../../lib/audit/audit-protocol';

/** The page's end of a dedicated audit worker. */
export function createWorkerEngine(worker: Worker): AuditEngine {
  const listeners = new Set<(response: AuditResponse) => void>();
  const emit = (response: AuditResponse) => {
    for (const listener of listeners) listener(response);
  };
  worker.addEventListener('message', (event: MessageEvent<AuditResponse>) => emit(event.data));
  worker.addEventListener('error', (event: ErrorEvent) => {
    emit({ type: 'failed', message: `The audit worker stopped: ${event.message || 'unknown error'}` });
  });
  worker.addEventListener('messageerror', () => {
    emit({ type: 'failed', message: 'A message from the audit worker could not be read.' });
  });
  return {
    post(request: AuditRequest) {
      worker.postMessage(request);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
