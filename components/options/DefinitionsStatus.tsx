import { formatProblem } from '../../lib/definitions/definitions-problem';
import { findDefinitionsWarnings } from '../../lib/definitions/definitions-warnings';
import type { SettingsView } from '../../lib/messaging/protocol';

/** Sync status: source, version, content hash, last check, last change, the last error in full, and warnings. */
export function DefinitionsStatus({ settings }: { settings: SettingsView }) {
  const { active, config, sync, definitionsFailure } = settings;
  const source =
    config.source.kind === 'url'
      ? config.source.url
      : config.source.kind === 'file'
        ? `File ${config.source.name}`
        : 'Built into Yardstick';
  const warnings = findDefinitionsWarnings(active.definitions);
  const redirectedTo =
    config.source.kind === 'url' && sync?.url === config.source.url ? (sync.finalUrl ?? null) : null;
  return (
    <section aria-labelledby="status-heading">
      <h2 id="status-heading">Definitions status</h2>
      <dl aria-label="Definitions status">
        <dt>Active</dt>
        <dd>
          {active.definitions.title} ({active.definitions.id}) version {active.definitions.version}
        </dd>
        <dt>Source</dt>
        <dd>
          {source} {config.locked && <span className="ys-managed">Managed by your organisation</span>}
        </dd>
        {redirectedTo && (
          <>
            <dt>Redirected to</dt>
            <dd>
              <code>{redirectedTo}</code>
            </dd>
          </>
        )}
        <dt>Content hash (SHA-256)</dt>
        <dd>
          <code>{active.hash}</code>
          {config.pinnedSha256 && (
            <span>
              {' '}
              (pinned by policy:{' '}
              {config.pinnedSha256 === active.hash ? 'matches' : 'waiting for matching content'})
            </span>
          )}
        </dd>
        <dt>Last check</dt>
        <dd>{sync ? `${formatTime(sync.lastCheckAt)} (${sync.lastResult})` : 'Never'}</dd>
        <dt>Last change</dt>
        <dd>
          {settings.lastDefinitionsChangeAt
            ? formatTime(settings.lastDefinitionsChangeAt)
            : 'Never changed since install'}
        </dd>
        <dt>Sync interval</dt>
        <dd>
          Every {config.syncIntervalMinutes} min{' '}
          {config.managedInterval && <span className="ys-managed">Managed by your organisation</span>}
        </dd>
      </dl>
      {warnings.length > 0 && (
        <div className="ys-warnings">
          <h3 id="warnings-heading">Warnings about the active definitions</h3>
          <ul aria-labelledby="warnings-heading">
            {warnings.map((warning) => (
              <li key={warning.path}>
                <code>{formatProblem(warning)}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
      {definitionsFailure && (
        <div role="alert" className="ys-failure">
          <h3>
            Last error ({definitionsFailure.source}, {formatTime(definitionsFailure.at)})
          </h3>
          <p>{definitionsFailure.error.summary} The last good definitions stay active.</p>
          {definitionsFailure.error.problems.length > 0 && (
            <ul>
              {definitionsFailure.error.problems.map((problem, index) => (
                <li key={index}>
                  <code>{formatProblem(problem)}</code>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
}
