import { useCallback, useEffect, useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { formatProblem } from '../../lib/definitions/definitions-problem';
import type { ProtocolError, SettingsView } from '../../lib/messaging/protocol';
import type { OptionsBackend } from './options-backend';

/** The options page: who is scoring, and which definitions are active. */
export function OptionsApp({ backend }: { backend: OptionsBackend }) {
  const [settings, setSettings] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const refresh = useCallback(async () => setRevision((r) => r + 1), []);

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
          <RaterSection backend={backend} rater={settings.rater} onSaved={refresh} />
          <DefinitionsSection backend={backend} settings={settings} onChanged={refresh} />
        </>
      )}
    </main>
  );
}

function RaterSection({
  backend,
  rater,
  onSaved,
}: {
  backend: OptionsBackend;
  rater: string | null;
  onSaved: () => Promise<void>;
}) {
  const [name, setName] = useState(rater ?? '');
  const [status, setStatus] = useState<string | null>(null);
  const inputId = useId();
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const response = await backend.setRater(name);
    setStatus(
      response.ok ? `Saved: scores will be recorded as ${response.value.rater}.` : response.error.message,
    );
    if (response.ok) await onSaved();
  };
  return (
    <section aria-labelledby="rater-heading">
      <h2 id="rater-heading">Who is scoring</h2>
      <form onSubmit={onSubmit}>
        <label htmlFor={inputId}>Your name or email</label>
        <input id={inputId} value={name} onChange={(e) => setName(e.target.value)} autoComplete="email" />
        <button type="submit">Save name</button>
      </form>
      {status && <p role="status">{status}</p>}
    </section>
  );
}

function DefinitionsSection({
  backend,
  settings,
  onChanged,
}: {
  backend: OptionsBackend;
  settings: SettingsView;
  onChanged: () => Promise<void>;
}) {
  const [importError, setImportError] = useState<ProtocolError | null>(null);
  const [importStatus, setImportStatus] = useState<string | null>(null);
  const fileInputId = useId();
  const { active, definitionsFailure } = settings;

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > 1_000_000) {
      setImportError({
        code: 'too-large',
        message: `${file.name} is ${file.size} bytes; definitions files are limited to 1 MB.`,
      });
      return;
    }
    const response = await backend.importDefinitions(file.name, await file.text());
    setImportError(response.ok ? null : response.error);
    setImportStatus(
      response.ok
        ? `Now scoring against ${response.value.definitions.title} ${response.value.definitions.version}.`
        : null,
    );
    await onChanged();
  };

  const switchToBuiltIn = async () => {
    const response = await backend.useBuiltInDefinitions();
    setImportStatus(response.ok ? 'Back on the built-in definitions.' : response.error.message);
    await onChanged();
  };

  return (
    <section aria-labelledby="definitions-heading">
      <h2 id="definitions-heading">Definitions</h2>
      <dl aria-label="Active definitions">
        <dt>Active</dt>
        <dd>
          {active.definitions.title} ({active.definitions.id}) version {active.definitions.version}
        </dd>
        <dt>Source</dt>
        <dd>{active.isBuiltIn ? 'Built into Yardstick' : active.source}</dd>
        <dt>Content hash (SHA-256)</dt>
        <dd>
          <code>{active.hash}</code>
        </dd>
        <dt>Last change</dt>
        <dd>{settings.lastDefinitionsChangeAt ?? 'Never changed since install'}</dd>
      </dl>
      <label htmlFor={fileInputId}>Import a definitions file (JSON)</label>
      <input id={fileInputId} type="file" accept=".json,application/json" onChange={(e) => void onFile(e)} />
      {!active.isBuiltIn && (
        <button type="button" onClick={() => void switchToBuiltIn()}>
          Use the built-in definitions
        </button>
      )}
      {importStatus && <p role="status">{importStatus}</p>}
      {(importError?.details ?? definitionsFailure) && (
        <FailureDetails
          heading={
            importError
              ? 'That file was refused'
              : `Last refused file (${definitionsFailure?.source}, ${definitionsFailure?.at})`
          }
          summary={importError?.message ?? definitionsFailure?.error.summary ?? ''}
          problems={(importError?.details ?? definitionsFailure?.error)?.problems.map(formatProblem) ?? []}
        />
      )}
      {importError && !importError.details && <p role="alert">{importError.message}</p>}
    </section>
  );
}

function FailureDetails({
  heading,
  summary,
  problems,
}: {
  heading: string;
  summary: string;
  problems: string[];
}) {
  return (
    <div role="alert" className="ys-failure">
      <h3>{heading}</h3>
      <p>{summary} The active definitions did not change.</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            <code>{problem}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
