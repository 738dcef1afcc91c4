import { useEffect, useState } from 'react';
import { formatProblem } from '../../lib/definitions/definitions-problem';
import type { SettingsView } from '../../lib/messaging/protocol';
import type { OptionsBackend } from '../options/options-backend';
import { DealsToRescore } from './DealsToRescore';
import { OrgSyncSummary } from './OrgSyncSummary';

/** Browser actions the popup offers beyond the options backend. */
export interface PopupActions {
  openOptions(): Promise<void>;
  /** Opens one of Yardstick's own pages in a tab. */
  openPage(page: 'audit' | 'calibration'): Promise<void>;
  toggleSidebarInActiveTab(): Promise<void>;
}

/** Sync state at a glance, with the way to settings and to the sidebar. */
export function PopupApp({ backend, actions }: { backend: OptionsBackend; actions: PopupActions }) {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [revision, setRevision] = useState(0);
  const [syncing, setSyncing] = useState(false);

  useEffect(() => backend.subscribe(() => setRevision((r) => r + 1)), [backend]);
  useEffect(() => {
    let current = true;
    void backend.getSettings().then((response) => {
      if (current && response.ok) setSettings(response.value);
    });
    return () => {
      current = false;
    };
  }, [backend, revision]);

  if (!settings) return <p className="ys-popup">Loading…</p>;
  const { active, config, sync, definitionsFailure } = settings;
  const healthy = !definitionsFailure;
  const syncNow = async () => {
    setSyncing(true);
    await backend.syncDefinitionsNow();
    setSyncing(false);
    setRevision((r) => r + 1);
  };

  return (
    <main className="ys-popup">
      <h1>Yardstick</h1>
      <p className={healthy ? 'ys-ok' : 'ys-bad'} role="status">
        {healthy ? 'Definitions in sync' : 'Last definitions update failed'}
      </p>
      <dl>
        <dt>Scoring against</dt>
        <dd>
          {active.definitions.title} {active.definitions.version}
        </dd>
        <dt>Source</dt>
        <dd>
          {config.source.kind === 'url'
            ? config.source.url
            : config.source.kind === 'file'
              ? config.source.name
              : 'Built in'}
          {config.locked ? ' (managed)' : ''}
        </dd>
        <dt>Last check</dt>
        <dd>{sync ? new Date(sync.lastCheckAt).toLocaleString() : 'Never'}</dd>
        <dt>Rater</dt>
        <dd>{settings.rater ?? 'Not set'}</dd>
      </dl>
      {definitionsFailure && (
        <div className="ys-bad">
          <p>
            {definitionsFailure.error.summary} ({definitionsFailure.source})
          </p>
          <ul aria-label="Definitions problems">
            {definitionsFailure.error.problems.map((problem, index) => (
              <li key={index}>{formatProblem(problem)}</li>
            ))}
          </ul>
        </div>
      )}
      <DealsToRescore backend={backend} revision={revision} />
      <OrgSyncSummary backend={backend} revision={revision} />
      <div className="ys-popup-actions">
        <button
          type="button"
          onClick={() => void syncNow()}
          disabled={syncing || config.source.kind !== 'url'}
        >
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
        <button type="button" onClick={() => void actions.toggleSidebarInActiveTab()}>
          Show or hide sidebar
        </button>
        <button type="button" onClick={() => void actions.openOptions()}>
          Settings
        </button>
        <button type="button" onClick={() => void actions.openPage('calibration')}>
          Calibration
        </button>
        <button type="button" onClick={() => void actions.openPage('audit')}>
          Audit
        </button>
      </div>
    </main>
  );
}
