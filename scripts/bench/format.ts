/** A number with one decimal (two under 1), for tables. */
export function fmt(value: number, unit = ''): string {
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) < 1 && value !== 0 ? 2 : 1;
  return `${value.toFixed(digits)}${unit ? ` ${unit}` : ''}`;
}

/** A difference with its sign, e.g. `+1.2 ms` or `−0.40 ms`. */
export const signed = (value: number, unit: string) =>
  `${value >= 0 ? '+' : '−'}${fmt(Math.abs(value), unit)}`;

/** A Markdown table. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
