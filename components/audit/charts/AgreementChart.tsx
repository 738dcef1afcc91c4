import type { AlphaFigure } from '../../../lib/audit/krippendorff-alpha';
import { fixed, interval } from '../../../lib/audit/format-numbers';
import { ChartFrame, linearScale, reasonKind, ticks } from './chart-frame';
import { CHART_COLOURS } from './chart-palette';

/** One row of the agreement chart: a criterion's ordinal α, or the total's interval α. */
export interface AgreementRow {
  label: string;
  figure: AlphaFigure;
}

const WIDTH = 760;
const LEFT = 150;
const PLOT_RIGHT = 520;
const ROW = 34;
const TOP = 30;
const BOTTOM = 34;

function rowText(row: AgreementRow): string {
  const { figure } = row;
  if (figure.value === null) return `${row.label}: ${figure.reason} (n = ${figure.n})`;
  const ci = figure.ci ? ` ${interval(figure.ci.low, figure.ci.high, (v) => fixed(v, 2))}` : '';
  return `${row.label}: ${fixed(figure.value, 3)}${ci}, n = ${figure.n} deals`;
}

/**
 * Per-criterion agreement: a dot at α with its 95 % bootstrap interval, against Krippendorff's
 * limits (0.667 for tentative conclusions, 0.8 for reliable ones).
 */
export function AgreementChart({ rows, threshold }: { rows: AgreementRow[]; threshold: number }) {
  const height = TOP + rows.length * ROW + BOTTOM;
  let low = 0;
  for (const { figure } of rows) {
    if (figure.value === null) continue;
    low = Math.min(low, figure.value, figure.ci?.low ?? 0);
  }
  const step = 1 - low > 2 ? 0.5 : 0.2;
  const domainLow = Math.floor(low / step - 1e-9) * step;
  const x = linearScale([domainLow, 1], [LEFT, PLOT_RIGHT]);
  const axisY = TOP + rows.length * ROW;
  return (
    <ChartFrame
      title="Agreement per criterion: Krippendorff's α with 95% bootstrap intervals"
      description={`${rows.map(rowText).join('; ')}. Reference lines at ${threshold} (lowest acceptable for tentative conclusions) and 0.8 (reliable).`}
      caption={
        <>
          Dots: α (ordinal for criteria, interval for the total), red when below {threshold}; lines: 95%
          bootstrap interval; dashed lines: {threshold}, the lowest α acceptable for tentative conclusions,
          and 0.8, reliable.
        </>
      }
      width={WIDTH}
      height={height}
    >
      {ticks(domainLow, 1, step).map((tick) => (
        <g key={tick}>
          <line className="ys-grid" x1={x(tick)} x2={x(tick)} y1={TOP - 6} y2={axisY} />
          <text className="ys-tick" fill={CHART_COLOURS.muted} x={x(tick)} y={axisY + 16} textAnchor="middle">
            {fixed(tick, 1)}
          </text>
        </g>
      ))}
      {[threshold, 0.8].map((limit) => (
        <g key={limit}>
          <line className="ys-limit" x1={x(limit)} x2={x(limit)} y1={TOP - 12} y2={axisY} />
          <text className="ys-tick" fill={CHART_COLOURS.muted} x={x(limit)} y={TOP - 16} textAnchor="middle">
            {limit}
          </text>
        </g>
      ))}
      <text
        className="ys-axis-label"
        fill={CHART_COLOURS.muted}
        x={(LEFT + PLOT_RIGHT) / 2}
        y={axisY + 30}
        textAnchor="middle"
      >
        Krippendorff&apos;s α
      </text>
      {rows.map((row, index) => {
        const y = TOP + index * ROW + ROW / 2;
        const { figure } = row;
        return (
          <g key={row.label}>
            <title>{rowText(row)}</title>
            <text className="ys-row-label" fill={CHART_COLOURS.text} x={LEFT - 10} y={y + 4} textAnchor="end">
              {row.label}
            </text>
            {figure.value === null ? (
              <text className="ys-missing-mark" fill={CHART_COLOURS.muted} x={LEFT + 4} y={y + 4}>
                {reasonKind(figure.reason)} (n = {figure.n})
              </text>
            ) : (
              <>
                {figure.ci && (
                  <g className="ys-whisker">
                    <line x1={x(figure.ci.low)} x2={x(figure.ci.high)} y1={y} y2={y} />
                    <line x1={x(figure.ci.low)} x2={x(figure.ci.low)} y1={y - 6} y2={y + 6} />
                    <line x1={x(figure.ci.high)} x2={x(figure.ci.high)} y1={y - 6} y2={y + 6} />
                  </g>
                )}
                <circle
                  className={figure.value < threshold ? 'ys-dot ys-dot-low' : 'ys-dot'}
                  cx={x(figure.value)}
                  cy={y}
                  r={6}
                />
                <text className="ys-value" fill={CHART_COLOURS.text} x={PLOT_RIGHT + 14} y={y + 4}>
                  {fixed(figure.value, 3)}
                  {figure.ci ? ` ${interval(figure.ci.low, figure.ci.high, (v) => fixed(v, 2))}` : ''} · n{' '}
                  {figure.n}
                </text>
              </>
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}
