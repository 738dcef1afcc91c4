import { err, ok } from '../../../result';
import type { ApiUsage } from '../api-usage';
import { orgRequest } from '../org-request';
import { shapeError, type OrgCall, type VersionedConnection } from '../rest-client';
import { rowsFromRestRecords, type OrgAuditRow } from './org-audit-row';

/** One page of a SOQL query's answer. */
export interface QueryPage {
  rows: OrgAuditRow[];
  /** The query's total row count, as the org reported it on this page. */
  totalSize: number;
}

/** What the reader tells its caller as it goes. */
export interface QueryPageHandlers {
  /** Each page in order; `stop` ends the read early (the caller switches to Bulk). */
  onPage(page: QueryPage): 'continue' | 'stop';
  /** The locator expired and the query starts over: rows already handed over come again. */
  onRestart(): void;
}

/** How the read went: calls made and restarts after an expired locator. */
export interface QueryReadSummary {
  calls: number;
  restarts: number;
  stopped: boolean;
}

/** Options of {@link readQueryPages}. */
export interface QueryReadOptions {
  /** `Sforce-Query-Options: batchSize` (200–2000): a hint the org may ignore. */
  batchSize?: number;
  /** Starting over at most this many times after `INVALID_QUERY_LOCATOR` (default 2). */
  maxRestarts?: number;
  /** Runs the query through the `queryAll` resource, which also returns deleted (recycle bin) records. */
  includeDeleted?: boolean;
}

/**
 * Runs a SOQL query and follows `nextRecordsUrl` until `done`, whatever size each page has. An
 * expired locator (`INVALID_QUERY_LOCATOR`) starts the query over from its first page, after telling
 * the caller, so rows keyed by id come out the same.
 */
export async function readQueryPages(
  connection: VersionedConnection,
  soql: string,
  columns: readonly string[],
  handlers: QueryPageHandlers,
  options: QueryReadOptions = {},
): Promise<OrgCall<QueryReadSummary>> {
  const resource = options.includeDeleted ? 'queryAll' : 'query';
  const first = `/services/data/v${connection.apiVersion}/${resource}?q=${encodeURIComponent(soql)}`;
  const headers = options.batchSize
    ? { 'Sforce-Query-Options': `batchSize=${options.batchSize}` }
    : undefined;
  const summary: QueryReadSummary = { calls: 0, restarts: 0, stopped: false };
  let apiUsage: ApiUsage | null = null;
  let path: string | null = first;
  while (path) {
    const reply = await orgRequest(connection, {
      method: 'GET',
      path,
      headers,
      aboutScoresObject: true,
      expect: 'json',
    });
    summary.calls++;
    apiUsage = reply.apiUsage ?? apiUsage;
    if (!reply.ok) {
      const expired = reply.error.orgCode === 'INVALID_QUERY_LOCATOR' && path !== first;
      if (expired && summary.restarts < (options.maxRestarts ?? 2)) {
        summary.restarts++;
        handlers.onRestart();
        path = first;
        continue;
      }
      return { ...err(reply.error), apiUsage };
    }
    const body = reply.value.body as {
      records?: unknown;
      done?: unknown;
      nextRecordsUrl?: unknown;
      totalSize?: unknown;
    } | null;
    if (!Array.isArray(body?.records) || typeof body.totalSize !== 'number')
      return shapeError(apiUsage, 'query result');
    const rows = rowsFromRestRecords(body.records as Record<string, unknown>[], columns);
    if (handlers.onPage({ rows, totalSize: body.totalSize }) === 'stop') {
      summary.stopped = true;
      break;
    }
    const next = body.nextRecordsUrl;
    path =
      body.done === false && typeof next === 'string' && next.startsWith('/services/data/') ? next : null;
  }
  return { ...ok(summary), apiUsage };
}
