import { useEffect, useId, useRef, useState } from 'react';
import { count, duration, plural } from '../../lib/audit/format-numbers';
import type { OrgLoadSummary } from '../../lib/audit/org-load-side';
import type { OrgAuditPortRequest } from '../../lib/messaging/org-audit-port';
import { estimateRemaining } from '../../lib/org/salesforce/audit/load-eta';
import { DEFAULT_BULK_FROM } from '../../lib/org/salesforce/audit/load-org-audit';
import type { OrgLoader } from './org-loader';

type Filters = Extract<OrgAuditPortRequest, { type: 'load' }>['filters'];

type LoadView =
  | { phase: 'idle' }
  | {
      phase: 'loading';
      rowsRead: number;
      total: number | null;
      via: 'rest' | 'bulk';
      startedAt: number;
      at: number;
    }
  | { phase: 'done'; summary: OrgLoadSummary; rows: number }
  | { phase: 'failed'; message: string }
  | { phase: 'cancelled' };

/** The manager's filters as typed, turned into the protocol's (dates cover whole UTC days). */
function filtersOf(form: {
  from: string;
  to: string;
  raters: string;
  definitions: string;
  calibrationOnly: boolean;
}): Filters {
  const raterIds = form.raters
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter(Boolean);
  const [id, version] = form.definitions.trim().split('@');
  return {
    ...(form.from ? { savedFrom: `${form.from}T00:00:00.000Z` } : {}),
    ...(form.to ? { savedTo: `${form.to}T23:59:59.999Z` } : {}),
    ...(raterIds.length > 0 ? { raterIds } : {}),
    ...(id ? { definitions: { id, version: version || null } } : {}),
    ...(form.calibrationOnly ? { calibrationOnly: true } : {}),
  };
}

/** The typed Bulk threshold, when it is a positive whole number; otherwise the background's default. */
function bulkFromOf(typed: string): { bulkFrom?: number } {
  const value = Number(typed);
  return typed.trim() !== '' && Number.isInteger(value) && value >= 1 ? { bulkFrom: value } : {};
}

function loadText(view: LoadView, now: number): string {
  switch (view.phase) {
    case 'idle':
      return '';
    case 'loading': {
      const eta = estimateRemaining(view.rowsRead, view.total, now - view.startedAt);
      const read = `${plural(view.rowsRead, 'row')} read${view.total === null ? '' : ` of ${count(view.total)}`}`;
      const left = eta.remainingMs === null ? '' : `, about ${duration(eta.remainingMs)} left`;
      return `${read}${left}${view.via === 'bulk' ? ' (Bulk API)' : ''}.`;
    }
    case 'done': {
      const { summary } = view;
      const what = summary.incremental
        ? `${plural(summary.changed, 'changed row')} read`
        : `${plural(summary.changed, 'row')} read`;
      return `Loaded from ${summary.origin}: ${what}, ${plural(view.rows, 'row')} in the audit, ${plural(summary.calls, 'API call')}.`;
    }
    case 'failed':
      return view.message;
    case 'cancelled':
      return 'The load was cancelled; nothing of it was kept.';
  }
}

/**
 * "Load from Salesforce": pick an org the browser has a session with, set the filters, load. The
 * background reads the org and stores the rows; this panel shows progress and hands the finished
 * load to the audit.
 */
export function OrgLoadPanel({
  loader,
  onLoaded,
  now = Date.now,
}: {
  loader: OrgLoader;
  onLoaded: (summary: OrgLoadSummary) => void;
  now?: () => number;
}) {
  const id = useId();
  const [orgs, setOrgs] = useState<string[] | null>(null);
  const [origin, setOrigin] = useState('');
  const [form, setForm] = useState({ from: '', to: '', raters: '', definitions: '', calibrationOnly: false });
  const [bulkFrom, setBulkFrom] = useState('');
  const [view, setView] = useState<LoadView>({ phase: 'idle' });
  const onLoadedRef = useRef(onLoaded);
  useEffect(() => {
    onLoadedRef.current = onLoaded;
  }, [onLoaded]);

  useEffect(() => {
    const stop = loader.subscribe((event) => {
      switch (event.type) {
        case 'orgs':
          setOrgs(event.origins);
          setOrigin((current) => current || event.origins[0] || '');
          return;
        case 'progress':
          setView((current) => ({
            phase: 'loading',
            rowsRead: event.rowsRead,
            total: event.total,
            via: event.via,
            startedAt: current.phase === 'loading' ? current.startedAt : now(),
            at: now(),
          }));
          return;
        case 'done':
          setView({ phase: 'done', summary: event.summary, rows: event.rows });
          onLoadedRef.current(event.summary);
          return;
        case 'failed':
          setView({ phase: 'failed', message: event.message });
          return;
        case 'cancelled':
          setView({ phase: 'cancelled' });
      }
    });
    loader.send({ type: 'list-orgs' });
    return stop;
  }, [loader, now]);

  const loading = view.phase === 'loading';
  const eta =
    view.phase === 'loading' ? estimateRemaining(view.rowsRead, view.total, view.at - view.startedAt) : null;
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));

  return (
    <section aria-labelledby={`${id}-heading`} className="ys-section ys-org-load">
      <h2 id={`${id}-heading`}>Load from Salesforce</h2>
      {orgs !== null && orgs.length === 0 ? (
        <p>No Salesforce org has a session in this browser: log in to your org, then reopen this page.</p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!origin || loading) return;
            setView({ phase: 'loading', rowsRead: 0, total: null, via: 'rest', startedAt: now(), at: now() });
            loader.send({ type: 'load', origin, filters: filtersOf(form), ...bulkFromOf(bulkFrom) });
          }}
        >
          <label>
            Org{' '}
            <select value={origin} onChange={(event) => setOrigin(event.currentTarget.value)}>
              {(orgs ?? []).map((org) => (
                <option key={org} value={org}>
                  {org}
                </option>
              ))}
            </select>
          </label>
          <label>
            Saved from{' '}
            <input type="date" value={form.from} onChange={(e) => set({ from: e.currentTarget.value })} />
          </label>
          <label>
            to <input type="date" value={form.to} onChange={(e) => set({ to: e.currentTarget.value })} />
          </label>
          <label>
            Raters (org user ids; empty: your team){' '}
            <input value={form.raters} onChange={(e) => set({ raters: e.currentTarget.value })} />
          </label>
          <label>
            Definitions (id or id@version){' '}
            <input value={form.definitions} onChange={(e) => set({ definitions: e.currentTarget.value })} />
          </label>
          <label>
            <input
              type="checkbox"
              checked={form.calibrationOnly}
              onChange={(e) => set({ calibrationOnly: e.currentTarget.checked })}
            />{' '}
            Calibration sessions only
          </label>
          <label>
            Bulk API from (rows; empty: {count(DEFAULT_BULK_FROM)}){' '}
            <input
              type="number"
              min={1}
              step={1}
              value={bulkFrom}
              onChange={(e) => setBulkFrom(e.currentTarget.value)}
            />
          </label>
          <button type="submit" disabled={!origin || loading}>
            Load from Salesforce
          </button>
          {loading && (
            <button type="button" className="ys-secondary" onClick={() => loader.send({ type: 'cancel' })}>
              Cancel
            </button>
          )}
        </form>
      )}
      {loading && (
        <progress
          aria-label="Rows read from Salesforce"
          max={1}
          {...(eta?.fraction === null || eta === null ? {} : { value: eta.fraction })}
        />
      )}
      {/* Polite live text, not a second status role: the page's own status line stays the one status. */}
      <p
        {...(view.phase === 'failed' ? { role: 'alert' } : { 'aria-live': 'polite' as const })}
        className="ys-org-load-status"
      >
        {loadText(view, view.phase === 'loading' ? view.at : now())}
      </p>
    </section>
  );
}
