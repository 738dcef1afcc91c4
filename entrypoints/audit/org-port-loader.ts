import { browser, type Browser } from 'wxt/browser';
import { ORG_AUDIT_PORT, type OrgAuditPortEvent } from '../../lib/messaging/org-audit-port';
import type { OrgLoader } from '../../components/audit/org-loader';

/**
 * The audit page's loader over a runtime Port to the background. A port the background dropped (its
 * service worker stopped) is opened again on the next request; a load under way then reports failed.
 */
export function createPortOrgLoader(): OrgLoader {
  const listeners = new Set<(event: OrgAuditPortEvent) => void>();
  const emit = (event: OrgAuditPortEvent) => {
    for (const listener of listeners) listener(event);
  };
  let port: Browser.runtime.Port | null = null;
  let loading = false;
  const open = (): Browser.runtime.Port => {
    const opened = browser.runtime.connect({ name: ORG_AUDIT_PORT });
    opened.onMessage.addListener((event: OrgAuditPortEvent) => {
      if (event.type === 'progress') loading = true;
      if (event.type === 'done' || event.type === 'failed' || event.type === 'cancelled') loading = false;
      emit(event);
    });
    opened.onDisconnect.addListener(() => {
      port = null;
      if (!loading) return;
      loading = false;
      emit({
        type: 'failed',
        code: 'aborted',
        message: 'The extension restarted during the load: load again.',
      });
    });
    return opened;
  };
  return {
    send(request) {
      port ??= open();
      if (request.type === 'load') loading = true;
      port.postMessage(request);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
