import { useEffect, useState } from 'react';
import type { OrgSyncStatusView } from '../../lib/messaging/org-sync-protocol';
import type { OptionsBackend } from '../options/options-backend';

/** Salesforce write-back at a glance: the switch, how many scores wait, and the last error in words. */
export function OrgSyncSummary({ backend, revision }: { backend: OptionsBackend; revision: number }) {
  const [status, setStatus] = useState<OrgSyncStatusView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [connectedAs, setConnectedAs] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    void backend.getOrgSyncStatus().then((response) => {
      if (current && response.ok) setStatus(response.value);
    });
    return () => {
      current = false;
    };
  }, [backend, revision]);
  if (!status) return null;
  const run = async (action: () => ReturnType<OptionsBackend['getOrgSyncStatus']>) => {
    setBusy(true);
    const response = await action();
    setBusy(false);
    if (response.ok) {
      setStatus(response.value);
      setError(null);
    } else setError(response.error.message);
  };
  const connect = async (apiOrigin: string) => {
    setBusy(true);
    const response = await backend.connectOrg(apiOrigin);
    if (response.ok) {
      setConnectedAs(response.value.userName);
      setError(null);
      await run(() => backend.getOrgSyncStatus());
    } else {
      setBusy(false);
      setError(response.error.message);
    }
  };
  return (
    <section className="ys-popup-org" aria-label="Salesforce">
      <label>
        <input
          type="checkbox"
          checked={status.enabled}
          disabled={status.managed || busy}
          onChange={(event) => void run(() => backend.setOrgSync(event.currentTarget.checked))}
        />{' '}
        Save scores to Salesforce{status.managed ? ' (managed)' : ''}
      </label>
      {(status.enabled || status.waiting > 0) && (
        <p role="status" aria-label="Salesforce sync">
          {status.waiting === 0 ? 'Nothing waiting' : `${status.waiting} waiting`} · {status.inOrg} in
          Salesforce
          {status.failed > 0 ? ` · ${status.failed} refused` : ''}
        </p>
      )}
      {status.pause && <p className="ys-bad">Paused: {status.pause.message}</p>}
      {status.connectOrigin && (
        <p>
          Your organisation set up Yardstick&apos;s connected app: sign in once to send your scores.{' '}
          <button type="button" disabled={busy} onClick={() => void connect(status.connectOrigin!)}>
            Connect to Salesforce
          </button>
        </p>
      )}
      {connectedAs && <p role="status">Connected to Salesforce as {connectedAs}.</p>}
      {status.lastError && (
        <p className="ys-bad" aria-label="Last Salesforce error">
          {status.lastError.message}
        </p>
      )}
      {error && <p className="ys-bad">{error}</p>}
      {status.waiting > 0 && (
        <button type="button" disabled={busy} onClick={() => void run(() => backend.sendOrgScoresNow())}>
          Send now
        </button>
      )}
    </section>
  );
}
