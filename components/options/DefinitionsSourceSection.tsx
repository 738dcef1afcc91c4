import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { MAX_DEFINITIONS_BYTES } from '../../lib/definitions/definitions-limits';
import type { SettingsView } from '../../lib/messaging/protocol';
import type { SyncOutcome } from '../../lib/definitions/sync-state';
import type { OptionsBackend } from './options-backend';

/** Where definitions come from: a URL kept in sync, a local file, or the built-in default. */
export function DefinitionsSourceSection({
  backend,
  settings,
  onChanged,
}: {
  backend: OptionsBackend;
  settings: SettingsView;
  onChanged: () => Promise<void>;
}) {
  const { config } = settings;
  const [url, setUrl] = useState(config.source.kind === 'url' ? config.source.url : '');
  const [minutes, setMinutes] = useState(String(config.syncIntervalMinutes));
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const urlId = useId();
  const fileId = useId();
  const intervalId = useId();

  const run = async (action: () => Promise<{ text: string; isError: boolean }>) => {
    setBusy(true);
    try {
      setMessage(await action());
      await onChanged();
    } finally {
      setBusy(false);
    }
  };

  const saveUrl = (event: FormEvent) => {
    event.preventDefault();
    // The host-access prompt is asked for at once (inside the click) but not waited on: the sync
    // runs meanwhile (it works without the permission when the server allows cross-origin reads),
    // and runs again once access is granted if it failed.
    const access = backend.requestHostAccess(url).catch(() => false);
    void run(async () => {
      const response = await backend.setDefinitionsUrl(url);
      if (!response.ok) return { text: response.error.message, isError: true };
      if (response.value.result === 'failed') {
        void access.then(async (granted) => {
          if (!granted) return;
          const retry = await backend.syncDefinitionsNow();
          setMessage(retry.ok ? describeOutcome(retry.value) : { text: retry.error.message, isError: true });
          await onChanged();
        });
      }
      return describeOutcome(response.value);
    });
  };

  const syncNow = () =>
    void run(async () => {
      const response = await backend.syncDefinitionsNow();
      return response.ok ? describeOutcome(response.value) : { text: response.error.message, isError: true };
    });

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    void run(async () => {
      if (file.size > MAX_DEFINITIONS_BYTES) {
        return {
          text: `${file.name} is ${file.size} bytes; definitions files are limited to 1 MB.`,
          isError: true,
        };
      }
      const response = await backend.importDefinitions(file.name, await file.text());
      if (response.ok) {
        const { title, version } = response.value.definitions;
        return { text: `Now scoring against ${title} ${version}.`, isError: false };
      }
      return {
        text: `That file was refused: ${response.error.message} The active definitions did not change.`,
        isError: true,
      };
    });
  };

  const saveInterval = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const response = await backend.setSyncInterval(Number(minutes));
      return response.ok
        ? { text: `Definitions will be checked every ${response.value.minutes} min.`, isError: false }
        : { text: response.error.message, isError: true };
    });
  };

  const useBuiltIn = () =>
    void run(async () => {
      const response = await backend.useBuiltInDefinitions();
      return response.ok
        ? { text: 'Back on the built-in definitions.', isError: false }
        : { text: response.error.message, isError: true };
    });

  return (
    <section aria-labelledby="source-heading">
      <h2 id="source-heading">Definitions source</h2>
      {config.locked && (
        <p>
          <span className="ys-managed">Managed by your organisation</span> The definitions source is set by
          policy.
        </p>
      )}
      <form onSubmit={saveUrl}>
        <label htmlFor={urlId}>Definitions URL (https; http only for localhost)</label>
        <input
          id={urlId}
          type="url"
          value={url}
          disabled={config.locked}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://revops.example.com/definitions/meddpicc.json"
        />
        <button type="submit" disabled={config.locked || busy || url.trim() === ''}>
          Save URL and sync
        </button>
      </form>
      <p>
        <button type="button" onClick={syncNow} disabled={busy || config.source.kind !== 'url'}>
          Sync now
        </button>
      </p>
      <form onSubmit={saveInterval}>
        <label htmlFor={intervalId}>Check for changes every (minutes)</label>
        <input
          id={intervalId}
          type="number"
          min={1}
          max={10080}
          value={minutes}
          disabled={config.managedInterval}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <button type="submit" disabled={config.managedInterval || busy}>
          Save interval
        </button>
      </form>
      <label htmlFor={fileId}>Import a definitions file (JSON or YAML)</label>
      <input
        id={fileId}
        type="file"
        accept=".json,.yaml,.yml,application/json,application/yaml"
        disabled={config.locked}
        onChange={importFile}
      />
      {!settings.active.isBuiltIn && !config.locked && (
        <p>
          <button type="button" onClick={useBuiltIn} disabled={busy}>
            Use the built-in definitions
          </button>
        </p>
      )}
      {message && (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'ys-failure' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}

function describeOutcome(outcome: SyncOutcome): { text: string; isError: boolean } {
  switch (outcome.result) {
    case 'changed':
      return { text: `Synced: now scoring against version ${outcome.version}.`, isError: false };
    case 'unchanged':
      return { text: 'Synced: the definitions have not changed.', isError: false };
    case 'not-configured':
      return { text: 'No definitions URL is set.', isError: false };
    case 'failed':
      return {
        text: `Sync failed: ${outcome.message} The last good definitions stay active.`,
        isError: true,
      };
  }
}
