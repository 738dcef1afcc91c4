import { render, screen, within } from '@testing-library/react';
import { figureCell, missingCell, noteCell, numberCell, ReportTable, textCell } from './ReportTable';

const three = (v: number) => v.toFixed(3);
const tooFew = { value: null, n: 3, reason: 'insufficient data: needs 10 deals' } as const;

describe('ReportTable', () => {
  it('names its columns and rows as headers and captions the table', () => {
    render(
      <ReportTable
        caption="Agreement per criterion"
        columns={['Criterion', 'Deals', 'α']}
        rows={[
          {
            key: 'champion',
            header: 'champion',
            cells: [numberCell(12), figureCell({ figure: { value: 0.8, n: 12 }, format: three })],
          },
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Agreement per criterion' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Criterion', 'Deals', 'α']);
    expect(within(table).getByRole('rowheader')).toHaveTextContent('champion');
    expect(within(table).getByRole('cell', { name: '0.800 n = 12' })).toHaveClass('ys-num');
  });

  it('states a reason once for adjacent figures that share it, but not across other cells', () => {
    render(
      <ReportTable
        caption="Slices"
        rows={[
          {
            key: 'a',
            header: 'a',
            cells: [
              figureCell({ figure: tooFew, format: three }),
              figureCell({ figure: tooFew, format: three }),
              numberCell(4),
              figureCell({ figure: tooFew, format: three }),
              missingCell('insufficient data: no totals'),
              noteCell('Only the interval α applies to totals.', 3),
              textCell('why'),
            ],
          },
        ]}
      />,
    );
    const cells = screen.getAllByRole('cell');
    expect(cells.map((td) => [td.textContent, td.getAttribute('colspan')])).toEqual([
      ['insufficient data: needs 10 deals (n = 3)', '2'],
      ['4', null],
      ['insufficient data: needs 10 deals (n = 3)', null],
      ['insufficient data: no totals', null],
      ['Only the interval α applies to totals.', '3'],
      ['why', null],
    ]);
  });

  it('sits in a focusable, named scroll region only when given a scroll label', () => {
    const { rerender } = render(<ReportTable caption="Bias" scrollLabel="Rater bias table" rows={[]} />);
    expect(screen.getByRole('region', { name: 'Rater bias table' })).toHaveAttribute('tabindex', '0');
    rerender(<ReportTable caption="Bias" rows={[]} />);
    expect(screen.queryByRole('region')).toBeNull();
  });
});
