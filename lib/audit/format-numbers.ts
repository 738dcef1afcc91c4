import type { Figure } from './figure';

/** U+2212, the minus sign: screen readers say "minus" and it lines up with "+". */
const MINUS = '\u2212';

/** A number with fixed decimals, negatives with a real minus sign. */
export function fixed(value: number, digits: number): string {
  const text = value.toFixed(digits);
  // toFixed can give "-0.00" for tiny negatives: that is zero.
  if (/^-0\.?0*$/.test(text)) return text.slice(1);
  return text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text;
}

/** A signed number: "+0.50", "−0.25", "0.00". */
export function signed(value: number, digits: number): string {
  const text = fixed(value, digits);
  return Number(text.replace(MINUS, '-')) > 0 ? `+${text}` : text;
}

/** A share as a percentage: 0.0833 → "8.3%". */
export function percent(value: number, digits = 1): string {
  return `${fixed(value * 100, digits)}%`;
}

/** An interval: "[0.66, 0.87]". */
export function interval(low: number, high: number, format: (value: number) => string): string {
  return `[${format(low)}, ${format(high)}]`;
}

/** A figure's value, or its reason when it could not be computed. */
export function figureText(figure: Figure, format: (value: number) => string): string {
  return figure.value === null ? figure.reason : format(figure.value);
}

/** "1 rater", "3 raters". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A count with thin grouping: 12 500 → "12,500". */
export function count(value: number): string {
  return value.toLocaleString('en-US');
}

/** A file size: "87.9 KB". */
export function fileSize(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Milliseconds, rounded: "340 ms", "2.4 s". */
export function duration(ms: number): string {
  return ms < 10_000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
