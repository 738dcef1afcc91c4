import type { Figure } from '../../lib/audit/figure';
import { interval } from '../../lib/audit/format-numbers';

/** A figure to show in one table cell. */
export interface CellFigure {
  figure: Figure;
  format: (value: number) => string;
  /** The interval beside the value, when there is one. */
  ci?: { low: number; high: number } | null;
  /** How the interval's bounds are written (default: like the value). */
  ciFormat?: (value: number) => string;
  /** Words after the value (e.g. "± 0.12"). */
  suffix?: string;
}

function Known({ cell }: { cell: CellFigure }) {
  const { figure, format, ci, ciFormat, suffix } = cell;
  return (
    <>
      <span className="ys-fig">{format(figure.value!)}</span>
      {ci && <span className="ys-ci"> {interval(ci.low, ci.high, ciFormat ?? format)}</span>}
      {suffix && <span className="ys-ci"> {suffix}</span>}
      <span className="ys-n"> n = {figure.n}</span>
    </>
  );
}

/**
 * Table cells for figures: a computed figure shows its value (and interval) with its n; one that
 * could not be computed shows its reason ("insufficient data: …") instead of a number. Adjacent
 * cells with the same reason are merged into one, so a reason is read once.
 */
export function FigureCells({ cells }: { cells: CellFigure[] }) {
  const groups: { cell: CellFigure; span: number }[] = [];
  for (const cell of cells) {
    const last = groups.at(-1);
    if (
      last &&
      cell.figure.value === null &&
      last.cell.figure.value === null &&
      last.cell.figure.reason === cell.figure.reason &&
      last.cell.figure.n === cell.figure.n
    ) {
      last.span++;
    } else groups.push({ cell, span: 1 });
  }
  return (
    <>
      {groups.map(({ cell, span }, index) =>
        cell.figure.value === null ? (
          <td key={index} colSpan={span > 1 ? span : undefined} className="ys-missing">
            {cell.figure.reason}
            <span className="ys-n"> (n = {cell.figure.n})</span>
          </td>
        ) : (
          <td key={index} className="ys-num">
            <Known cell={cell} />
          </td>
        ),
      )}
    </>
  );
}
