import { conditionFields, meetsCondition, parseSoql, type ParsedSoql } from './salesforce-test-soql';
import { OPPORTUNITY_FIELDS, OPPORTUNITY_PARENTS } from './salesforce-test-org';
import { filterRows, sliceRows, type RowList } from './salesforce-test-synthetic';

/** An answer of the query resource: status and JSON body. */
export interface QueryAnswer {
  status: number;
  body: unknown;
}

/** What one query may see of the test org. */
export interface QueryScope {
  /** `/services/data/vXX.X`, for the nextRecordsUrl. */
  basePath: string;
  /** The `Sforce-Query-Options` header (`batchSize=…`). */
  queryOptions: string;
  multiCurrency: boolean;
  /** The scores object's fields, or null when it is not deployed. */
  scoreFields: string[] | null;
  /** The score rows sharing lets this user see (an array, or a synthetic source read lazily). */
  scoreRows: RowList;
  /** The org's opportunities by id. */
  opportunities: Record<string, Record<string, unknown>>;
  /** Users by id (`Owner.Name`). */
  users: Record<string, Record<string, unknown>>;
  /** Page sizes the org hands out in turn, whatever the client asked (batch sizes are not guaranteed). */
  batchSizes: number[] | null;
  /** `UserRole` rows (the role hierarchy). */
  roles?: Record<string, unknown>[];
  /** `User` rows sharing lets this user see. */
  roleUsers?: Record<string, unknown>[];
}

/** The rows a query selected, and how to read a field path of one. */
export interface Selection {
  soql: ParsedSoql;
  /** Read lazily: a million synthetic rows are built a page at a time. */
  rows: RowList;
  valueOf: (row: Record<string, unknown>, path: string) => unknown;
  /** The record as the REST API nests it. */
  recordOf: (row: Record<string, unknown>) => Record<string, unknown>;
}

interface ObjectSchema {
  type: string;
  fields: Set<string>;
  parents: Record<
    string,
    {
      idField: string;
      schema: () => ObjectSchema;
      lookup: (id: string) => Record<string, unknown> | undefined;
    }
  >;
}

const SCORE_OBJECT = 'Yardstick_Score__c';
const error = (status: number, errorCode: string, message: string): QueryAnswer => ({
  status,
  body: [{ message, errorCode }],
});

/** SOQL over the test org's opportunities and stored scores, with query locators for paging. */
export function createQueryEngine() {
  const cursors = new Map<
    string,
    { rows: RowList; recordOf: (row: Record<string, unknown>) => Record<string, unknown>; sizes: number[] }
  >();
  let nextCursor = 1;
  let expireNext = 0;

  const pageOut = (
    basePath: string,
    rows: RowList,
    recordOf: (row: Record<string, unknown>) => Record<string, unknown>,
    offset: number,
    sizes: number[],
    page: number,
  ): QueryAnswer => {
    const batch = sizes[page % sizes.length]!;
    const done = offset + batch >= rows.length;
    let nextRecordsUrl: string | undefined;
    if (!done) {
      const cursor = `01g5g00000Cur${String(nextCursor++).padStart(3, '0')}`;
      cursors.set(cursor, { rows, recordOf, sizes });
      nextRecordsUrl = `${basePath}/query/${cursor}-${offset + batch}`;
    }
    return {
      status: 200,
      body: {
        totalSize: rows.length,
        done,
        ...(nextRecordsUrl ? { nextRecordsUrl } : {}),
        records: sliceRows(rows, offset, offset + batch).map(recordOf),
      },
    };
  };

  const schemas = (scope: QueryScope) => {
    const user: ObjectSchema = {
      type: 'User',
      fields: new Set(['id', 'name', 'userroleid', 'isactive']),
      parents: {},
    };
    const role: ObjectSchema = {
      type: 'UserRole',
      fields: new Set(['id', 'name', 'parentroleid']),
      parents: {},
    };
    const campaign: ObjectSchema = { type: 'Campaign', fields: new Set(['id', 'name']), parents: {} };
    const opportunity: ObjectSchema = {
      type: 'Opportunity',
      fields: new Set(
        [...OPPORTUNITY_FIELDS, 'SystemModstamp', ...(scope.multiCurrency ? ['CurrencyIsoCode'] : [])].map(
          (f) => f.toLowerCase(),
        ),
      ),
      parents: {
        Owner: { idField: 'OwnerId', schema: () => user, lookup: (id) => scope.users[id] },
        Campaign: {
          idField: 'CampaignId',
          schema: () => campaign,
          lookup: (id) => OPPORTUNITY_PARENTS.Campaign!.records[id],
        },
      },
    };
    const score: ObjectSchema = {
      type: SCORE_OBJECT,
      fields: new Set((scope.scoreFields ?? []).map((f) => f.toLowerCase())),
      parents: {
        Owner: { idField: 'OwnerId', schema: () => user, lookup: (id) => scope.users[id] },
        Opportunity__r: {
          idField: 'Opportunity__c',
          schema: () => opportunity,
          lookup: (id) => scope.opportunities[id],
        },
      },
    };
    return { opportunity, score, user, role };
  };

  // The schema a path ends in, or null when a part does not exist.
  const validPath = (schema: ObjectSchema, path: string): boolean => {
    const parts = path.split('.');
    let current = schema;
    for (const part of parts.slice(0, -1)) {
      const parent = current.parents[part];
      if (!parent) return false;
      current = parent.schema();
    }
    return current.fields.has(parts.at(-1)!.toLowerCase());
  };

  const valueOf =
    (schema: ObjectSchema) =>
    (row: Record<string, unknown>, path: string): unknown => {
      const parts = path.split('.');
      let current = schema;
      let record: Record<string, unknown> | undefined = row;
      for (const part of parts.slice(0, -1)) {
        const parent: ObjectSchema['parents'][string] = current.parents[part]!;
        const id: unknown = record?.[parent.idField];
        record = typeof id === 'string' ? parent.lookup(id) : undefined;
        current = parent.schema();
        if (!record) return null;
      }
      const last = parts.at(-1)!;
      if (Object.hasOwn(record, last)) return record[last] ?? null;
      const key = Object.keys(record).find((name) => name.toLowerCase() === last.toLowerCase());
      return key === undefined ? null : (record[key] ?? null);
    };

  const recordOf = (schema: ObjectSchema, soql: ParsedSoql) => (row: Record<string, unknown>) => {
    const record: Record<string, unknown> = {
      attributes: {
        type: schema.type,
        url: `/services/data/v62.0/sobjects/${schema.type}/${String(row.Id)}`,
      },
    };
    for (const field of soql.fields) {
      const parts = field.split('.');
      let target = record;
      let current = schema;
      let source: Record<string, unknown> | undefined = row;
      let missing = false;
      for (const part of parts.slice(0, -1)) {
        const parent: ObjectSchema['parents'][string] = current.parents[part]!;
        const id: unknown = source?.[parent.idField];
        source = typeof id === 'string' ? parent.lookup(id) : undefined;
        current = parent.schema();
        if (!source) {
          target[part] = null;
          missing = true;
          break;
        }
        target[part] ??= { attributes: { type: current.type } };
        target = target[part] as Record<string, unknown>;
      }
      if (!missing) target[parts.at(-1)!] = valueOf(current)(source!, parts.at(-1)!);
    }
    return record;
  };

  const engine = {
    /** Parses and runs a query: the selected rows, or the org's error answer. */
    select(text: string, scope: QueryScope): Selection | QueryAnswer {
      const soql = parseSoql(text);
      if (!soql) return error(400, 'MALFORMED_QUERY', 'unexpected token');
      const { opportunity, score, user, role } = schemas(scope);
      let schema: ObjectSchema;
      let rows: RowList;
      if (soql.object === 'Opportunity') {
        schema = opportunity;
        rows = Object.values(scope.opportunities);
      } else if (soql.object === 'UserRole') {
        schema = role;
        rows = scope.roles ?? [];
      } else if (soql.object === 'User') {
        schema = user;
        rows = scope.roleUsers ?? [];
      } else if (soql.object === SCORE_OBJECT && scope.scoreFields) {
        schema = score;
        rows = scope.scoreRows;
      } else {
        return error(400, 'INVALID_TYPE', `sObject type '${soql.object}' is not supported.`);
      }
      for (const field of [...soql.fields, ...conditionFields(soql.where)]) {
        if (!validPath(schema, field)) {
          return error(
            400,
            'INVALID_FIELD',
            `${soql.fields.join(', ')}\n ^\nERROR at Row:1:Column:8\nNo such column '${field}' on entity '${soql.object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`,
          );
        }
      }
      const read = valueOf(schema);
      if (soql.where) rows = filterRows(rows, (row) => meetsCondition(soql.where, (path) => read(row, path)));
      if (soql.limit !== null) rows = sliceRows(rows, 0, soql.limit);
      return { soql, rows, valueOf: read, recordOf: recordOf(schema, soql) };
    },
    /** Answers `GET …/query?q=`. */
    query(text: string, scope: QueryScope): QueryAnswer {
      const selection = engine.select(text, scope);
      if ('status' in selection) return selection;
      if (selection.soql.count)
        return { status: 200, body: { totalSize: selection.rows.length, done: true, records: [] } };
      const asked = /batchSize=(\d+)/.exec(scope.queryOptions)?.[1];
      const sizes = scope.batchSizes ?? [Math.min(2000, Math.max(200, Number(asked ?? 2000)))];
      return pageOut(scope.basePath, selection.rows, selection.recordOf, 0, sizes, 0);
    },
    /** Answers `GET …/query/<locator>-<offset>`; an expired locator answers INVALID_QUERY_LOCATOR. */
    more(path: string): QueryAnswer {
      const [, cursor, offset] = /\/query\/([^/-]+)-(\d+)$/.exec(path) ?? [];
      const stored = cursor ? cursors.get(cursor) : undefined;
      if (!stored || expireNext > 0) {
        if (stored) expireNext--;
        return error(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      }
      const pageIndex = pageOf(stored.sizes, Number(offset));
      return pageOut(
        path.replace(/\/query\/[^/]+$/, ''),
        stored.rows,
        stored.recordOf,
        Number(offset),
        stored.sizes,
        pageIndex,
      );
    },
    /** The next `times` locators followed are expired, as after 15 minutes idle. */
    expireLocators(times: number) {
      expireNext = times;
    },
  };
  return engine;
}

// Which page starts at this offset, when page sizes cycle through `sizes`.
function pageOf(sizes: number[], offset: number): number {
  let page = 0;
  let at = 0;
  while (at < offset) at += sizes[page++ % sizes.length]!;
  return page;
}
