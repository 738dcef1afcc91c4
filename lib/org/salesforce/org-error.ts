/** What went wrong talking to the org, named for what the rep or the outbox does next. */
export type OrgErrorCode =
  | 'session-expired'
  | 'session-refused-for-api'
  | 'api-disabled-for-org'
  | 'api-disabled-for-user'
  | 'request-limit'
  | 'not-deployed'
  | 'invalid-field'
  | 'not-found'
  | 'bad-request'
  | 'login-page'
  | 'redirect'
  | 'server-error'
  | 'timeout'
  | 'network'
  | 'aborted'
  | 'query-job-failed'
  | 'no-team'
  | 'unexpected-answer';

/** One failed call to the org: a code to act on, a message a rep can act on, and the org's own words. */
export interface OrgError {
  code: OrgErrorCode;
  message: string;
  /** HTTP status, when an answer came. */
  status: number | null;
  /** The org's errorCode (`INVALID_SESSION_ID`…), when it sent one. */
  orgCode: string | null;
  /** The org's message, when it sent one. */
  orgMessage: string | null;
  /** Fields the org named (`INVALID_FIELD`). */
  fields: string[];
}

/** An answer as the client saw it, reduced to what error mapping needs. */
export interface OrgAnswer {
  status: number;
  contentType: string | null;
  body: string;
  location: string | null;
  /** `fetch` with `redirect: 'manual'` in a browser hides the redirect behind an opaque answer. */
  opaqueRedirect: boolean;
}

/** What the failed call was about, so `NOT_FOUND` of the scores object reads as "not deployed". */
export interface CallContext {
  aboutScoresObject: boolean;
}

const ADMIN_DOC = 'docs/salesforce-org.md';
const API_ACCESS_CONTROL = /not valid for use with the REST API/i;
const NO_SUCH_COLUMN = /No such column '([^']+)'/;

interface OrgErrorBody {
  errorCode: string;
  message: string;
  fields: string[];
}

/** Maps a non-2xx (or non-JSON) REST answer to one typed error. */
export function orgErrorFromAnswer(answer: OrgAnswer, context: CallContext): OrgError {
  const { status } = answer;
  if (answer.opaqueRedirect || (status >= 300 && status < 400)) {
    const where = answer.location ? ` to ${answer.location}` : '';
    return make(
      'redirect',
      status || null,
      null,
      null,
      [],
      `Salesforce redirected the call${where}, and a redirect drops the session. Open the deal from your org's My Domain address and try again; if it keeps happening, tell your Salesforce admin.`,
    );
  }
  if (looksLikeHtml(answer)) {
    return make(
      'login-page',
      status,
      null,
      null,
      [],
      'Salesforce answered with a web page (usually its login page) instead of data: log in to Salesforce in a tab; Yardstick sends what is waiting then.',
    );
  }
  const body = parseErrorBody(answer.body);
  const orgCode = body?.errorCode ?? null;
  const orgMessage = body?.message ?? null;
  const fields = body?.fields ?? [];
  const from = (code: OrgErrorCode, message: string) =>
    make(code, status, orgCode, orgMessage, fields, message);
  // userinfo answers a dead session with a plain-text 403 "Bad_OAuth_Token".
  const badOAuthToken = orgCode === null && /Bad_OAuth_Token/.test(answer.body);
  if (orgCode === 'INVALID_SESSION_ID' || (status === 401 && orgCode === null) || badOAuthToken) {
    if (orgMessage && API_ACCESS_CONTROL.test(orgMessage)) {
      return from(
        'session-refused-for-api',
        'Your org does not let browser sessions use the API (API Access Control), so Yardstick cannot save to it. Ask your Salesforce admin to allow Yardstick through a connected app.',
      );
    }
    return from(
      'session-expired',
      'Your Salesforce session has expired or was logged out. Log in to Salesforce in a tab; Yardstick sends what is waiting then.',
    );
  }
  if (orgCode === 'API_DISABLED_FOR_ORG') {
    return from(
      'api-disabled-for-org',
      'Your Salesforce edition does not include API access, so scores cannot be saved to the org. Ask your Salesforce admin.',
    );
  }
  if (orgCode === 'API_CURRENTLY_DISABLED') {
    return from(
      'api-disabled-for-user',
      'Your Salesforce user lacks the "API Enabled" permission. Ask your Salesforce admin to grant it.',
    );
  }
  if (orgCode === 'REQUEST_LIMIT_EXCEEDED') {
    return from(
      'request-limit',
      'Your org has used up its daily API requests. Yardstick keeps your scores and sends them when the org accepts requests again.',
    );
  }
  if (
    context.aboutScoresObject &&
    (orgCode === 'NOT_FOUND' || orgCode === 'INVALID_TYPE' || status === 404)
  ) {
    return from(
      'not-deployed',
      `The Yardstick Score object is not in your org, or you lack the Yardstick Rep permission set. Ask your Salesforce admin to deploy it and assign the set (see ${ADMIN_DOC}).`,
    );
  }
  if (orgCode === 'INVALID_FIELD') {
    const named = fields.length > 0 ? fields : [NO_SUCH_COLUMN.exec(orgMessage ?? '')?.[1]].filter(isString);
    return make(
      'invalid-field',
      status,
      orgCode,
      orgMessage,
      named,
      `Your org lacks the field${named.length === 1 ? '' : 's'} ${named.join(', ') || '(unnamed)'}, or you cannot see ${named.length === 1 ? 'it' : 'them'}. Ask your Salesforce admin to deploy Yardstick's latest metadata (see ${ADMIN_DOC}).`,
    );
  }
  if (status >= 500) {
    return from(
      'server-error',
      `Salesforce had a server error (HTTP ${status}). Yardstick tries again later.`,
    );
  }
  if (status === 404 || orgCode === 'NOT_FOUND') {
    return from(
      'not-found',
      `Salesforce found nothing there (HTTP ${status}): ${orgMessage ?? 'no details'}.`,
    );
  }
  if (status >= 400) {
    return from(
      'bad-request',
      `Salesforce refused the request (HTTP ${status}${orgCode ? `, ${orgCode}` : ''}): ${orgMessage ?? 'no details'}.`,
    );
  }
  return from(
    'unexpected-answer',
    `Salesforce answered HTTP ${status} with something Yardstick cannot read.`,
  );
}

/** Maps a call that got no answer (fetch rejected) to one typed error. */
export function orgErrorFromFailure(failure: unknown, timeoutMs: number): OrgError {
  const name = failure instanceof Error || failure instanceof DOMException ? failure.name : '';
  if (name === 'TimeoutError') {
    return make(
      'timeout',
      null,
      null,
      null,
      [],
      `Salesforce did not answer within ${Math.round(timeoutMs / 1000)} s. Yardstick tries again later.`,
    );
  }
  if (name === 'AbortError')
    return make('aborted', null, null, null, [], 'The call to Salesforce was cancelled.');
  return make(
    'network',
    null,
    null,
    null,
    [],
    'Salesforce could not be reached (offline, or the connection dropped). Yardstick tries again later.',
  );
}

/** The org's error for an answer that was 2xx but not the JSON the call expects. */
export function unexpectedAnswer(answer: OrgAnswer, expected: string): OrgError {
  if (looksLikeHtml(answer)) return orgErrorFromAnswer(answer, { aboutScoresObject: false });
  return make(
    'unexpected-answer',
    answer.status,
    null,
    null,
    [],
    `Salesforce answered HTTP ${answer.status} without the ${expected} Yardstick asked for.`,
  );
}

/** "My team" asked of a user the role hierarchy gives no team (no role, or no one below it). */
export function noTeam(message: string): OrgError {
  return make('no-team', null, null, null, [], message);
}

/** A Bulk API 2.0 query job that ended `Failed` or `Aborted` instead of `JobComplete`. */
export function queryJobFailed(state: string, orgMessage: string | null): OrgError {
  return make(
    'query-job-failed',
    200,
    null,
    orgMessage,
    [],
    `Salesforce's bulk query job ended ${state}${orgMessage ? `: ${orgMessage}` : ''}. Nothing was loaded; try again, and if it keeps failing, tell your Salesforce admin.`,
  );
}

/** Parses the REST error body (a JSON array of `{errorCode, message, fields}`), or null. */
export function parseErrorBody(text: string): OrgErrorBody | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const first: unknown = Array.isArray(parsed) ? parsed[0] : parsed;
  if (typeof first !== 'object' || first === null) return null;
  const record = first as Record<string, unknown>;
  // OAuth endpoints (userinfo) answer {"error": "...", "error_description": "..."}.
  const errorCode = record.errorCode ?? record.error;
  if (typeof errorCode !== 'string') return null;
  const message = record.message ?? record.error_description;
  return {
    errorCode,
    message: typeof message === 'string' ? message : '',
    fields: Array.isArray(record.fields) ? record.fields.filter(isString) : [],
  };
}

function looksLikeHtml(answer: OrgAnswer): boolean {
  if (answer.contentType?.toLowerCase().includes('text/html')) return true;
  return /^\s*(?:<!doctype html|<html)/i.test(answer.body);
}

function make(
  code: OrgErrorCode,
  status: number | null,
  orgCode: string | null,
  orgMessage: string | null,
  fields: string[],
  message: string,
): OrgError {
  return { code, message, status, orgCode, orgMessage, fields };
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
