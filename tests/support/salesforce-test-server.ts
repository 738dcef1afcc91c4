import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { readMetadataFile, readScoreObjectFields } from './force-app-metadata';
import { createBulkJobs, type BulkSettings } from './salesforce-test-bulk';
import { createQueryEngine, type QueryScope } from './salesforce-test-query';
import {
  TEST_OPPORTUNITIES,
  TEST_ROLES,
  TEST_SESSIONS,
  TEST_USERS,
  type TestOrgSession,
} from './salesforce-test-org';
import { createTestOAuth, type TestOAuth } from './salesforce-test-oauth';
import {
  concatRows,
  filterRows,
  syntheticScores,
  type RowList,
  type SyntheticScores,
} from './salesforce-test-synthetic';

/** A failure the test org can be switched into. */
export type OrgFailure =
  | 'expired-session'
  | 'api-access-control'
  | 'api-disabled-for-org'
  | 'api-currently-disabled'
  | 'request-limit'
  | 'not-deployed'
  | 'login-page'
  | 'server-error'
  | 'slow'
  | 'redirect'
  | 'drop-connection';

/** One stored score record of the test org. */
export interface StoredScore {
  Id: string;
  OwnerId: string;
  /** Set by the org on every write (`2026-12-01T00:00:01.000+0000`). */
  SystemModstamp: string;
  /** In the recycle bin: only `queryAll` (REST resource or Bulk operation) still returns it. */
  IsDeleted?: boolean;
  fields: Record<string, unknown>;
}

/** A Salesforce REST look-alike on 127.0.0.1 over HTTP and HTTPS, answering for any Host. */
export interface SalesforceTestServer {
  httpOrigin: string;
  httpsOrigin: string;
  httpsPort: number;
  /** Switches a failure on for every call (`times` omitted) or for the next `times` calls. */
  fail(failure: OrgFailure, times?: number): void;
  clearFailures(): void;
  /** How long a 'slow' answer waits. */
  slowMs: number;
  /** Multi-currency orgs have Opportunity.CurrencyIsoCode. */
  multiCurrency: boolean;
  apiUsage: { used: number; limit: number };
  /** Refuses one score key with this per-record error on upsert. */
  refuseRecord(scoreKey: string, error: { statusCode: string; message: string; fields: string[] }): void;
  sessions: TestOrgSession[];
  /** API Access Control: browser sessions (`sessions`) are refused, the connected app's tokens accepted. */
  apiAccessControl: boolean;
  /** The connected app's authorize and token endpoints (salesforce-test-oauth.ts). */
  oauth: TestOAuth;
  /** Stored scores by Score_Key__c. */
  scores: Map<string, StoredScore>;
  upserts: { created: number; updated: number };
  /** Each collections upsert answered, in order: when (epoch ms) and the score keys it carried. */
  upsertLog: { at: number; scoreKeys: string[] }[];
  /** Calls per route (`GET versions`, `PATCH upsert`…). */
  calls: Map<string, number>;
  /** The org's opportunities by id (a copy of TEST_OPPORTUNITIES with SystemModstamp), editable. */
  opportunities: Record<string, Record<string, unknown>>;
  /** Stores a score as if its owner had saved it (fixtures, benchmarks): no call counted. */
  putScore(ownerId: string, fields: Record<string, unknown>): StoredScore;
  /** Closes a deal, as a rep would in the org: moves its SystemModstamp. */
  closeDeal(opportunityId: string, won: boolean): void;
  /** Deletes a score as a user would in the org: to the recycle bin, its SystemModstamp moved. */
  deleteScore(scoreKey: string): void;
  /** Page sizes the query resource hands out in turn, whatever the client asked; null: as asked. */
  batchSizes: number[] | null;
  /** The next `times` query locators followed are expired (INVALID_QUERY_LOCATOR). */
  expireLocators(times: number): void;
  /** Bulk API 2.0 query jobs: polls before completion, and a failure for the next job. */
  bulk: BulkSettings;
  /**
   * Who sees which `User` records: `public` (the default org-wide default, Public Read Only) or
   * `hierarchy` (Private: a user sees themself and the users above and below their role).
   */
  userSharing: 'public' | 'hierarchy';
  /** Each Bulk query job's state by id (`Aborted` after a cancel). */
  bulkJobStates(): Map<string, string>;
  /**
   * Adds `count` scores of the manager's team computed from their index (benchmarks: a million rows
   * cost no memory until a page is read), with their opportunities. Returns the source, to touch rows.
   */
  useSyntheticScores(count: number): SyntheticScores;
  close(): Promise<void>;
}

const SCORE_OBJECT = 'Yardstick_Score__c';
const SCORE_KEY = 'Score_Key__c';
const JSON_TYPE = 'application/json;charset=UTF-8';
const STANDARD_SCORE_FIELDS = [
  'Id',
  'OwnerId',
  'Name',
  'CreatedById',
  'CreatedDate',
  'LastModifiedDate',
  'SystemModstamp',
  'IsDeleted',
];
const VERSIONS = ['45.0', '46.0', '47.0', '61.0', '62.0'];
const LOGIN_PAGE =
  '<!DOCTYPE html><html><head><title>Login | Salesforce</title></head><body><form id="login_form"></form></body></html>';

/** Starts the test org on free loopback ports (HTTP and HTTPS with a fresh self-signed cert); close it after. */
export async function startSalesforceTestServer(): Promise<SalesforceTestServer> {
  const declared = readScoreObjectFields();
  const writable = new Set(declared.map((field) => field.name.toLowerCase()));
  const describeNames = [...STANDARD_SCORE_FIELDS, ...declared.map((field) => field.name)];
  const repSet = readMetadataFile('permissionsets/Yardstick_Rep.permissionset-meta.xml');
  if (!repSet.ok) throw new Error(repSet.error);
  const repObjectPermissions = (repSet.file.content.objectPermissions as Record<string, string>[])[0]!;
  const repMayEdit = repObjectPermissions.allowEdit === 'true';

  const failures = new Map<OrgFailure, number>();
  const refused = new Map<string, { statusCode: string; message: string; fields: string[] }>();
  const queries = createQueryEngine();
  const bulkSettings: BulkSettings = { pollsBeforeComplete: 1, failNextJob: null };
  const bulkJobs = createBulkJobs(bulkSettings);
  // The org's clock: every write moves it one second, so modstamps are distinct whole seconds.
  let clock = Date.parse('2026-12-01T00:00:00Z');
  const stamp = () => new Date((clock += 1000)).toISOString().replace('Z', '+0000');
  const opportunities: Record<string, Record<string, unknown>> = Object.fromEntries(
    Object.entries(TEST_OPPORTUNITIES).map(([id, row]) => [
      id,
      { ...row, SystemModstamp: row.LastModifiedDate },
    ]),
  );
  const timers = new Set<NodeJS.Timeout>();
  let nextRecord = 1;
  let synthetic: SyntheticScores | null = null;

  const state: SalesforceTestServer = {
    httpOrigin: '',
    httpsOrigin: '',
    httpsPort: 0,
    fail: (failure, times = Infinity) => void failures.set(failure, times),
    clearFailures: () => failures.clear(),
    slowMs: 5000,
    multiCurrency: true,
    apiUsage: { used: 0, limit: 15000 },
    refuseRecord: (scoreKey, error) => void refused.set(scoreKey, error),
    sessions: [...TEST_SESSIONS],
    apiAccessControl: false,
    oauth: createTestOAuth(TEST_SESSIONS[0]!),
    scores: new Map(),
    upserts: { created: 0, updated: 0 },
    upsertLog: [],
    calls: new Map(),
    opportunities,
    putScore: (ownerId, fields) => {
      const key = String(fields[SCORE_KEY]);
      const stored: StoredScore = {
        Id: `a0X5g0${String(nextRecord++).padStart(9, '0')}AAA`,
        OwnerId: ownerId,
        SystemModstamp: stamp(),
        fields,
      };
      state.scores.set(key, stored);
      return stored;
    },
    closeDeal: (opportunityId, won) => {
      const deal = opportunities[opportunityId];
      if (!deal) throw new Error(`no opportunity ${opportunityId}`);
      Object.assign(deal, {
        IsClosed: true,
        IsWon: won,
        StageName: won ? 'Closed Won' : 'Closed Lost',
        SystemModstamp: stamp(),
      });
    },
    deleteScore: (scoreKey) => {
      const score = state.scores.get(scoreKey);
      if (!score) throw new Error(`no score ${scoreKey}`);
      Object.assign(score, { IsDeleted: true, SystemModstamp: stamp() });
    },
    batchSizes: null,
    expireLocators: (times) => queries.expireLocators(times),
    bulk: bulkSettings,
    bulkJobStates: () => bulkJobs.states(),
    userSharing: 'public',
    useSyntheticScores: (count) => {
      synthetic = syntheticScores(count);
      for (let deal = 0; deal < synthetic.dealCount; deal++) {
        const opportunity = synthetic.opportunity(deal);
        opportunities[String(opportunity.Id)] = opportunity;
      }
      return synthetic;
    },
    close: async () => {},
  };

  const failing = (failure: OrgFailure): boolean => {
    const left = failures.get(failure) ?? 0;
    if (left <= 0) return false;
    failures.set(failure, left - 1);
    return true;
  };

  const send = (
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    response.writeHead(status, {
      'Content-Type': JSON_TYPE,
      'Sforce-Limit-Info': `api-usage=${state.apiUsage.used}/${state.apiUsage.limit}`,
      ...headers,
    });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const sendError = (
    response: ServerResponse,
    status: number,
    errorCode: string,
    message: string,
    fields?: string[],
  ) => send(response, status, [{ message, errorCode, ...(fields ? { fields } : {}) }]);

  const routeOf = (method: string, path: string): string => {
    if (path === '/services/data/' || path === '/services/data') return 'versions';
    if (path === '/services/oauth2/userinfo') return 'userinfo';
    if (path === '/services/oauth2/authorize') return 'authorize';
    if (path === '/services/oauth2/token') return 'token';
    if (/^\/services\/data\/v\d+\.\d\/sobjects\/[^/]+\/describe\/?$/.test(path)) return 'describe';
    if (/^\/services\/data\/v\d+\.\d\/query\/?$/.test(path)) return 'query';
    if (/^\/services\/data\/v\d+\.\d\/queryAll\/?$/.test(path)) return 'query-all';
    if (/^\/services\/data\/v\d+\.\d\/query\/[^/]+$/.test(path)) return 'query-more';
    if (method === 'POST' && /^\/services\/data\/v\d+\.\d\/jobs\/query\/?$/.test(path)) return 'bulk-create';
    if (/^\/services\/data\/v\d+\.\d\/jobs\/query\/[^/]+$/.test(path)) return 'bulk-job';
    if (/^\/services\/data\/v\d+\.\d\/jobs\/query\/[^/]+\/results$/.test(path)) return 'bulk-results';
    if (method === 'PATCH' && /^\/services\/data\/v\d+\.\d\/composite\/sobjects\/[^/]+\/[^/]+$/.test(path))
      return 'upsert';
    return 'other';
  };

  const visibleScores = (session: TestOrgSession, includeDeleted: boolean) =>
    [...state.scores.values()].filter(
      (score) =>
        (includeDeleted || !score.IsDeleted) &&
        (session.viewAll || score.OwnerId === session.userId || session.team.includes(score.OwnerId)),
    );

  const visibleSynthetic = (session: TestOrgSession): RowList => {
    if (!synthetic) return [];
    const sees = (ownerId: string) =>
      session.viewAll || ownerId === session.userId || session.team.includes(ownerId);
    if (synthetic.ownerIds.every(sees)) return synthetic;
    return filterRows(synthetic, (row) => sees(String(row.OwnerId)));
  };

  const scopeOf = (
    basePath: string,
    queryOptions: string,
    session: TestOrgSession,
    includeDeleted = false,
  ): QueryScope => ({
    basePath,
    queryOptions,
    multiCurrency: state.multiCurrency,
    scoreFields: failures.has('not-deployed') ? null : describeNames,
    scoreRows: concatRows(
      visibleScores(session, includeDeleted).map((score) => ({
        Id: score.Id,
        OwnerId: score.OwnerId,
        SystemModstamp: score.SystemModstamp,
        IsDeleted: score.IsDeleted ?? false,
        ...score.fields,
      })),
      visibleSynthetic(session),
    ),
    opportunities,
    users: Object.fromEntries([
      ...TEST_USERS.map((user) => [user.Id, { Id: user.Id, Name: user.Name }]),
      ...state.sessions.map((user) => [user.userId, { Id: user.userId, Name: user.name }]),
    ]),
    batchSizes: state.batchSizes,
    roles: TEST_ROLES,
    roleUsers: visibleUsers(session),
  });

  const visibleUsers = (session: TestOrgSession) => {
    if (state.userSharing === 'public') return TEST_USERS;
    const parentOf = new Map(TEST_ROLES.map((role) => [role.Id, role.ParentRoleId]));
    const above = (roleId: unknown, other: unknown): boolean => {
      for (let at = parentOf.get(other); at; at = parentOf.get(at)) if (at === roleId) return true;
      return false;
    };
    const own = TEST_USERS.find((user) => user.Id === session.userId)?.UserRoleId;
    return TEST_USERS.filter(
      (user) => user.Id === session.userId || above(own, user.UserRoleId) || above(user.UserRoleId, own),
    );
  };

  const answerQuery = (
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
    session: TestOrgSession,
  ) => {
    const scope = scopeOf(
      url.pathname.replace(/\/query(?:All)?\/?$/, ''),
      String(request.headers['sforce-query-options'] ?? ''),
      session,
      /\/queryAll\/?$/.test(url.pathname),
    );
    const answer = queries.query(url.searchParams.get('q') ?? '', scope);
    send(response, answer.status, answer.body);
  };

  const answerBulk = async (
    request: IncomingMessage,
    response: ServerResponse,
    route: string,
    url: URL,
    session: TestOrgSession,
  ) => {
    const [, version, jobId] =
      /^\/services\/data\/v(\d+\.\d)\/jobs\/query(?:\/([^/]+))?/.exec(url.pathname) ?? [];
    let answer;
    if (route === 'bulk-create') {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(request));
      } catch {
        return sendError(response, 400, 'JSON_PARSER_ERROR', 'Unexpected character');
      }
      const includeDeleted = (body as { operation?: unknown } | null)?.operation === 'queryAll';
      const scope = scopeOf(`/services/data/v${version}`, '', session, includeDeleted);
      answer = bulkJobs.create(version!, session.userId, body, (soql) => queries.select(soql, scope));
    } else if (route === 'bulk-job' && request.method === 'PATCH') {
      let body: unknown;
      try {
        body = JSON.parse(await readBody(request));
      } catch {
        return sendError(response, 400, 'JSON_PARSER_ERROR', 'Unexpected character');
      }
      answer = bulkJobs.abort(jobId!, session.userId, body);
    } else if (route === 'bulk-job') answer = bulkJobs.poll(jobId!, session.userId);
    else answer = bulkJobs.results(jobId!, session.userId, version!, url.searchParams);
    if (answer.csv === undefined) return send(response, answer.status, answer.body);
    response.writeHead(answer.status, {
      'Content-Type': 'text/csv',
      'Sforce-Limit-Info': `api-usage=${state.apiUsage.used}/${state.apiUsage.limit}`,
      ...answer.headers,
    });
    response.end(answer.csv);
  };

  const answerUpsert = async (
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    session: TestOrgSession,
  ) => {
    const [, object, keyField] = /\/composite\/sobjects\/([^/]+)\/([^/]+)$/.exec(path) ?? [];
    if (object !== SCORE_OBJECT || failures.has('not-deployed')) {
      return sendError(response, 404, 'NOT_FOUND', 'The requested resource does not exist');
    }
    if (keyField !== SCORE_KEY)
      return sendError(response, 400, 'INVALID_FIELD', `Field ${keyField} is not an external id`);
    let body: { allOrNone?: unknown; records?: unknown };
    try {
      body = JSON.parse(await readBody(request)) as typeof body;
    } catch {
      return sendError(response, 400, 'JSON_PARSER_ERROR', 'Unexpected character');
    }
    const records = body.records;
    if (!Array.isArray(records) || records.length === 0 || records.length > 200) {
      return sendError(response, 400, 'INVALID_FIELD', 'records must hold 1 to 200 records');
    }
    // The org reads every record before writing any: an unknown field fails the whole request.
    for (const record of records as Record<string, unknown>[]) {
      for (const field of Object.keys(record)) {
        if (field !== 'attributes' && !writable.has(field.toLowerCase())) {
          return sendError(
            response,
            400,
            'INVALID_FIELD',
            `No such column '${field}' on sobject of type ${SCORE_OBJECT}`,
          );
        }
      }
    }
    const results = (records as Record<string, unknown>[]).map((record) => {
      const key = record[SCORE_KEY];
      if (typeof key !== 'string' || key === '') {
        return {
          success: false,
          errors: [
            {
              statusCode: 'REQUIRED_FIELD_MISSING',
              message: `Required fields are missing: [${SCORE_KEY}]`,
              fields: [SCORE_KEY],
            },
          ],
        };
      }
      const refusal = refused.get(key);
      if (refusal) return { success: false, errors: [refusal] };
      const { attributes: _attributes, ...fields } = record;
      const existing = state.scores.get(key);
      if (existing) {
        if (!repMayEdit && !session.viewAll) {
          return {
            success: false,
            errors: [
              {
                statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
                message: 'insufficient access rights on object id',
                fields: [],
              },
            ],
          };
        }
        existing.fields = { ...existing.fields, ...fields };
        existing.SystemModstamp = stamp();
        state.upserts.updated++;
        return { id: existing.Id, success: true, errors: [], created: false };
      }
      const id = `a0X5g00000${String(nextRecord++).padStart(5, '0')}AAA`;
      state.scores.set(key, { Id: id, OwnerId: session.userId, SystemModstamp: stamp(), fields });
      state.upserts.created++;
      return { id, success: true, errors: [], created: true };
    });
    state.upsertLog.push({
      at: Date.now(),
      scoreKeys: (records as Record<string, unknown>[]).map((record) => String(record[SCORE_KEY])),
    });
    send(response, 200, results);
  };

  const answer = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://org.invalid');
    const method = request.method ?? 'GET';
    const route = routeOf(method, url.pathname);
    state.calls.set(`${method} ${route}`, (state.calls.get(`${method} ${route}`) ?? 0) + 1);
    if (failing('slow')) await new Promise<void>((resolve) => timers.add(setTimeout(resolve, state.slowMs)));
    if (response.destroyed) return;
    if (failing('drop-connection')) {
      response.writeHead(200, { 'Content-Type': JSON_TYPE, 'Content-Length': '1000' });
      response.write('[{"id":"a0X');
      response.socket?.destroy();
      return;
    }
    if (failing('redirect')) {
      response.writeHead(302, {
        Location: `https://login.salesforce.com/?startURL=${encodeURIComponent(url.pathname)}`,
      });
      return response.end();
    }
    if (failing('login-page')) {
      response.writeHead(200, { 'Content-Type': 'text/html;charset=UTF-8' });
      return response.end(LOGIN_PAGE);
    }
    if (state.oauth.handles(url.pathname)) return state.oauth.answer(request, response, url);
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const oauthSession = state.oauth.sessionOf(token);
    const browserSession = state.sessions.find((candidate) => candidate.token === token);
    const session = browserSession ?? oauthSession;
    if (route === 'userinfo' && (!session || failing('expired-session'))) {
      response.writeHead(403, { 'Content-Type': 'text/plain' });
      return response.end('Bad_OAuth_Token');
    }
    if (!session || failing('expired-session'))
      return sendError(response, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
    if (failing('api-access-control') || (state.apiAccessControl && !oauthSession)) {
      return sendError(
        response,
        401,
        'INVALID_SESSION_ID',
        'This session is not valid for use with the REST API',
      );
    }
    if (failing('api-disabled-for-org')) {
      return sendError(
        response,
        403,
        'API_DISABLED_FOR_ORG',
        'The REST API is not enabled for this Organization.',
      );
    }
    if (failing('api-currently-disabled'))
      return sendError(response, 403, 'API_CURRENTLY_DISABLED', 'API is disabled for this User');
    if (failing('request-limit') || state.apiUsage.used >= state.apiUsage.limit) {
      return sendError(response, 403, 'REQUEST_LIMIT_EXCEEDED', 'TotalRequests Limit exceeded.');
    }
    if (failing('server-error')) {
      return sendError(
        response,
        500,
        'UNKNOWN_EXCEPTION',
        'An unexpected error occurred. Please include this ErrorId if you contact support: 1234-5678 (-1)',
      );
    }
    state.apiUsage.used++;
    switch (route) {
      case 'versions':
        return send(
          response,
          200,
          VERSIONS.map((version) => ({ label: `v${version}`, url: `/services/data/v${version}`, version })),
        );
      case 'userinfo':
        return send(response, 200, {
          sub: `https://login.salesforce.com/id/${session.orgId}/${session.userId}`,
          user_id: session.userId,
          organization_id: session.orgId,
          preferred_username: session.email,
          name: session.name,
          email: session.email,
        });
      case 'describe': {
        const object = /\/sobjects\/([^/]+)\/describe/.exec(url.pathname)?.[1];
        if (object !== SCORE_OBJECT || failures.has('not-deployed')) {
          return sendError(response, 404, 'NOT_FOUND', 'The requested resource does not exist');
        }
        return send(response, 200, {
          name: SCORE_OBJECT,
          createable: true,
          fields: describeNames.map((name) => ({ name })),
        });
      }
      case 'query':
      case 'query-all':
        return answerQuery(request, response, url, session);
      case 'query-more': {
        const answer = queries.more(url.pathname);
        return send(response, answer.status, answer.body);
      }
      case 'upsert':
        return answerUpsert(request, response, url.pathname, session);
      case 'bulk-create':
      case 'bulk-job':
      case 'bulk-results':
        return answerBulk(request, response, route, url, session);
      default:
        return sendError(response, 404, 'NOT_FOUND', 'The requested resource does not exist');
    }
  };

  const handler = (request: IncomingMessage, response: ServerResponse) => {
    answer(request, response).catch((error: unknown) => {
      if (!response.headersSent) sendError(response, 500, 'TEST_SERVER_BUG', String(error));
    });
  };
  const pems = await selfSignedCertificate();
  const http = createHttpServer(handler);
  const https = createHttpsServer({ key: pems.private, cert: pems.cert }, handler);
  const listen = (server: Server) =>
    new Promise<number>((resolve) =>
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
    );
  const httpPort = await listen(http);
  state.httpsPort = await listen(https);
  state.httpOrigin = `http://127.0.0.1:${httpPort}`;
  state.httpsOrigin = `https://127.0.0.1:${state.httpsPort}`;
  state.close = async () => {
    for (const timer of timers) clearTimeout(timer);
    for (const server of [http, https]) server.closeAllConnections();
    await Promise.all([http, https].map((server) => new Promise((resolve) => server.close(resolve))));
  };
  return state;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

let certificate: ReturnType<typeof generate> | undefined;

// One key pair per test process: RSA generation is the slowest part of starting a server.
function selfSignedCertificate(): ReturnType<typeof generate> {
  certificate ??= generate([{ name: 'commonName', value: 'my.salesforce.com' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: '*.my.salesforce.com' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return certificate;
}
