import type { QueryAnswer, Selection } from './salesforce-test-query';
import { sliceRows } from './salesforce-test-synthetic';

/** One Bulk API 2.0 query job of the test org. */
interface QueryJob {
  id: string;
  apiVersion: string;
  createdById: string;
  state: 'UploadComplete' | 'InProgress' | 'JobComplete' | 'Failed' | 'Aborted';
  /** Polls left before the job completes. */
  pollsLeft: number;
  header: string[];
  /** The selection, turned into CSV a page at a time (a million rows never sit in memory as text). */
  selection: Selection;
  errorMessage: string | null;
}

/** A Bulk answer: JSON or CSV with headers. */
export interface BulkAnswer extends QueryAnswer {
  csv?: string;
  headers?: Record<string, string>;
}

/** Settings of the bulk side, switchable by tests. */
export interface BulkSettings {
  /** Polls answering InProgress before JobComplete. */
  pollsBeforeComplete: number;
  /** The next job ends Failed with this message. */
  failNextJob: string | null;
}

const error = (status: number, errorCode: string, message: string): BulkAnswer => ({
  status,
  body: [{ message, errorCode }],
});

/**
 * Bulk API 2.0 query jobs: `POST …/jobs/query` snapshots the selection, `GET …/jobs/query/<id>` moves
 * it through UploadComplete, InProgress and JobComplete, `GET …/results` serves CSV pages of
 * `maxRecords` rows with a `Sforce-Locator` header that reads `null` on the last page.
 */
export function createBulkJobs(settings: BulkSettings) {
  const jobs = new Map<string, QueryJob>();
  let nextJob = 1;
  return {
    create(
      apiVersion: string,
      userId: string,
      body: unknown,
      select: (soql: string) => Selection | QueryAnswer,
    ): BulkAnswer {
      const request = body as { operation?: unknown; query?: unknown } | null;
      if (request?.operation !== 'query' && request?.operation !== 'queryAll')
        return error(400, 'INVALIDJOB', 'InvalidJob : operation must be query or queryAll');
      if (typeof request.query !== 'string')
        return error(400, 'INVALIDJOB', 'InvalidJob : query is required');
      if (/\bORDER\s+BY\b/i.test(request.query) || /\bCOUNT\s*\(/i.test(request.query))
        return error(
          400,
          'INVALIDJOB',
          'InvalidJob : The query contains a clause Bulk API 2.0 does not support',
        );
      const selection = select(request.query);
      if ('status' in selection) return selection;
      const header = selection.soql.fields;
      const id = `7505g00000Job${String(nextJob++).padStart(2, '0')}`;
      const failed = settings.failNextJob;
      settings.failNextJob = null;
      const job: QueryJob = {
        id,
        apiVersion,
        createdById: userId,
        state: 'UploadComplete',
        pollsLeft: settings.pollsBeforeComplete,
        header,
        selection,
        errorMessage: failed,
      };
      jobs.set(id, job);
      return { status: 200, body: info(job) };
    },
    poll(jobId: string, userId: string): BulkAnswer {
      const job = jobs.get(jobId);
      if (!job || job.createdById !== userId)
        return error(404, 'NOT_FOUND', 'The requested resource does not exist');
      if (job.state === 'UploadComplete' || job.state === 'InProgress') {
        if (job.pollsLeft > 0) {
          job.pollsLeft--;
          job.state = 'InProgress';
        } else job.state = job.errorMessage ? 'Failed' : 'JobComplete';
      }
      return { status: 200, body: info(job) };
    },
    /** `PATCH …/jobs/query/<id>` with `{"state":"Aborted"}`: only a job still UploadComplete or InProgress. */
    abort(jobId: string, userId: string, body: unknown): BulkAnswer {
      const job = jobs.get(jobId);
      if (!job || job.createdById !== userId)
        return error(404, 'NOT_FOUND', 'The requested resource does not exist');
      if ((body as { state?: unknown } | null)?.state !== 'Aborted')
        return error(400, 'INVALIDJOBSTATE', 'state must be Aborted');
      if (job.state !== 'UploadComplete' && job.state !== 'InProgress')
        return error(400, 'INVALIDJOBSTATE', `Job state is ${job.state}`);
      job.state = 'Aborted';
      return { status: 200, body: info(job) };
    },
    /** Each job's state by id, for tests. */
    states(): Map<string, string> {
      return new Map([...jobs].map(([id, job]) => [id, job.state]));
    },
    results(jobId: string, userId: string, apiVersion: string, params: URLSearchParams): BulkAnswer {
      const job = jobs.get(jobId);
      if (!job || job.createdById !== userId)
        return error(404, 'NOT_FOUND', 'The requested resource does not exist');
      if (job.apiVersion !== apiVersion)
        return error(409, 'INVALIDJOBSTATE', 'Use the API version the job was created with');
      if (job.state !== 'JobComplete') return error(400, 'INVALIDJOBSTATE', `Job state is ${job.state}`);
      const offset = Number(
        params.get('locator') ? Buffer.from(params.get('locator')!, 'base64url').toString() : 0,
      );
      const max = Number(params.get('maxRecords') ?? 50000);
      if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(max) || max < 1)
        return error(400, 'INVALIDLOCATOR', 'Invalid locator or maxRecords');
      const page = sliceRows(job.selection.rows, offset, offset + max);
      const end = offset + page.length;
      // A column the row holds under its exact name is read directly (a million rows, 25 columns each).
      const read = (row: Record<string, unknown>, field: string) =>
        Object.hasOwn(row, field) ? (row[field] ?? null) : job.selection.valueOf(row, field);
      const line = (row: Record<string, unknown>) =>
        job.header.map((field) => quote(csvValue(read(row, field)))).join(',');
      const csv = [job.header.map(quote).join(','), ...page.map(line)].join('\n') + '\n';
      return {
        status: 200,
        body: null,
        csv,
        headers: {
          'Sforce-Locator':
            end < job.selection.rows.length ? Buffer.from(String(end)).toString('base64url') : 'null',
          'Sforce-NumberOfRecords': String(page.length),
        },
      };
    },
  };
}

function info(job: QueryJob): Record<string, unknown> {
  return {
    id: job.id,
    operation: 'query',
    object: 'Yardstick_Score__c',
    createdById: job.createdById,
    state: job.state,
    concurrencyMode: 'Parallel',
    contentType: 'CSV',
    apiVersion: Number(job.apiVersion),
    lineEnding: 'LF',
    columnDelimiter: 'COMMA',
    ...(job.state === 'JobComplete' ? { numberRecordsProcessed: job.selection.rows.length } : {}),
    ...(job.state === 'Failed' ? { errorMessage: job.errorMessage } : {}),
  };
}

// Bulk writes null as an empty field, booleans and numbers as REST prints them.
function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : String(value);
}

function quote(field: string): string {
  return field.includes('"') ? `"${field.replace(/"/g, '""')}"` : `"${field}"`;
}
