import { parseCsv } from '../../../exchange/csv-parse';
import { err, ok } from '../../../result';
import type { ApiUsage } from '../api-usage';
import { orgErrorFromFailure, queryJobFailed } from '../org-error';
import { orgRequest } from '../org-request';
import { shapeError, type OrgCall, type VersionedConnection } from '../rest-client';
import { rowsFromCsv, type OrgAuditRow } from './org-audit-row';

/** What the bulk reader tells its caller as it goes. */
export interface BulkPageHandlers {
  /** The job finished: how many rows it holds. */
  onJobComplete?(total: number | null): void;
  /** Each CSV page's rows, in order. */
  onPage(rows: OrgAuditRow[]): void;
}

/** Options of {@link readBulkQuery}. */
export interface BulkReadOptions {
  /** Rows per results page (`maxRecords`). */
  maxRecords: number;
  /** Waits between polls of the job's state; injected so tests need not wait. */
  wait: (ms: number) => Promise<void>;
  /** First wait between polls; doubles up to 5 s. */
  pollMs?: number;
  /** A `queryAll` job, which also returns deleted (recycle bin) records. */
  includeDeleted?: boolean;
}

/** How the read went. */
export interface BulkReadSummary {
  jobId: string;
  calls: number;
  polls: number;
}

const FINISHED_BADLY = new Set(['Failed', 'Aborted']);

// The load's own signal is already aborted when the job is: the abort call gets a short one of its own.
const ABORT_CALL_TIMEOUT_MS = 15_000;

/**
 * Reads a SOQL query through a Bulk API 2.0 query job: `POST …/jobs/query`, polls `GET …/jobs/query/<id>`
 * until `JobComplete` (`Failed` and `Aborted` are errors), then `GET …/results?maxRecords=` as CSV,
 * following the `Sforce-Locator` header until it reads `null`. Results use the job's API version
 * (another version answers 409). Cancelled (the connection's signal) before the job completed, it
 * aborts the job in the org (`PATCH …/jobs/query/<id>` `{"state":"Aborted"}`), so the org stops working on it.
 */
export async function readBulkQuery(
  connection: VersionedConnection,
  soql: string,
  columns: readonly string[],
  handlers: BulkPageHandlers,
  options: BulkReadOptions,
): Promise<OrgCall<BulkReadSummary>> {
  const base = `/services/data/v${connection.apiVersion}/jobs/query`;
  let apiUsage: ApiUsage | null = null;
  let calls = 0;
  const call = async (request: Parameters<typeof orgRequest>[1]) => {
    const reply = await orgRequest(connection, request);
    calls++;
    apiUsage = reply.apiUsage ?? apiUsage;
    return reply;
  };
  const created = await call({
    method: 'POST',
    path: base,
    body: { operation: options.includeDeleted ? 'queryAll' : 'query', query: soql },
    aboutScoresObject: true,
    expect: 'json',
  });
  if (!created.ok) return { ...err(created.error), apiUsage };
  const jobId = (created.value.body as { id?: unknown } | null)?.id;
  if (typeof jobId !== 'string' || !/^[0-9A-Za-z]{15,18}$/.test(jobId))
    return shapeError(apiUsage, 'query job id');

  const cancelled = async () => {
    await orgRequest(
      { ...connection, signal: undefined, timeoutMs: Math.min(connection.timeoutMs, ABORT_CALL_TIMEOUT_MS) },
      {
        method: 'PATCH',
        path: `${base}/${jobId}`,
        body: { state: 'Aborted' },
        aboutScoresObject: true,
        expect: 'json',
      },
    );
    calls++;
    return { ...err(orgErrorFromFailure(new DOMException('cancelled', 'AbortError'), 0)), apiUsage };
  };

  let polls = 0;
  let delay = options.pollMs ?? 250;
  let total: number | null;
  for (;;) {
    if (connection.signal?.aborted) return cancelled();
    const info = await call({
      method: 'GET',
      path: `${base}/${jobId}`,
      aboutScoresObject: true,
      expect: 'json',
    });
    polls++;
    if (!info.ok && info.error.code === 'aborted') return cancelled();
    if (!info.ok) return { ...err(info.error), apiUsage };
    const job = info.value.body as {
      state?: unknown;
      errorMessage?: unknown;
      numberRecordsProcessed?: unknown;
    } | null;
    const state = typeof job?.state === 'string' ? job.state : null;
    if (state === null) return shapeError(apiUsage, 'query job state');
    if (state === 'JobComplete') {
      total = typeof job?.numberRecordsProcessed === 'number' ? job.numberRecordsProcessed : null;
      break;
    }
    if (FINISHED_BADLY.has(state)) {
      const message = typeof job?.errorMessage === 'string' ? job.errorMessage : null;
      return { ...err(queryJobFailed(state, message)), apiUsage };
    }
    await options.wait(delay);
    delay = Math.min(delay * 2, 5000);
  }
  handlers.onJobComplete?.(total);

  let locator: string | null = null;
  for (;;) {
    const query = `maxRecords=${options.maxRecords}${locator ? `&locator=${encodeURIComponent(locator)}` : ''}`;
    const page = await call({
      method: 'GET',
      path: `${base}/${jobId}/results?${query}`,
      aboutScoresObject: true,
      expect: 'csv',
    });
    if (!page.ok) return { ...err(page.error), apiUsage };
    const parsed = parseCsv(page.value.body as string);
    if (!parsed.ok)
      return shapeError(apiUsage, `readable CSV (line ${parsed.error.line ?? '?'}: ${parsed.error.message})`);
    const [header, ...records] = parsed.value;
    if (header) {
      const rows = rowsFromCsv(
        header.fields,
        records.map((record) => record.fields),
        columns,
      );
      if (!rows.ok) return shapeError(apiUsage, `columns ${rows.missing.join(', ')}`);
      handlers.onPage(rows.rows);
    }
    const next = page.value.headers.get('Sforce-Locator');
    if (!next || next === 'null') break;
    locator = next;
  }
  return { ...ok({ jobId, calls, polls }), apiUsage };
}
