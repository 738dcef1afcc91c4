import { err, ok } from '../../result';
import type { ApiUsage } from './api-usage';
import { orgRequest, type OrgCall, type OrgConnection } from './org-request';

export type { FetchLike, OrgCall, OrgConnection } from './org-request';
import { SCORE_KEY_FIELD, SCORE_OBJECT } from './score-object';
import type { OrgScoreRecord } from './score-to-org-record';

/** A connection with the API version chosen from the org's list. */
export interface VersionedConnection extends OrgConnection {
  apiVersion: string;
}

/**
 * The lowest API version Yardstick uses: collections upsert by external id needs 46.0, and the audit's
 * Bulk API 2.0 query needs 47.0, so one floor serves both.
 */
export const MIN_API_VERSION = 47;

/** The org user the session belongs to. */
export interface OrgUser {
  userId: string;
  orgId: string;
  name: string;
  email: string;
}

/** One record's upsert outcome, in the order sent, keyed by the score key. */
export type UpsertOutcome =
  | { scoreKey: string; ok: true; orgRecordId: string; created: boolean }
  | { scoreKey: string; ok: false; errors: { statusCode: string; message: string; fields: string[] }[] };

/** At most this many records per collections call (the API's limit). */
export const MAX_UPSERT_BATCH = 200;

interface Sent {
  method: 'GET' | 'PATCH';
  path: string;
  body?: unknown;
  aboutScoresObject: boolean;
}

async function send(connection: OrgConnection, sent: Sent): Promise<OrgCall<unknown>> {
  const reply = await orgRequest(connection, { ...sent, expect: 'json' });
  return reply.ok ? { ...ok(reply.value.body), apiUsage: reply.apiUsage } : reply;
}

/** A 2xx answer without the shape the call expects. */
export function shapeError(apiUsage: ApiUsage | null, what: string): OrgCall<never> {
  return {
    ...err({
      code: 'unexpected-answer',
      message: `Salesforce answered without the ${what} Yardstick asked for.`,
      status: 200,
      orgCode: null,
      orgMessage: null,
      fields: [],
    }),
    apiUsage,
  };
}

/** The highest version at or above MIN_API_VERSION from `GET /services/data/`'s list, or null. */
export function chooseApiVersion(listed: unknown): string | null {
  if (!Array.isArray(listed)) return null;
  const versions = listed
    .map((entry: unknown) => (entry as { version?: unknown } | null)?.version)
    .filter((version): version is string => typeof version === 'string' && /^\d+\.\d$/.test(version))
    .map(Number)
    .filter((version) => version >= MIN_API_VERSION);
  return versions.length > 0 ? Math.max(...versions).toFixed(1) : null;
}

/** Lists the org's API versions and picks the one to use (see MIN_API_VERSION). */
export async function connectToOrg(connection: OrgConnection): Promise<OrgCall<VersionedConnection>> {
  const listed = await send(connection, { method: 'GET', path: '/services/data/', aboutScoresObject: false });
  if (!listed.ok) return listed;
  const apiVersion = chooseApiVersion(listed.value);
  if (!apiVersion) return shapeError(listed.apiUsage, `API version ${MIN_API_VERSION}.0 or later`);
  return { ...ok({ ...connection, apiVersion }), apiUsage: listed.apiUsage };
}

/** The session's user and org (`/services/oauth2/userinfo`). */
export async function readOrgUser(connection: OrgConnection): Promise<OrgCall<OrgUser>> {
  const answer = await send(connection, {
    method: 'GET',
    path: '/services/oauth2/userinfo',
    aboutScoresObject: false,
  });
  if (!answer.ok) return answer;
  const info = answer.value as Record<string, unknown> | null;
  const fields = ['user_id', 'organization_id', 'name', 'email'].map((key) => info?.[key]);
  if (!fields.every((value) => typeof value === 'string')) return shapeError(answer.apiUsage, 'user info');
  const [userId, orgId, name, email] = fields as string[];
  return { ...ok({ userId: userId!, orgId: orgId!, name: name!, email: email! }), apiUsage: answer.apiUsage };
}

/** The scores object's field names as the org describes them; `not-deployed` when it is missing. */
export async function describeScoresObject(connection: VersionedConnection): Promise<OrgCall<string[]>> {
  const answer = await send(connection, {
    method: 'GET',
    path: `/services/data/v${connection.apiVersion}/sobjects/${SCORE_OBJECT}/describe`,
    aboutScoresObject: true,
  });
  if (!answer.ok) return answer;
  const fields = (answer.value as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields)) return shapeError(answer.apiUsage, 'object description');
  const names = fields
    .map((field: unknown) => (field as { name?: unknown } | null)?.name)
    .filter((name): name is string => typeof name === 'string');
  return { ...ok(names), apiUsage: answer.apiUsage };
}

/** Runs a SOQL query and follows `nextRecordsUrl` until done (or `maxRecords`), returning the records. */
export async function queryAll(
  connection: VersionedConnection,
  soql: string,
  options: { aboutScoresObject: boolean; maxRecords?: number },
): Promise<OrgCall<Record<string, unknown>[]>> {
  const records: Record<string, unknown>[] = [];
  let path: string | null = `/services/data/v${connection.apiVersion}/query?q=${encodeURIComponent(soql)}`;
  let apiUsage: ApiUsage | null = null;
  while (path) {
    const page = await send(connection, {
      method: 'GET',
      path,
      aboutScoresObject: options.aboutScoresObject,
    });
    apiUsage = page.apiUsage ?? apiUsage;
    if (!page.ok) return { ...page, apiUsage };
    const body = page.value as { records?: unknown; done?: unknown; nextRecordsUrl?: unknown } | null;
    if (!Array.isArray(body?.records)) return shapeError(apiUsage, 'query result');
    records.push(...(body.records as Record<string, unknown>[]));
    const next = body.nextRecordsUrl;
    const more = body.done === false && typeof next === 'string' && next.startsWith('/services/data/');
    path = more && records.length < (options.maxRecords ?? Infinity) ? next : null;
  }
  return { ...ok(records), apiUsage };
}

/** Upserts up to 200 score records by Score_Key__c (allOrNone false): one outcome per record, in order. */
export async function upsertScoreRecords(
  connection: VersionedConnection,
  records: readonly OrgScoreRecord[],
): Promise<OrgCall<UpsertOutcome[]>> {
  if (records.length === 0 || records.length > MAX_UPSERT_BATCH) {
    throw new RangeError(`upsert takes 1 to ${MAX_UPSERT_BATCH} records, got ${records.length}`);
  }
  const answer = await send(connection, {
    method: 'PATCH',
    path: `/services/data/v${connection.apiVersion}/composite/sobjects/${SCORE_OBJECT}/${SCORE_KEY_FIELD}`,
    body: { allOrNone: false, records },
    aboutScoresObject: true,
  });
  if (!answer.ok) return answer;
  const results = answer.value;
  if (!Array.isArray(results) || results.length !== records.length) {
    return shapeError(answer.apiUsage, 'one result per record');
  }
  const outcomes = results.map((result: unknown, index): UpsertOutcome => {
    const scoreKey = String(records[index]![SCORE_KEY_FIELD]);
    const item = (result ?? {}) as { id?: unknown; success?: unknown; created?: unknown; errors?: unknown };
    if (item.success === true && typeof item.id === 'string') {
      return { scoreKey, ok: true, orgRecordId: item.id, created: item.created === true };
    }
    const errors = Array.isArray(item.errors) ? (item.errors as Record<string, unknown>[]) : [];
    return {
      scoreKey,
      ok: false,
      errors: errors.map((error) => ({
        statusCode: typeof error.statusCode === 'string' ? error.statusCode : 'UNKNOWN_ERROR',
        message: typeof error.message === 'string' ? error.message : '',
        fields: Array.isArray(error.fields) ? error.fields.filter((f) => typeof f === 'string') : [],
      })),
    };
  });
  return { ...ok(outcomes), apiUsage: answer.apiUsage };
}
