import { useEffect, useId, useRef, useState } from 'react';
import { count, duration, plural } from '../../lib/audit/format-numbers';
import type { OrgLoadSummary } from '../../lib/audit/org-load-side';
import type { OrgAuditPortRequest } from '../../lib/messaging/org-audit-port';
import { estimateRemaining } from '../../lib/org/salesforce/audit/load-eta';
import type { RaterChoice } from '../../lib/org/salesforce/audit/rater-choices';
import { DEFAULT_BULK_FROM } from '../../lib/org/salesforce/audit/load-org-audit';
import type { OrgLoader } from './org-loader';
import { RaterPicker, type RaterMode } from './RaterPicker';

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

/** The manager's filters as set, turned into the protocol's (dates cover whole UTC days). */
function filtersOf(
  form: { from: string; to: string; definitions: string; calibrationOnly: boolean },
  raterMode: RaterMode,
  chosen: ReadonlySet<string>,
): Filters {
  const [id, version] = form.definitions.trim().split('@');
  return {
    ...(form.from ? { savedFrom: `${form.from}T00:00:00.000Z` } : {}),
    ...(form.to ? { savedTo: `${form.to}T23:59:59.999Z` } : {}),
    ...(raterMode === 'team' ? { myTeam: true } : {}),
    ...(raterMode === 'chosen' ? { raterIds: [...chosen].sort() } : {}),
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
      const deleted =
        summary.deleted > 0 ? `, ${plural(summary.deleted, 'score')} deleted in the org dropped` : '';
      return `Loaded from ${summary.origin}: ${what}${deleted}, ${plural(view.rows, 'row')} in the audit, ${plural(summary.calls, 'API call')}.`;
    }
    case 'failed':
      return view.message;
    case 'cancelled':
      return 'The load was cancelled; nothing of it was kept.';
  }
}

/**
 * "Load from Salesforce": pick an org the browser has a session with or connected by OAuth, set the filters, load. The
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
  const [form, setForm] = useState({ from: '', to: '', definitions: '', calibrationOnly: false });
  const [raterMode, setRaterMode] = useState<RaterMode>('all');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [raters, setRaters] = useState<{
    origin: string;
    choices: RaterChoice[];
    teamProblem: string | null;
  } | null>(null);
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
        case 'raters':
          setRaters({ origin: event.origin, choices: event.choices, teamProblem: event.teamProblem });
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
          // The loaded rows may name raters outside the team: offer them too.
          loader.send({ type: 'list-raters', origin: event.summary.origin });
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

  useEffect(() => {
    if (origin) loader.send({ type: 'list-raters', origin });
  }, [loader, origin]);

  const loading = view.phase === 'loading';
  const choices = raters?.origin === origin ? raters.choices : null;
  const noneChosen = raterMode === 'chosen' && chosen.size === 0;
  const eta =
    view.phase === 'loading' ? estimateRemaining(view.rowsRead, view.total, view.at - view.startedAt) : null;
  const set = (patch: Partial<typeof form>) => setForm((current) => ({ ...current, ...patch }));

  return (
    <section aria-labelledby={`${id}-heading`} className="ys-section ys-org-load">
      <h2 id={`${id}-heading`}>Load from Salesforce</h2>
      {orgs !== null && orgs.length === 0 ? (
        <p>
          No Salesforce org has a session in this browser or a connection from the popup: log in to your org
          (or connect it from the popup), then reopen this page.
        </p>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!origin || loading || noneChosen) return;
            setView({ phase: 'loading', rowsRead: 0, total: null, via: 'rest', startedAt: now(), at: now() });
            loader.send({
              type: 'load',
              origin,
              filters: filtersOf(form, raterMode, chosen),
              ...bulkFromOf(bulkFrom),
            });
          }}
        >
          <label>
            Org{' '}
            <select
              value={origin}
              onChange={(event) => {
                setOrigin(event.currentTarget.value);
                // Ticked raters belong to the org they were picked from.
                setChosen(new Set());
              }}
            >
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
          <RaterPicker
            mode={raterMode}
            onMode={setRaterMode}
            choices={choices}
            teamProblem={raters?.origin === origin ? raters.teamProblem : null}
            chosen={chosen}
            onToggle={(userId, on) =>
              setChosen((current) => {
                const next = new Set(current);
                if (on) next.add(userId);
                else next.delete(userId);
                return next;
              })
            }
          />
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
          <button type="submit" disabled={!origin || loading || noneChosen}>
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
