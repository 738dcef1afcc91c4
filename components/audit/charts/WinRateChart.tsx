import type { BandWinRate } from '../../../lib/audit/win-rate-by-band';
import { percent } from '../../../lib/audit/format-numbers';
import { ChartFrame, linearScale, reasonKind, ticks } from './chart-frame';
import { CHART_COLOURS } from './chart-palette';

const LEFT = 56;
const TOP = 24;
const PLOT_H = 220;
const COLUMN = 130;
const BOTTOM = 56;

function bandText(band: BandWinRate): string {
  if (band.winRate.value === null) return `${band.band}: ${band.winRate.reason}`;
  const ci = band.interval
    ? ` (95% interval ${percent(band.interval.low)} to ${percent(band.interval.high)})`
    : '';
  return `${band.band}: ${percent(band.winRate.value)} won${ci}, ${band.won} of ${band.deals} closed deals`;
}

/**
 * Win rate by band: a bar per band at its win rate, with the Wilson 95 % interval as a whisker and
 * the overall win rate as a dashed line. Bands below the minimum deals show why instead of a bar.
 */
export function WinRateChart({ bands, baseRate }: { bands: BandWinRate[]; baseRate: number | null }) {
  const width = LEFT + bands.length * COLUMN + 20;
  const height = TOP + PLOT_H + BOTTOM;
  const y = linearScale([0, 1], [TOP + PLOT_H, TOP]);
  const axisY = TOP + PLOT_H;
  return (
    <ChartFrame
      title="Win rate by band, with Wilson 95% intervals"
      description={`${bands.map(bandText).join('; ')}.${baseRate === null ? '' : ` Overall win rate ${percent(baseRate)}.`}`}
      caption={
        <>
          Bars: share of closed deals won in each band (the band of the deal&apos;s averaged total); whiskers:
          Wilson 95% interval
          {baseRate === null ? '' : `; dashed line: overall win rate ${percent(baseRate)}`}.
        </>
      }
      width={Math.max(width, 360)}
      height={height}
    >
      {ticks(0, 1, 0.25).map((tick) => (
        <g key={tick}>
          <line className="ys-grid" x1={LEFT} x2={width - 10} y1={y(tick)} y2={y(tick)} />
          <text className="ys-tick" fill={CHART_COLOURS.muted} x={LEFT - 8} y={y(tick) + 4} textAnchor="end">
            {percent(tick, 0)}
          </text>
        </g>
      ))}
      {baseRate !== null && (
        <line className="ys-limit" x1={LEFT} x2={width - 10} y1={y(baseRate)} y2={y(baseRate)} />
      )}
      {bands.map((band, index) => {
        const cx = LEFT + index * COLUMN + COLUMN / 2;
        const { winRate, interval } = band;
        return (
          <g key={band.band}>
            <title>{bandText(band)}</title>
            {winRate.value === null ? (
              <>
                <text
                  className="ys-missing-mark"
                  fill={CHART_COLOURS.muted}
                  x={cx}
                  y={axisY - 26}
                  textAnchor="middle"
                >
                  {reasonKind(winRate.reason)}
                </text>
                <text
                  className="ys-missing-mark"
                  fill={CHART_COLOURS.muted}
                  x={cx}
                  y={axisY - 10}
                  textAnchor="middle"
                >
                  (n = {winRate.n})
                </text>
              </>
            ) : (
              <>
                <rect
                  className="ys-bar"
                  x={cx - 30}
                  y={y(winRate.value)}
                  width={60}
                  height={Math.max(0, axisY - y(winRate.value))}
                />
                {interval && (
                  <g className="ys-whisker">
                    <line x1={cx} x2={cx} y1={y(interval.low)} y2={y(interval.high)} />
                    <line x1={cx - 8} x2={cx + 8} y1={y(interval.low)} y2={y(interval.low)} />
                    <line x1={cx - 8} x2={cx + 8} y1={y(interval.high)} y2={y(interval.high)} />
                  </g>
                )}
                <text
                  className="ys-value"
                  fill={CHART_COLOURS.text}
                  x={cx + 34}
                  y={Math.max(TOP + 10, y(winRate.value) + 4)}
                  textAnchor="start"
                >
                  {percent(winRate.value, 0)}
                </text>
              </>
            )}
            <text
              className="ys-row-label"
              fill={CHART_COLOURS.text}
              x={cx}
              y={axisY + 18}
              textAnchor="middle"
            >
              {band.band}
            </text>
            <text className="ys-tick" fill={CHART_COLOURS.muted} x={cx} y={axisY + 34} textAnchor="middle">
              {band.won} of {band.deals} won
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
