import type { RaterAudit } from '../../../lib/audit/audit-report';
import { fixed } from '../../../lib/audit/format-numbers';
import { ChartFrame, linearScale, ticks } from './chart-frame';
import { CHART_COLOURS } from './chart-palette';

const WIDTH = 760;
const LEFT = 150;
const PLOT_RIGHT = 560;
const ROW = 36;
const TOP = 16;
const BOTTOM = 40;

function rowText(rater: RaterAudit): string {
  const t = rater.totals;
  if (t.n === 0 || t.median === null) return `${rater.id}: no totals`;
  return `${rater.id}: median ${fixed(t.median, 1)}, quartiles ${fixed(t.q1!, 1)} to ${fixed(t.q3!, 1)}, range ${fixed(t.min!, 1)} to ${fixed(t.max!, 1)}, mean ${fixed(t.mean!, 1)}, n = ${t.n} deals`;
}

/**
 * Score distributions by rater: a box plot of each rater's latest total per deal (0–100): whiskers
 * from minimum to maximum, the box from the first to the third quartile, a bar at the median and a
 * diamond at the mean.
 */
export function DistributionChart({ raters }: { raters: RaterAudit[] }) {
  const height = TOP + raters.length * ROW + BOTTOM;
  const x = linearScale([0, 100], [LEFT, PLOT_RIGHT]);
  const axisY = TOP + raters.length * ROW;
  return (
    <ChartFrame
      title="Score distributions by rater: each rater's latest total per deal, 0 to 100"
      description={`${raters.map(rowText).join('; ')}.`}
      caption={
        <>
          Whiskers: minimum to maximum; box: first to third quartile; bar: median; diamond: mean. One total
          per rater and deal (the rater&apos;s latest).
        </>
      }
      width={WIDTH}
      height={height}
    >
      {ticks(0, 100, 20).map((tick) => (
        <g key={tick}>
          <line className="ys-grid" x1={x(tick)} x2={x(tick)} y1={TOP} y2={axisY} />
          <text className="ys-tick" fill={CHART_COLOURS.muted} x={x(tick)} y={axisY + 16} textAnchor="middle">
            {tick}
          </text>
        </g>
      ))}
      <text
        className="ys-axis-label"
        fill={CHART_COLOURS.muted}
        x={(LEFT + PLOT_RIGHT) / 2}
        y={axisY + 32}
        textAnchor="middle"
      >
        Total score
      </text>
      {raters.map((rater, index) => {
        const y = TOP + index * ROW + ROW / 2;
        const t = rater.totals;
        const known = t.n > 0 && t.median !== null;
        return (
          <g key={rater.id}>
            <title>{rowText(rater)}</title>
            <text className="ys-row-label" fill={CHART_COLOURS.text} x={LEFT - 10} y={y + 4} textAnchor="end">
              {rater.id}
            </text>
            {known ? (
              <>
                <line className="ys-whisker" x1={x(t.min!)} x2={x(t.max!)} y1={y} y2={y} />
                <line className="ys-whisker" x1={x(t.min!)} x2={x(t.min!)} y1={y - 7} y2={y + 7} />
                <line className="ys-whisker" x1={x(t.max!)} x2={x(t.max!)} y1={y - 7} y2={y + 7} />
                <rect
                  className="ys-box"
                  x={x(t.q1!)}
                  y={y - 10}
                  width={Math.max(1, x(t.q3!) - x(t.q1!))}
                  height={20}
                />
                <line className="ys-median" x1={x(t.median!)} x2={x(t.median!)} y1={y - 10} y2={y + 10} />
                <path className="ys-mean" d={`M ${x(t.mean!)} ${y - 5} l 5 5 l -5 5 l -5 -5 z`} />
                <text className="ys-value" fill={CHART_COLOURS.text} x={PLOT_RIGHT + 14} y={y + 4}>
                  median {fixed(t.median!, 1)} · n {t.n}
                </text>
              </>
            ) : (
              <text className="ys-missing-mark" fill={CHART_COLOURS.muted} x={LEFT + 4} y={y + 4}>
                no totals (n = 0)
              </text>
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}
