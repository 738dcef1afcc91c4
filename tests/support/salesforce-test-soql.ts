/** The SOQL the test org understands: what the client sends, nothing more. */
export interface ParsedSoql {
  fields: string[];
  object: string;
  where: { field: string; values: string[] } | null;
  limit: number | null;
}

const SOQL =
  /^SELECT\s+(.+?)\s+FROM\s+([A-Za-z][A-Za-z0-9_]*)(?:\s+WHERE\s+([A-Za-z][A-Za-z0-9_.]*)\s*(?:=\s*'([^']*)'|IN\s*\(([^)]*)\)))?(?:\s+LIMIT\s+(\d+))?\s*$/i;

/** Parses the client's SOQL shapes, or returns null (the org answers MALFORMED_QUERY). */
export function parseSoql(soql: string): ParsedSoql | null {
  const match = SOQL.exec(soql.trim());
  if (!match) return null;
  const [, fieldList, object, whereField, equalsValue, inList, limit] = match;
  const fields = fieldList!.split(',').map((field) => field.trim());
  if (fields.some((field) => !/^[A-Za-z][A-Za-z0-9_.]*$/.test(field))) return null;
  let where: ParsedSoql['where'] = null;
  if (whereField && equalsValue !== undefined) where = { field: whereField, values: [equalsValue] };
  if (whereField && inList !== undefined) {
    const values = inList.split(',').map((value) => /^\s*'([^']*)'\s*$/.exec(value)?.[1]);
    if (values.some((value) => value === undefined)) return null;
    where = { field: whereField, values: values as string[] };
  }
  return { fields, object: object!, where, limit: limit ? Number(limit) : null };
}
