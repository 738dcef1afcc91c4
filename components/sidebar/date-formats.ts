/**
 * Dates as the sidebar shows them, in the browser's locale. `Date#toLocaleString` builds a new
 * `Intl.DateTimeFormat` on every call, which costs milliseconds each in Chromium: the history's rows
 * alone took about 35 ms of the CRM page's main thread per deal opened (docs/performance.md). Each
 * format here is built once, on first use.
 */

type DateFormat = (iso: string) => string;

function cachedFormat(options: Intl.DateTimeFormatOptions): DateFormat {
  let format: Intl.DateTimeFormat | undefined;
  return (iso) => (format ??= new Intl.DateTimeFormat(undefined, options)).format(new Date(iso));
}

/** Date and time, e.g. "22 Nov 2026, 14:05": what `toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })` gives. */
export const formatSavedAt: DateFormat = cachedFormat({ dateStyle: 'medium', timeStyle: 'short' });

/** The date alone, as `toLocaleDateString()` gives it. */
export const formatDate: DateFormat = cachedFormat({ year: 'numeric', month: 'numeric', day: 'numeric' });

/** The time of day alone, as `toLocaleTimeString()` gives it. */
export const formatTimeOfDay: DateFormat = cachedFormat({
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Date and time, as `toLocaleString()` gives it. */
export const formatDateTime: DateFormat = cachedFormat({
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});
