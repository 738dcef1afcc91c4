import { parseSoql, type ParsedSoql } from './salesforce-test-soql';
import { OPPORTUNITY_FIELDS, OPPORTUNITY_PARENTS, TEST_OPPORTUNITIES } from './salesforce-test-org';

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
  /** The score rows sharing lets this user see. */
  scoreRows: Record<string, unknown>[];
}

const SCORE_OBJECT = 'Yardstick_Score__c';
const error = (status: number, errorCode: string, message: string): QueryAnswer => ({
  status,
  body: [{ message, errorCode }],
});

/** SOQL over the fixture opportunities and stored scores, with query locators for paging. */
export function createQueryEngine() {
  const cursors = new Map<string, { records: Record<string, unknown>[]; batch: number }>();
  let nextCursor = 1;

  const pageOut = (
    basePath: string,
    records: Record<string, unknown>[],
    offset: number,
    batch: number,
  ): QueryAnswer => {
    const done = offset + batch >= records.length;
    let nextRecordsUrl: string | undefined;
    if (!done) {
      const cursor = `01g5g00000Cur${String(nextCursor++).padStart(3, '0')}`;
      cursors.set(cursor, { records, batch });
      nextRecordsUrl = `${basePath}/query/${cursor}-${offset + batch}`;
    }
    return {
      status: 200,
      body: {
        totalSize: records.length,
        done,
        ...(nextRecordsUrl ? { nextRecordsUrl } : {}),
        records: records.slice(offset, offset + batch),
      },
    };
  };

  return {
    /** Answers `GET …/query?q=`. */
    query(text: string, scope: QueryScope): QueryAnswer {
      const soql = parseSoql(text);
      if (!soql) return error(400, 'MALFORMED_QUERY', 'unexpected token');
      let rows: Record<string, unknown>[];
      let known: string[];
      if (soql.object === 'Opportunity') {
        known = [...OPPORTUNITY_FIELDS, ...(scope.multiCurrency ? ['CurrencyIsoCode'] : [])];
        rows = Object.values(TEST_OPPORTUNITIES);
      } else if (soql.object === SCORE_OBJECT && scope.scoreFields) {
        known = scope.scoreFields;
        rows = scope.scoreRows;
      } else {
        return error(400, 'INVALID_TYPE', `sObject type '${soql.object}' is not supported.`);
      }
      const knownLower = new Set(known.map((field) => field.toLowerCase()));
      for (const field of [...soql.fields, ...(soql.where ? [soql.where.field] : [])]) {
        const [parent, child] = field.split('.');
        const exists = child
          ? soql.object === 'Opportunity' && parent! in OPPORTUNITY_PARENTS && /^(Name|Id)$/.test(child)
          : knownLower.has(field.toLowerCase());
        if (!exists) {
          return error(
            400,
            'INVALID_FIELD',
            `${soql.fields.join(', ')}\n ^\nERROR at Row:1:Column:8\nNo such column '${field}' on entity '${soql.object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name.`,
          );
        }
      }
      if (soql.where) {
        const { field, values } = soql.where;
        rows = rows.filter((row) => values.includes(String(row[field])));
      }
      if (soql.limit !== null) rows = rows.slice(0, soql.limit);
      const records = rows.map((row) => selectFrom(row, soql));
      const asked = /batchSize=(\d+)/.exec(scope.queryOptions)?.[1];
      return pageOut(scope.basePath, records, 0, Math.min(2000, Math.max(200, Number(asked ?? 2000))));
    },
    /** Answers `GET …/query/<locator>-<offset>`. */
    more(path: string): QueryAnswer {
      const [, cursor, offset] = /\/query\/([^/-]+)-(\d+)$/.exec(path) ?? [];
      const stored = cursor ? cursors.get(cursor) : undefined;
      if (!stored) return error(400, 'INVALID_QUERY_LOCATOR', 'invalid query locator');
      return pageOut(path.replace(/\/query\/[^/]+$/, ''), stored.records, Number(offset), stored.batch);
    },
  };
}

function selectFrom(row: Record<string, unknown>, soql: ParsedSoql): Record<string, unknown> {
  const record: Record<string, unknown> = {
    attributes: { type: soql.object, url: `/services/data/v62.0/sobjects/${soql.object}/${String(row.Id)}` },
  };
  for (const field of soql.fields) {
    const [parent, child] = field.split('.');
    if (child && parent) {
      const relation = OPPORTUNITY_PARENTS[parent]!;
      const parentId = row[relation.idField];
      const parentRow = typeof parentId === 'string' ? relation.records[parentId] : undefined;
      record[parent] = parentRow
        ? { attributes: { type: relation.type }, [child]: parentRow[child] ?? null }
        : null;
    } else {
      record[field] = row[field] ?? null;
    }
  }
  return record;
}
