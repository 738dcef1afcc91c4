import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { toAuditJson } from '../../lib/audit/audit-report-json';
import type { AuditEngine, AuditRequest, IncomingFile } from '../../lib/audit/audit-protocol';
import { auditPageReducer, INITIAL_STATE } from './audit-page-state';
import { AuditReportView } from './AuditReportView';
import { duration } from '../../lib/audit/format-numbers';
import type { Definitions } from '../../lib/definitions/schema-v1';
import { DraftSection } from './draft/DraftSection';
import { ImportPanel } from './ImportPanel';
import type { OrgLoader } from './org-loader';
import { OrgLoadPanel } from './OrgLoadPanel';
import {
  agreementGap,
  biasGap,
  coverageGap,
  predictiveGap,
  segmentGap,
  winRateGap,
} from '../../lib/audit/missing-data';
import { toReportCsv } from '../../lib/audit/report-csv';

let nextId = 0;

/** Starts a download of `text` as a file (the page's own origin; nothing leaves the computer). */
function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function parseAsOf(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const time = Date.parse(`${value}T23:59:59.999Z`);
  return Number.isNaN(time) ? null : time;
}

/**
 * The manager audit page: import rep bundles, ratings and outcomes CSVs (and optionally the
 * definitions), then read agreement, rater bias, distributions, predictive validity, the closed
 * loop, coverage and slices. Reading, merging and the audit run in `engine` (a Web Worker).
 */
export function AuditApp({
  engine,
  now = Date.now,
  frameworks = [],
  orgLoader,
}: {
  engine: AuditEngine;
  now?: () => number;
  /** Built-in frameworks a new admin can draft from. */
  frameworks?: readonly Definitions[];
  /** The background's org loader; without one the page reads files only. */
  orgLoader?: OrgLoader;
}) {
  const [state, dispatch] = useReducer(auditPageReducer, INITIAL_STATE);
  const [asOfText, setAsOfText] = useState('');
  const asOf = useRef<number | null>(null);

  useEffect(
    () => engine.subscribe((response) => dispatch({ type: 'received', response, at: performance.now() })),
    [engine],
  );

  const send = useCallback(
    (request: AuditRequest) => {
      dispatch({ type: 'sent', request, at: performance.now() });
      engine.post(request);
    },
    [engine],
  );
  const currentAsOf = () => asOf.current ?? now();

  const importFiles = (files: File[], role: IncomingFile['role']) =>
    send({
      type: 'import',
      files: files.map((file) => ({ id: `file-${++nextId}`, file, role })),
      asOf: currentAsOf(),
    });

  const { report, summary } = state;
  const busy = state.pending.length > 0;
  const gaps = report
    ? [
        agreementGap(report),
        biasGap(report),
        predictiveGap(report),
        winRateGap(report),
        coverageGap(report),
        segmentGap(report),
      ].filter((gap, index, all): gap is string => gap !== null && all.indexOf(gap) === index)
    : [];
  const stamp = report?.asOf.slice(0, 10) ?? '';

  return (
    <main className="ys-audit">
      <header>
        <h1>Yardstick audit</h1>
        <p className="ys-lede">
          Do our reps score the same deal the same way, and do our scores predict what happens to deals?
        </p>
      </header>

      <ImportPanel
        rows={state.rows}
        busy={busy}
        onFiles={(files) => importFiles(files, 'auto')}
        onDefinitionsFile={(file) => importFiles([file], 'definitions')}
        onRemove={(id) => send({ type: 'remove', ids: [id], asOf: currentAsOf() })}
        onDismiss={(id) => dispatch({ type: 'dismiss', id })}
        onClear={() => send({ type: 'clear' })}
      />

      {orgLoader && (
        <OrgLoadPanel
          loader={orgLoader}
          onLoaded={(load) => send({ type: 'org', load, asOf: currentAsOf() })}
        />
      )}

      <p role="status" className="ys-status">
        {state.status}
      </p>
      {state.failure && (
        <p role="alert" className="ys-failure">
          The audit could not run: {state.failure}
        </p>
      )}

      {!report && !busy && <EmptyState />}

      {report && (
        <div className="ys-report" aria-busy={busy}>
          <div className="ys-toolbar">
            <label>
              As of{' '}
              <input
                type="date"
                value={asOfText}
                onChange={(event) => {
                  const text = event.currentTarget.value;
                  setAsOfText(text);
                  asOf.current = parseAsOf(text);
                  send({ type: 'audit', asOf: currentAsOf() });
                }}
              />
            </label>
            <span className="ys-muted">(for staleness; empty means now)</span>
            <button
              type="button"
              onClick={() =>
                download(
                  `yardstick-audit-${stamp}.csv`,
                  toReportCsv(report, summary),
                  'text/csv;charset=utf-8',
                )
              }
            >
              Download report (CSV)
            </button>
            <button
              type="button"
              className="ys-secondary"
              onClick={() =>
                download(
                  `yardstick-audit-${stamp}.json`,
                  `${JSON.stringify(toAuditJson(report, summary ?? undefined, state.definitionsDocument), null, 2)}\n`,
                  'application/json',
                )
              }
            >
              Download report (JSON)
            </button>
          </div>
          {state.definitions && (
            <p>
              Checked against {state.definitions.title} ({state.definitions.id}@{state.definitions.version})
              from {state.definitions.file}.{' '}
              <button
                type="button"
                className="ys-secondary"
                onClick={() => send({ type: 'remove-definitions', asOf: currentAsOf() })}
              >
                Stop using these definitions
              </button>
            </p>
          )}
          <AuditReportView
            gaps={
              gaps.length > 0 && (
                <section aria-labelledby="ys-gaps-heading" className="ys-gaps">
                  <h2 id="ys-gaps-heading">What data is missing</h2>
                  <ul>
                    {gaps.map((gap) => (
                      <li key={gap}>{gap}</li>
                    ))}
                  </ul>
                </section>
              )
            }
            report={report}
            summary={summary}
            definitions={state.definitionsDocument}
            debugLine={
              state.timings &&
              `Debug: worker read ${duration(state.timings.read)}, merge ${duration(state.timings.merge)}, audit ${duration(state.timings.audit)}`
            }
          />
        </div>
      )}
      {(state.definitionsDocument || frameworks.length > 0) && (
        <DraftSection definitions={state.definitionsDocument} frameworks={frameworks} report={report} />
      )}
    </main>
  );
}

function EmptyState() {
  return (
    <section aria-labelledby="ys-empty-heading" className="ys-section ys-empty">
      <h2 id="ys-empty-heading">No data yet</h2>
      <p>Import any of these; each one unlocks part of the audit:</p>
      <dl>
        <dt>Rep bundles (.json or .ndjson)</dt>
        <dd>
          Each rep exports them with &ldquo;Export my scores&rdquo;. Two or more reps who scored the same
          deals give agreement (Krippendorff&apos;s α, Fleiss&apos; κ, ICC), rater bias, drift and score
          distributions.
        </dd>
        <dt>Ratings CSV</dt>
        <dd>
          Header <code>deal,rater,criterion,level</code> (optional <code>scored_at</code>,{' '}
          <code>context</code>, <code>definitions_version</code>); an empty level is Unknown. For calibration
          workshops run in a spreadsheet.
        </dd>
        <dt>Outcomes CSV</dt>
        <dd>
          Header <code>deal,outcome</code> with <code>won</code> or <code>lost</code>, plus any segment
          columns (region, lead_source, team…). Gives predictive validity (AUC, win rate by band), coverage
          and slices.
        </dd>
        <dt>Definitions file (optional)</dt>
        <dd>Checks every level against the criteria, and gives the weights and the bands.</dd>
      </dl>
    </section>
  );
}
