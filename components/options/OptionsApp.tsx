import { useCallback, useEffect, useState } from 'react';
import type { SettingsView } from '../../lib/messaging/protocol';
import { DefinitionsSourceSection } from './DefinitionsSourceSection';
import { DefinitionsStatus } from './DefinitionsStatus';
import type { BackupRestorer } from './backup-restorer';
import { BackupSection } from './BackupSection';
import { ExportSection } from './ExportSection';
import type { OptionsBackend } from './options-backend';
import type { ScoresExporter } from './scores-exporter';
import { CustomHostsSection } from './CustomHostsSection';
import { RaterSection } from './RaterSection';
import { RoleSection } from './RoleSection';
import { SidebarPlacementSection } from './SidebarPlacementSection';

/** The options page: who is scoring, where definitions come from, and how their sync is doing. */
export function OptionsApp({
  backend,
  exporter,
  restorer,
}: {
  backend: OptionsBackend;
  /** Export and backup read the extension-origin database directly; without them those sections are hidden. */
  exporter?: ScoresExporter;
  restorer?: BackupRestorer;
}) {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(async () => setRevision((r) => r + 1), []);

  useEffect(() => backend.subscribe(() => setRevision((r) => r + 1)), [backend]);
  useEffect(() => {
    let current = true;
    void backend.getSettings().then((response) => {
      if (!current) return;
      setSettings(response.ok ? response.value : null);
      setLoadError(response.ok ? null : response.error.message);
    });
    return () => {
      current = false;
    };
  }, [backend, revision]);

  return (
    <main className="ys-options">
      <h1>Yardstick settings</h1>
      {loadError && <p role="alert">Could not load settings: {loadError}</p>}
      {settings && (
        <>
          {settings.rejectedPolicyKeys.length > 0 && (
            <p role="alert">
              Your organisation’s policy has keys of the wrong type, which are ignored:{' '}
              {settings.rejectedPolicyKeys.join(', ')}.
            </p>
          )}
          <RaterSection backend={backend} settings={settings} onSaved={refresh} />
          <RoleSection backend={backend} settings={settings} onChanged={refresh} />
          <SidebarPlacementSection backend={backend} settings={settings} onChanged={refresh} />
          <DefinitionsStatus settings={settings} />
          <DefinitionsSourceSection backend={backend} settings={settings} onChanged={refresh} />
          <CustomHostsSection backend={backend} settings={settings} onChanged={refresh} />
          {exporter && <ExportSection exporter={exporter} />}
          {restorer && <BackupSection restorer={restorer} />}
        </>
      )}
    </main>
  );
}
