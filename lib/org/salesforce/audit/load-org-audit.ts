import { err, ok } from '../../../result';
import type { ApiUsage } from '../api-usage';
import { connectToOrg, type OrgCall, type OrgConnection, type VersionedConnection } from '../rest-client';
import { SCORE_FIELDS } from '../score-object';
import {
  auditColumns,
  buildAuditQuery,
  normaliseOrgDateTime,
  OPPORTUNITY_RELATION,
  type OrgAuditFilters,
} from './audit-soql';
import { readBulkQuery } from './bulk-query';
import { resolveTeamFilter } from './resolve-team-filter';
import type { OrgAuditRow } from './org-audit-row';
import { readQueryPages } from './query-pages';

/** What a load keeps for the next one: the rows read and the highest modstamps seen. */
export interface OrgAuditState {
  formatVersion: 1;
  origin: string;
  apiVersion: string;
  /** The filters and segment fields the rows answer; another query starts from scratch. */
  queryKey: string;
  /** Highest score SystemModstamp read, or null before the first row. */
  scoresSince: string | null;
  /** Highest opportunity SystemModstamp read. */
  dealsSince: string | null;
  rows: OrgAuditRow[];
}

/** Progress of a load, for a bar: rows read so far, the total once the org says it. */
export interface OrgAuditProgress {
  rowsRead: number;
  total: number | null;
  via: 'rest' | 'bulk';
}

/** Options of {@link loadOrgAudit}. */
export interface OrgAuditLoadOptions {
  connection: OrgConnection;
  filters: OrgAuditFilters;
  segmentFields: ReadonlyMap<string, string>;
  /** The previous load's state; with the same origin and query, only changes are read. */
  state: OrgAuditState | null;
  /** The manager's org user id, for the `myTeam` filter (read from userinfo when absent). */
  userId?: string;
  /** From this many rows on, read through a Bulk API 2.0 query job (default 50,000). */
  bulkFrom?: number;
  /** REST batch size hint. */
  batchSize?: number;
  /** Bulk results page size (default 50,000). */
  bulkPageSize?: number;
  wait: (ms: number) => Promise<void>;
  onProgress?: (progress: OrgAuditProgress) => void;
}

/** What a load did. */
export interface OrgAuditLoad {
  state: OrgAuditState;
  /** Every row now known (old and new), one per score key. */
  rows: OrgAuditRow[];
  via: 'rest' | 'bulk';
  incremental: boolean;
  /** Rows this load read (changed or new, deleted ones included). */
  changed: number;
  /** Scores the org deleted since the last load, dropped from the rows. */
  deleted: number;
  /** API calls this load used, the version list included. */
  calls: number;
}

/** The default row count from which a load goes through Bulk API 2.0. */
export const DEFAULT_BULK_FROM = 50_000;

/**
 * Loads the audit's rows from the org: one SOQL query paged over REST, or a Bulk API 2.0 job when the
 * first page says the query holds `bulkFrom` rows or more. With a matching state, asks only for scores
 * and deals changed since its watermarks, so a load with nothing changed costs one query (three with
 * `myTeam`, whose team is read from the role hierarchy each time).
 */
export async function loadOrgAudit(options: OrgAuditLoadOptions): Promise<OrgCall<OrgAuditLoad>> {
  const { segmentFields } = options;
  const sameOrg = options.state?.origin === options.connection.origin ? options.state : null;
  let calls = 0;
  let apiUsage: ApiUsage | null = null;
  let connection: VersionedConnection;
  if (sameOrg) connection = { ...options.connection, apiVersion: sameOrg.apiVersion };
  else {
    const connected = await connectToOrg(options.connection);
    calls++;
    if (!connected.ok) return connected;
    apiUsage = connected.apiUsage;
    connection = connected.value;
  }
  const resolved = await resolveTeamFilter(connection, options.filters, options.userId);
  apiUsage = resolved.apiUsage ?? apiUsage;
  if (!resolved.ok) return { ...err(resolved.error), apiUsage };
  calls += resolved.value.calls;
  const { filters } = resolved.value;
  // The resolved team is part of the key: someone joining the team brings their older scores too.
  const queryKey = JSON.stringify({ filters, segments: [...segmentFields] });
  const previous = sameOrg?.queryKey === queryKey ? sameOrg : null;
  const incremental = previous !== null && previous.scoresSince !== null && previous.dealsSince !== null;
  const query = buildAuditQuery({
    filters,
    segmentFields,
    changedSince: incremental ? { scores: previous.scoresSince!, deals: previous.dealsSince! } : null,
  });
  if (!query.ok) throw new RangeError(`audit filters: ${query.problems.map((p) => p.message).join('; ')}`);
  const columns = auditColumns(segmentFields);
  const fresh = new Map<string, OrgAuditRow>();
  const bulkFrom = options.bulkFrom ?? DEFAULT_BULK_FROM;
  let total: number | null = null;
  let via: 'rest' | 'bulk' = 'rest';
  const report = () => options.onProgress?.({ rowsRead: fresh.size, total, via });
  const keep = (rows: readonly OrgAuditRow[]) => {
    for (const row of rows) {
      const key = keyOf(row);
      // A score deleted and saved again has two records under one key: the live one counts.
      if (isDeleted(row) && fresh.has(key) && !isDeleted(fresh.get(key)!)) continue;
      fresh.set(key, row);
    }
    report();
  };

  const rest = await readQueryPages(
    connection,
    query.soql,
    columns,
    {
      onPage: (page) => {
        total = page.totalSize;
        if (fresh.size === 0 && page.totalSize >= bulkFrom && page.rows.length < page.totalSize)
          return 'stop';
        keep(page.rows);
        return 'continue';
      },
      onRestart: () => fresh.clear(),
    },
    { batchSize: options.batchSize, includeDeleted: incremental },
  );
  apiUsage = rest.apiUsage ?? apiUsage;
  if (!rest.ok) return { ...err(rest.error), apiUsage };
  calls += rest.value.calls;
  if (rest.value.stopped) {
    via = 'bulk';
    report();
    const bulk = await readBulkQuery(
      connection,
      query.soql,
      columns,
      { onJobComplete: (count) => void (total = count ?? total), onPage: keep },
      { maxRecords: options.bulkPageSize ?? 50_000, wait: options.wait, includeDeleted: incremental },
    );
    apiUsage = bulk.apiUsage ?? apiUsage;
    if (!bulk.ok) return { ...err(bulk.error), apiUsage };
    calls += bulk.value.calls;
  }

  const all = new Map<string, OrgAuditRow>();
  for (const row of previous?.rows ?? []) all.set(keyOf(row), row);
  let deleted = 0;
  for (const [key, row] of fresh) {
    if (!isDeleted(row)) all.set(key, row);
    else if (all.delete(key)) deleted++;
  }
  const rows = [...all.values()];
  const state: OrgAuditState = {
    formatVersion: 1,
    origin: connection.origin,
    apiVersion: connection.apiVersion,
    queryKey,
    scoresSince: highest(fresh.values(), 'SystemModstamp', previous?.scoresSince ?? null),
    dealsSince: highest(
      fresh.values(),
      `${OPPORTUNITY_RELATION}.SystemModstamp`,
      previous?.dealsSince ?? null,
    ),
    rows,
  };
  // A load that found no deal yet keeps a watermark anyway, so that the next one is incremental.
  state.dealsSince ??= state.scoresSince;
  return { ...ok({ state, rows, via, incremental, changed: fresh.size, deleted, calls }), apiUsage };
}

function keyOf(row: OrgAuditRow): string {
  return row[SCORE_FIELDS.key] ?? row.Id ?? '';
}

// REST prints the boolean as `true`; Bulk's CSV writes `true` as well.
function isDeleted(row: OrgAuditRow): boolean {
  return row.IsDeleted === 'true';
}

function highest(rows: Iterable<OrgAuditRow>, column: string, start: string | null): string | null {
  let best = start;
  let bestAt = start ? Date.parse(normaliseOrgDateTime(start)) : -Infinity;
  for (const row of rows) {
    const value = row[column];
    if (!value) continue;
    const at = Date.parse(normaliseOrgDateTime(value));
    if (at > bestAt) {
      best = value;
      bestAt = at;
    }
  }
  return best;
}
