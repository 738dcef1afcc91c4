/** A literal in a WHERE clause. */
export type SoqlLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'datetime'; value: number }
  | { kind: 'date'; value: string };

/** A WHERE clause as a tree. */
export type SoqlCondition =
  | { kind: 'and'; left: SoqlCondition; right: SoqlCondition }
  | { kind: 'or'; left: SoqlCondition; right: SoqlCondition }
  | { kind: 'compare'; field: string; operator: '=' | '!=' | '<' | '<=' | '>' | '>='; literal: SoqlLiteral }
  | { kind: 'in'; field: string; literals: SoqlLiteral[] };

/** The SOQL the test org understands: what the clients send, nothing more. */
export interface ParsedSoql {
  fields: string[];
  /** `SELECT COUNT() FROM …`. */
  count: boolean;
  object: string;
  where: SoqlCondition | null;
  limit: number | null;
}

const TOKEN =
  /\s*(?:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))|(\d{4}-\d{2}-\d{2})|'((?:[^'\\]|\\.)*)'|(-?\d+(?:\.\d+)?)|(!=|<=|>=|=|<|>|\(|\)|,)|([A-Za-z_][A-Za-z0-9_.]*))/y;

type Token =
  | { type: 'datetime' | 'date' | 'string' | 'number' | 'punct' | 'word'; text: string }
  | { type: 'end'; text: '' };

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const match = TOKEN.exec(text);
    if (!match) return null;
    at = TOKEN.lastIndex;
    const [, datetime, date, string, number, punct, word] = match;
    if (datetime !== undefined) tokens.push({ type: 'datetime', text: datetime });
    else if (date !== undefined) tokens.push({ type: 'date', text: date });
    else if (string !== undefined)
      tokens.push({
        type: 'string',
        text: string.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c)),
      });
    else if (number !== undefined) tokens.push({ type: 'number', text: number });
    else if (punct !== undefined) tokens.push({ type: 'punct', text: punct });
    else tokens.push({ type: 'word', text: word! });
  }
  tokens.push({ type: 'end', text: '' });
  return tokens;
}

/** Parses the clients' SOQL shapes, or returns null (the org answers MALFORMED_QUERY). */
export function parseSoql(soql: string): ParsedSoql | null {
  const tokens = tokenize(soql.trim());
  if (!tokens) return null;
  let i = 0;
  const peek = () => tokens[i]!;
  const word = (expected: string) => {
    const token = peek();
    if (token.type === 'word' && token.text.toUpperCase() === expected) {
      i++;
      return true;
    }
    return false;
  };
  const punct = (expected: string) => {
    if (peek().type === 'punct' && peek().text === expected) {
      i++;
      return true;
    }
    return false;
  };
  if (!word('SELECT')) return null;
  const fields: string[] = [];
  let count = false;
  if (peek().type === 'word' && peek().text.toUpperCase() === 'COUNT' && tokens[i + 1]?.text === '(') {
    i += 2;
    if (!punct(')')) return null;
    count = true;
  } else {
    do {
      const token = peek();
      if (token.type !== 'word') return null;
      fields.push(token.text);
      i++;
    } while (punct(','));
  }
  if (!word('FROM')) return null;
  const objectToken = peek();
  if (objectToken.type !== 'word' || objectToken.text.includes('.')) return null;
  i++;

  const literal = (): SoqlLiteral | null => {
    const token = peek();
    i++;
    if (token.type === 'string') return { kind: 'string', value: token.text };
    if (token.type === 'number') return { kind: 'number', value: Number(token.text) };
    if (token.type === 'date') return { kind: 'date', value: token.text };
    if (token.type === 'datetime') {
      const value = Date.parse(token.text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      return Number.isNaN(value) ? null : { kind: 'datetime', value };
    }
    if (token.type === 'word' && /^(true|false)$/i.test(token.text))
      return { kind: 'boolean', value: token.text.toLowerCase() === 'true' };
    if (token.type === 'word' && /^null$/i.test(token.text)) return { kind: 'null' };
    return null;
  };
  const primary = (): SoqlCondition | null => {
    if (punct('(')) {
      const inner = orExpression();
      return inner && punct(')') ? inner : null;
    }
    const field = peek();
    if (field.type !== 'word') return null;
    i++;
    if (word('IN')) {
      if (!punct('(')) return null;
      const literals: SoqlLiteral[] = [];
      do {
        const value = literal();
        if (!value) return null;
        literals.push(value);
      } while (punct(','));
      return punct(')') ? { kind: 'in', field: field.text, literals } : null;
    }
    const operator = peek();
    if (operator.type !== 'punct' || !['=', '!=', '<', '<=', '>', '>='].includes(operator.text)) return null;
    i++;
    const value = literal();
    return value
      ? { kind: 'compare', field: field.text, operator: operator.text as '=', literal: value }
      : null;
  };
  const andExpression = (): SoqlCondition | null => {
    let left = primary();
    while (left && word('AND')) {
      const right = primary();
      left = right ? { kind: 'and', left, right } : null;
    }
    return left;
  };
  const orExpression = (): SoqlCondition | null => {
    let left = andExpression();
    while (left && word('OR')) {
      const right = andExpression();
      left = right ? { kind: 'or', left, right } : null;
    }
    return left;
  };
  let where: SoqlCondition | null = null;
  if (word('WHERE')) {
    where = orExpression();
    if (!where) return null;
  }
  let limit: number | null = null;
  if (word('LIMIT')) {
    const token = peek();
    if (token.type !== 'number') return null;
    limit = Number(token.text);
    i++;
  }
  if (peek().type !== 'end') return null;
  return { fields, count, object: objectToken.text, where, limit };
}

/** Every field a condition names. */
export function conditionFields(condition: SoqlCondition | null): string[] {
  if (!condition) return [];
  if (condition.kind === 'and' || condition.kind === 'or')
    return [...conditionFields(condition.left), ...conditionFields(condition.right)];
  return [condition.field];
}

/** Whether a row meets a condition; `valueOf` reads a field path of the row. */
export function meetsCondition(
  condition: SoqlCondition | null,
  valueOf: (field: string) => unknown,
): boolean {
  if (!condition) return true;
  if (condition.kind === 'and')
    return meetsCondition(condition.left, valueOf) && meetsCondition(condition.right, valueOf);
  if (condition.kind === 'or')
    return meetsCondition(condition.left, valueOf) || meetsCondition(condition.right, valueOf);
  const value = valueOf(condition.field);
  if (condition.kind === 'in') return condition.literals.some((literal) => compare(value, literal) === 0);
  const order = compare(value, condition.literal);
  switch (condition.operator) {
    case '=':
      return order === 0;
    case '!=':
      return order !== 0;
    case '<':
      return order !== null && order < 0;
    case '<=':
      return order !== null && order <= 0;
    case '>':
      return order !== null && order > 0;
    case '>=':
      return order !== null && order >= 0;
  }
}

// -1, 0, 1, or null when the two cannot be ordered (SOQL: a null field matches only `= null`).
function compare(value: unknown, literal: SoqlLiteral): number | null {
  if (literal.kind === 'null') return value === null || value === undefined ? 0 : null;
  if (value === null || value === undefined) return null;
  const sign = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
  switch (literal.kind) {
    case 'string':
      return sign(String(value), literal.value);
    case 'number':
      return sign(Number(value), literal.value);
    case 'boolean':
      return value === literal.value ? 0 : null;
    case 'date':
      return sign(String(value).slice(0, 10), literal.value);
    case 'datetime': {
      const at = Date.parse(String(value).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
      return Number.isNaN(at) ? null : sign(at, literal.value);
    }
  }
}
