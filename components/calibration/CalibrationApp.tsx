import { useEffect, useMemo, useState } from 'react';
import type { DefinitionsView } from '../../lib/messaging/protocol';
import { calibrationSnapshot } from '../../lib/scoring/calibration-case';
import { CriteriaList } from '../sidebar/SidebarApp';
import { RaterPrompt } from '../sidebar/RaterPrompt';
import { SaveBar } from '../sidebar/SaveBar';
import { ScoreHistory } from '../sidebar/ScoreHistory';
import { ScoreSummary } from '../sidebar/ScoreSummary';
import type { SidebarBackend } from '../sidebar/sidebar-backend';
import { SidebarStoreContext, useSidebar } from '../sidebar/sidebar-context';
import { createSidebarStore } from '../sidebar/sidebar-store';

/** The calibration page: each of the definitions' cases scored blind, with the sidebar's scoring UI. */
export function CalibrationApp({
  backend,
  loadActiveDefinitions,
}: {
  backend: SidebarBackend;
  loadActiveDefinitions: () => Promise<DefinitionsView>;
}) {
  const [active, setActive] = useState<DefinitionsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [caseId, setCaseId] = useState<string | null>(null);
  const store = useMemo(() => createSidebarStore(backend), [backend]);

  useEffect(() => {
    loadActiveDefinitions().then(setActive, (error: unknown) =>
      setLoadError(error instanceof Error ? error.message : String(error)),
    );
  }, [loadActiveDefinitions]);

  useEffect(() => {
    if (!active || !caseId) return;
    const snapshot = calibrationSnapshot(active.definitions, caseId, new Date());
    if (snapshot) store.getState().showPage({ status: 'ready', snapshot });
  }, [active, caseId, store]);

  const cases = active?.definitions.calibration ?? [];
  const chosen = cases.find((c) => c.id === caseId);
  return (
    <main className="ys-calibration">
      <h1>Calibration</h1>
      <p>
        Score each case from its summary alone, without discussing it first. Your scores are saved on this
        browser as calibration ratings; you do not see anyone else’s. Your manager compares everyone’s in the
        audit.
      </p>
      {loadError && <p role="alert">Could not load the definitions: {loadError}</p>}
      {active && cases.length === 0 && (
        <p role="status">
          {active.definitions.title} {active.definitions.version} has no calibration cases. Ask your admin to
          add a<code> calibration</code> section to the definitions file.
        </p>
      )}
      {cases.length > 0 && (
        <nav aria-label="Calibration cases">
          <ol className="ys-case-list">
            {cases.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  aria-current={c.id === caseId ? 'true' : undefined}
                  onClick={() => setCaseId(c.id)}
                >
                  {c.title}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      )}
      {chosen && (
        <SidebarStoreContext.Provider value={store}>
          <article className="ys-root ys-case" aria-labelledby="case-title">
            <h2 id="case-title">{chosen.title}</h2>
            <p className="ys-case-summary">{chosen.summary}</p>
            <CaseScoring />
          </article>
        </SidebarStoreContext.Provider>
      )}
    </main>
  );
}

function CaseScoring() {
  const saveDraft = useSidebar((s) => s.saveDraft);
  return (
    <div
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          void saveDraft();
        }
      }}
    >
      <RaterPrompt />
      <ScoreSummary showStageGates={false} />
      <CriteriaList />
      <SaveBar />
      <ScoreHistory />
    </div>
  );
}
