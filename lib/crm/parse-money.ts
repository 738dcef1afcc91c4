/** An amount read from display text: `value` null when the number could not be read unambiguously. */
export type ParsedMoney = { value: number | null; currency: string | null };

// Longest first, so that `US$` wins over `$`. `null` marks a symbol that names several currencies.
const SYMBOLS: ReadonlyArray<readonly [string, string | null]> = [
  ['US$', 'USD'],
  ['CA$', 'CAD'],
  ['AU$', 'AUD'],
  ['NZ$', 'NZD'],
  ['HK$', 'HKD'],
  ['MX$', 'MXN'],
  ['CN¥', 'CNY'],
  ['JP¥', 'JPY'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['R$', 'BRL'],
  ['kr.', null],
  ['kr', null],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['￥', 'JPY'],
  ['₹', 'INR'],
  ['₩', 'KRW'],
];
const ISO_AT_START = /^([A-Z]{3})(?![A-Za-z])/;
const ISO_AT_END = /(?<![A-Za-z])([A-Z]{3})$/;
const CONVERTED_AMOUNT = /^(.*\S)\s*\(([^()]*[A-Za-z$€£¥￥₹₩][^()]*)\)$/;
const NUMBER_SHAPE = /^\d(?:[\d.,' ’]*\d)?$/;
const GROUPED_3 = /^\d{1,3}(?:X\d{3})+$/;
const GROUPED_INDIAN = /^\d{1,2}(?:X\d{2})*X\d{3}$/;

/**
 * Reads an amount as Salesforce displays it, e.g. `USD 1,250,000.00`, `€1.250.000,00`,
 * `1 250 000,00 €`, `CHF 1'250'000.00`.
 *
 * Rules:
 * - Currency: an ISO code (three upper-case letters) before or after the number is kept as is;
 *   `$`→USD, `€`→EUR, `£`→GBP, `¥`→JPY, and prefixed forms such as `US$`, `CA$`, `CN¥`.
 *   `kr` is recognised but names several currencies, so its currency is null.
 * - Negative: a leading or trailing `-` (or `−`), or the accounting form `(1,234.00)`.
 * - A trailing converted amount, as in `EUR 1.000,00 (USD 1,100.00)`, is ignored: the first
 *   amount is the record's own.
 * - Separators: spaces (incl. U+00A0, U+202F, U+2009) and apostrophes only group digits. When
 *   both `.` and `,` occur, the last one is the decimal mark. When only one of them occurs:
 *   several times → grouping; once and followed by other than exactly 3 digits → decimal mark;
 *   once and followed by exactly 3 digits → grouping (`1,250` and `1.250` are both 1250), unless
 *   grouping is impossible there (`0,250`, `1250.000`) or spaces/apostrophes already group.
 * - Groups must be well formed (1–3 digits then groups of 3, or Indian 2-digit groups);
 *   otherwise, or when any other text remains, `value` is null.
 */
export function parseMoney(text: string): ParsedMoney {
  const normalised = normalise(text);
  const withoutConversion = CONVERTED_AMOUNT.exec(normalised)?.[1] ?? normalised;
  const parts = stripAffixes(withoutConversion);
  if (!parts) return { value: null, currency: null };
  const magnitude = readNumber(parts.digits);
  if (magnitude === null) return { value: null, currency: parts.currency };
  const value = parts.negative && magnitude !== 0 ? -magnitude : magnitude;
  return { value, currency: parts.currency };
}

function normalise(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009\u2007\s]+/g, ' ')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .trim();
}

type Affixes = { digits: string; currency: string | null; negative: boolean };

// Peels signs, parentheses and currency markers off both ends until only the number is left.
// Two minus signs or two currencies are not formats any CRM produces: unreadable.
function stripAffixes(text: string): Affixes | null {
  let rest = text;
  let currency: string | null | undefined;
  let negations = 0;
  for (;;) {
    rest = rest.trim();
    const sign = /^[-+]|[-+]$/.exec(rest);
    if (sign) {
      if (sign[0] === '-') negations++;
      rest = sign.index === 0 ? rest.slice(1) : rest.slice(0, -1);
      continue;
    }
    if (rest.startsWith('(') && rest.endsWith(')')) {
      negations++;
      rest = rest.slice(1, -1);
      continue;
    }
    const marker = currencyAtStart(rest) ?? currencyAtEnd(rest);
    if (!marker) break;
    if (currency !== undefined) return null;
    currency = marker.currency;
    rest = marker.rest;
  }
  if (negations > 1) return null;
  return { digits: rest, currency: currency ?? null, negative: negations === 1 };
}

function currencyAtStart(text: string): { currency: string | null; rest: string } | null {
  for (const [symbol, currency] of SYMBOLS) {
    if (text.startsWith(symbol) && !/^[A-Za-z]/.test(text.slice(symbol.length))) {
      return { currency, rest: text.slice(symbol.length) };
    }
  }
  const iso = ISO_AT_START.exec(text)?.[1];
  return iso ? { currency: iso, rest: text.slice(3) } : null;
}

function currencyAtEnd(text: string): { currency: string | null; rest: string } | null {
  for (const [symbol, currency] of SYMBOLS) {
    const before = text.slice(0, -symbol.length);
    if (text.endsWith(symbol) && !/[A-Za-z]$/.test(before)) return { currency, rest: before };
  }
  const iso = ISO_AT_END.exec(text)?.[1];
  return iso ? { currency: iso, rest: text.slice(0, -3) } : null;
}

function readNumber(text: string): number | null {
  if (!NUMBER_SHAPE.test(text)) return null;
  const hasSpaceOrQuote = /[ '’]/.test(text);
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let decimalMark: '.' | ',' | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0)
    decimalMark = singleMarkRole(text, lastDot >= 0 ? '.' : ',', hasSpaceOrQuote);
  return assemble(text, decimalMark);
}

// Decides whether the only kind of `.`/`,` in the number is the decimal mark (see parseMoney rules).
function singleMarkRole(text: string, mark: '.' | ',', hasSpaceOrQuote: boolean): '.' | ',' | null {
  const occurrences = text.split(mark).length - 1;
  if (occurrences > 1) return null;
  if (hasSpaceOrQuote) return mark;
  const [integer = '', fraction = ''] = text.split(mark);
  if (fraction.length !== 3) return mark;
  const groupable = integer.length <= 3 && !integer.startsWith('0');
  return groupable ? null : mark;
}

function assemble(text: string, decimalMark: '.' | ',' | null): number | null {
  const markIndex = decimalMark === null ? -1 : text.lastIndexOf(decimalMark);
  const integer = markIndex < 0 ? text : text.slice(0, markIndex);
  const fraction = markIndex < 0 ? '' : text.slice(markIndex + 1);
  if (!/^\d*$/.test(fraction) || (markIndex >= 0 && fraction === '')) return null;
  const groups = integer.replace(/[.,' ’]/g, 'X');
  if (new Set(integer.replace(/\d/g, '')).size > 1) return null;
  if (groups.includes('X') && !GROUPED_3.test(groups) && !GROUPED_INDIAN.test(groups)) return null;
  const value = Number(`${groups.replace(/X/g, '')}.${fraction || '0'}`);
  return Number.isFinite(value) ? value : null;
}
