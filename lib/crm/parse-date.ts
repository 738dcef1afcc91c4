const MONTHS: Readonly<Record<string, number>> = monthTable([
  ['jan', 'january', 'januar', 'jänner', 'janv', 'janvier'],
  ['feb', 'february', 'februar', 'févr', 'février', 'fev'],
  ['mar', 'march', 'mär', 'märz', 'maerz', 'mars'],
  ['apr', 'april', 'avr', 'avril'],
  ['may', 'mai'],
  ['jun', 'june', 'juni', 'juin'],
  ['jul', 'july', 'juli', 'juil', 'juillet'],
  ['aug', 'august', 'août', 'aout'],
  ['sep', 'sept', 'september', 'septembre'],
  ['oct', 'october', 'okt', 'oktober', 'octobre'],
  ['nov', 'november', 'novembre'],
  ['dec', 'december', 'dez', 'dezember', 'déc', 'décembre'],
]);
// Locales that write numeric dates month first; every other locale writes the day first.
const MONTH_FIRST_LOCALES = new Set(['en', 'en-us', 'es-us', 'en-ph']);

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const YEAR_FIRST = /^(\d{4}) ?[/.] ?(\d{1,2}) ?[/.] ?(\d{1,2})\.?$/;
const DOTTED = /^(\d{1,2})\. ?(\d{1,2})\. ?(\d{4})$/;
const SLASHED = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;
const MONTH_NAME_FIRST = /^(\p{L}+)\.? (\d{1,2}),? (\d{4})$/u;
const DAY_FIRST_NAMED = /^(\d{1,2})\.? (\p{L}+)\.?,? (\d{4})$/u;

/**
 * Reads a date as a CRM displays it and returns ISO `yyyy-mm-dd`, or null when it cannot be read
 * unambiguously. Handles ISO, `2027/01/31`, `31.01.2027` (always day first), month names in
 * English, German and French (`Jan 31, 2027`, `31 Jan 2027`, `31. Januar 2027`), and slash or
 * hyphen dates (`1/31/2027`, `31/01/2027`). A slash date with a part above 12 is unambiguous;
 * otherwise `localeHint` decides (`en`, `en-US`, `es-US`, `en-PH` → month first, any other locale →
 * day first), and with no hint it is null. Two-digit years and impossible dates (Feb 30) are null.
 */
export function parseDisplayedDate(text: string, localeHint?: string): string | null {
  const normalised = text
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase()
    .normalize('NFC');
  const ymd = readYearFirst(normalised) ?? readDayFirst(normalised) ?? readNamed(normalised);
  if (ymd) return toIso(ymd);
  const slashed = SLASHED.exec(normalised);
  return slashed ? toIso(resolveSlashed(slashed, localeHint)) : null;
}

type Ymd = [year: number, month: number, day: number];

function readYearFirst(text: string): Ymd | null {
  const match = ISO.exec(text) ?? YEAR_FIRST.exec(text);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function readDayFirst(text: string): Ymd | null {
  const match = DOTTED.exec(text);
  return match ? [Number(match[3]), Number(match[2]), Number(match[1])] : null;
}

function readNamed(text: string): Ymd | null {
  const monthFirst = MONTH_NAME_FIRST.exec(text);
  if (monthFirst) return withMonthName(monthFirst[3], monthFirst[1], monthFirst[2]);
  const dayFirst = DAY_FIRST_NAMED.exec(text);
  return dayFirst ? withMonthName(dayFirst[3], dayFirst[2], dayFirst[1]) : null;
}

function withMonthName(year?: string, monthName?: string, day?: string): Ymd | null {
  const month = monthName === undefined ? undefined : MONTHS[monthName];
  // An unknown month name must not fall through to another reading: mark it impossible.
  return [Number(year), month ?? 0, Number(day)];
}

function resolveSlashed(match: RegExpExecArray, localeHint: string | undefined): Ymd | null {
  const first = Number(match[1]);
  const second = Number(match[2]);
  const year = Number(match[3]);
  if (first === second) return [year, first, second];
  if (first > 12) return [year, second, first];
  if (second > 12) return [year, first, second];
  const locale = localeHint?.trim().replace('_', '-').toLowerCase();
  if (!locale) return null;
  return MONTH_FIRST_LOCALES.has(locale) ? [year, first, second] : [year, second, first];
}

function toIso(ymd: Ymd | null): string | null {
  if (!ymd) return null;
  const [year, month, day] = ymd;
  if (year < 1000 || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthTable(rows: string[][]): Record<string, number> {
  const table: Record<string, number> = {};
  rows.forEach((names, index) => names.forEach((name) => (table[name.normalize('NFC')] = index + 1)));
  return table;
}
