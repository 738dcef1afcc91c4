import type { ReactNode } from 'react';
import { FigureCells, type CellFigure } from './FigureCells';

/** One body cell of a report table. */
export type ReportCell =
  | ({ kind: 'figure' } & CellFigure)
  | { kind: 'number'; value: ReactNode; testId?: string }
  | { kind: 'text'; value: ReactNode }
  | { kind: 'missing'; reason: string }
  | { kind: 'note'; text: string; span: number };

/** A figure: its value (and interval) with its n, or the reason it could not be computed. */
export const figureCell = (cell: CellFigure): ReportCell => ({ kind: 'figure', ...cell });
/** A count or a formatted number, aligned as a number. */
export const numberCell = (value: ReactNode, testId?: string): ReportCell => ({
  kind: 'number',
  value,
  testId,
});
/** Words (a name, a reason, a level). */
export const textCell = (value: ReactNode): ReportCell => ({ kind: 'text', value });
/** A value that could not be computed, with the reason in its place. */
export const missingCell = (reason: string): ReportCell => ({ kind: 'missing', reason });
/** A muted remark spanning the rest of the row. */
export const noteCell = (text: string, span: number): ReportCell => ({ kind: 'note', text, span });

/** One body row: its header cell (omitted when no column names the row) and its cells. */
export interface ReportRow {
  key: string;
  header?: ReactNode;
  cells: ReportCell[];
}

/** A report table: caption, column headers, rows of figure, number and text cells. */
export interface ReportTableProps {
  caption: ReactNode;
  /** Column headers, the row-header column first; omitted for a list of labelled figures. */
  columns?: readonly ReactNode[];
  rows: readonly ReportRow[];
  /** Names the keyboard-scrollable region the table sits in; without it the table is not wrapped. */
  scrollLabel?: string;
  /** A denser table (`compact`), or the import panel's list of files (`files`). */
  variant?: 'compact' | 'files';
}

/**
 * The one table of the audit report: a caption, column headers (`scope="col"`), row headers
 * (`scope="row"`), figures with their n (adjacent figures with the same reason share one cell),
 * optionally inside a focusable region so a wide table scrolls with the keyboard.
 */
export function ReportTable({ caption, columns, rows, scrollLabel, variant }: ReportTableProps) {
  const table = (
    <table className={variant ? `ys-table ys-${variant}` : 'ys-table'}>
      <caption>{caption}</caption>
      {columns && (
        <thead>
          <tr>
            {columns.map((column, index) => (
              <th scope="col" key={index}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            {row.header !== undefined && <th scope="row">{row.header}</th>}
            <RowCells cells={row.cells} />
          </tr>
        ))}
      </tbody>
    </table>
  );
  if (scrollLabel === undefined) return table;
  return (
    <div className="ys-table-scroll" role="region" aria-label={scrollLabel} tabIndex={0}>
      {table}
    </div>
  );
}

/** A row's cells; runs of adjacent figures go through FigureCells together so equal reasons merge. */
function RowCells({ cells }: { cells: readonly ReportCell[] }) {
  const out: ReactNode[] = [];
  let figures: CellFigure[] = [];
  const flush = () => {
    if (figures.length > 0) out.push(<FigureCells key={out.length} cells={figures} />);
    figures = [];
  };
  for (const cell of cells) {
    if (cell.kind === 'figure') {
      figures.push(cell);
      continue;
    }
    flush();
    out.push(<PlainCell key={out.length} cell={cell} />);
  }
  flush();
  return <>{out}</>;
}

function PlainCell({ cell }: { cell: Exclude<ReportCell, { kind: 'figure' }> }) {
  switch (cell.kind) {
    case 'number':
      return (
        <td className="ys-num" data-testid={cell.testId}>
          {cell.value}
        </td>
      );
    case 'text':
      return <td>{cell.value}</td>;
    case 'missing':
      return <td className="ys-missing">{cell.reason}</td>;
    case 'note':
      return (
        <td colSpan={cell.span} className="ys-muted">
          {cell.text}
        </td>
      );
  }
}
