import { err, ok, type Result } from '../../result';
import { parseApiUsage, type ApiUsage } from './api-usage';
import {
  orgErrorFromAnswer,
  orgErrorFromFailure,
  unexpectedAnswer,
  type OrgAnswer,
  type OrgError,
} from './org-error';

/** The `fetch` the caller owns (the background's); injected so this file stays pure and testable. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Who calls which org, and how long a call may take. */
export interface OrgConnection {
  /** The API origin (`https://acme.my.salesforce.com`), from apiOriginForHost. */
  origin: string;
  /** The `sid` cookie of that origin. */
  sessionId: string;
  fetch: FetchLike;
  timeoutMs: number;
  /** Aborts the call early (a navigation, the outbox stopping). */
  signal?: AbortSignal;
}

/** A call's outcome and the org's API usage seen on its answers (null when no header came). */
export type OrgCall<T> = Result<T, OrgError> & { apiUsage: ApiUsage | null };

/** One call to the org's REST API; `expect` says which answer body counts as success. */
export interface OrgRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path and query, starting with `/services/`. */
  path: string;
  /** Sent as JSON. */
  body?: unknown;
  /** A `NOT_FOUND` about the scores object reads as "not deployed". */
  aboutScoresObject: boolean;
  /** `json` parses the body; `csv` (Bulk API 2.0 results) returns it as text. */
  expect: 'json' | 'csv';
  /** Extra request headers (`Sforce-Query-Options`). */
  headers?: Record<string, string>;
}

/** A successful answer: the parsed body (or CSV text) and the response headers the caller may need. */
export interface OrgReply {
  body: unknown;
  headers: Headers;
}

/**
 * Sends one call with the session as a Bearer token and maps every failure (an HTTP error, HTML where
 * data was expected, a redirect, a timeout, the network) to an OrgError; never throws for those.
 */
export async function orgRequest(connection: OrgConnection, sent: OrgRequest): Promise<OrgCall<OrgReply>> {
  const signals = [AbortSignal.timeout(connection.timeoutMs)];
  if (connection.signal) signals.push(connection.signal);
  let response: Response;
  let text: string;
  try {
    response = await connection.fetch(connection.origin + sent.path, {
      method: sent.method,
      headers: {
        Authorization: `Bearer ${connection.sessionId}`,
        'Sforce-Call-Options': 'client=Yardstick',
        Accept: sent.expect === 'csv' ? 'text/csv' : 'application/json',
        ...(sent.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...sent.headers,
      },
      body: sent.body === undefined ? undefined : JSON.stringify(sent.body),
      // A redirect would be followed without the Authorization header: take it as an error instead.
      redirect: 'manual',
      credentials: 'omit',
      signal: AbortSignal.any(signals),
    });
    text = await response.text();
  } catch (failure) {
    return { ...err(orgErrorFromFailure(failure, connection.timeoutMs)), apiUsage: null };
  }
  const apiUsage = parseApiUsage(response.headers.get('Sforce-Limit-Info'));
  const answer: OrgAnswer = {
    status: response.status,
    contentType: response.headers.get('Content-Type'),
    body: text,
    location: response.headers.get('Location'),
    opaqueRedirect: response.type === 'opaqueredirect',
  };
  if (answer.opaqueRedirect || response.status < 200 || response.status >= 300) {
    return { ...err(orgErrorFromAnswer(answer, { aboutScoresObject: sent.aboutScoresObject })), apiUsage };
  }
  const contentType = answer.contentType?.toLowerCase() ?? '';
  if (sent.expect === 'csv') {
    if (!contentType.includes('csv')) return { ...err(unexpectedAnswer(answer, 'CSV')), apiUsage };
    return { ...ok({ body: text, headers: response.headers }), apiUsage };
  }
  if (!contentType.includes('json')) return { ...err(unexpectedAnswer(answer, 'JSON')), apiUsage };
  try {
    return { ...ok({ body: JSON.parse(text) as unknown, headers: response.headers }), apiUsage };
  } catch {
    return { ...err(unexpectedAnswer(answer, 'JSON')), apiUsage };
  }
}
