import { useId } from 'react';
import type { RaterAudit } from '../../../lib/audit/audit-report';
import { fixed, signed } from '../../../lib/audit/format-numbers';
import { ChartFrame, reasonKind } from './chart-frame';

const LEFT = 150;
const TOP = 44;
const CELL_W = 112;
const CELL_H = 42;
const LEGEND_H = 64;

/** Colour-blind-safe diverging ends (ColorBrewer PuOr): purple stricter, orange more lenient. */
const STRICT: [number, number, number] = [94, 60, 153];
const LENIENT: [number, number, number] = [230, 97, 1];

function mix(end: readonly [number, number, number], t: number): string {
  const channel = (i: number) => Math.round(255 + (end[i]! - 255) * t);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/** The fill of a bias value on a scale of ±limit, and whether text on it should be light. */
export function biasColour(value: number, limit: number): { fill: string; light: boolean } {
  const t = Math.min(1, Math.abs(value) / limit);
  return { fill: mix(value < 0 ? STRICT : LENIENT, t), light: t > 0.55 };
}

function cellText(rater: string, criterion: string, figure: RaterAudit['bias'][string]): string {
  if (figure.value === null) return `${rater} on ${criterion}: ${figure.reason}`;
  return `${rater} on ${criterion}: ${signed(figure.value, 2)} levels${figure.se === null ? '' : ` (standard error ${fixed(figure.se, 2)})`}, n = ${figure.n} deals`;
}

/**
 * Rater × criterion bias: each cell is the rater's mean deviation from the other raters on the
 * same deals, in levels; purple is stricter than colleagues, orange more lenient. The value and n
 * are printed in every cell, so the colour is never the only cue.
 */
export function BiasHeatMap({ raters, criteria }: { raters: RaterAudit[]; criteria: string[] }) {
  // useId may contain characters that are not valid in url(#…): keep letters and digits.
  const gradientId = `ys-bias-gradient-${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  let largest = 0;
  for (const rater of raters)
    for (const figure of Object.values(rater.bias))
      if (figure.value !== null) largest = Math.max(largest, Math.abs(figure.value));
  const limit = Math.max(0.5, Math.ceil(largest * 2) / 2);
  const width = LEFT + criteria.length * CELL_W + 20;
  const gridBottom = TOP + raters.length * CELL_H;
  const height = gridBottom + LEGEND_H;
  const legendWidth = Math.min(280, criteria.length * CELL_W);
  const cells = raters.flatMap((rater) =>
    criteria.map((criterion) => cellText(rater.id, criterion, rater.bias[criterion]!)),
  );
  return (
    <ChartFrame
      title="Rater bias by criterion: mean deviation from the other raters, in levels"
      description={`${cells.join('; ')}. Negative is stricter than colleagues, positive more lenient.`}
      caption={
        <>
          Each cell: the rater&apos;s rating minus the mean of the other raters on the same deals, in levels,
          with n deals. Purple: stricter than colleagues; orange: more lenient; grey: not computed (see the
          table).
        </>
      }
      width={Math.max(width, LEFT + legendWidth + 80)}
      height={height}
    >
      <defs>
        <linearGradient id={gradientId}>
          <stop offset="0%" stopColor={mix(STRICT, 1)} />
          <stop offset="50%" stopColor="rgb(255, 255, 255)" />
          <stop offset="100%" stopColor={mix(LENIENT, 1)} />
        </linearGradient>
      </defs>
      {criteria.map((criterion, c) => (
        <text
          key={criterion}
          className="ys-row-label"
          x={LEFT + c * CELL_W + CELL_W / 2}
          y={TOP - 12}
          textAnchor="middle"
        >
          {criterion}
        </text>
      ))}
      {raters.map((rater, r) => (
        <g key={rater.id}>
          <text className="ys-row-label" x={LEFT - 10} y={TOP + r * CELL_H + CELL_H / 2 + 4} textAnchor="end">
            {rater.id}
          </text>
          {criteria.map((criterion, c) => {
            const figure = rater.bias[criterion]!;
            const x = LEFT + c * CELL_W;
            const y = TOP + r * CELL_H;
            const colour = figure.value === null ? null : biasColour(figure.value, limit);
            return (
              <g key={criterion}>
                <title>{cellText(rater.id, criterion, figure)}</title>
                <rect
                  className={colour ? 'ys-cell' : 'ys-cell ys-cell-missing'}
                  x={x + 1}
                  y={y + 1}
                  width={CELL_W - 2}
                  height={CELL_H - 2}
                  fill={colour?.fill}
                />
                <text
                  className={colour?.light ? 'ys-cell-text ys-light' : 'ys-cell-text'}
                  x={x + CELL_W / 2}
                  y={y + 18}
                  textAnchor="middle"
                >
                  {figure.value === null ? reasonKind(figure.reason) : signed(figure.value, 2)}
                </text>
                <text
                  className={colour?.light ? 'ys-cell-n ys-light' : 'ys-cell-n'}
                  x={x + CELL_W / 2}
                  y={y + 33}
                  textAnchor="middle"
                >
                  n {figure.n}
                </text>
              </g>
            );
          })}
        </g>
      ))}
      <g transform={`translate(${LEFT}, ${gridBottom + 18})`}>
        <rect x={0} y={0} width={legendWidth} height={12} fill={`url(#${gradientId})`} />
        <text className="ys-tick" x={0} y={28} textAnchor="start">
          {signed(-limit, 1)} stricter
        </text>
        <text className="ys-tick" x={legendWidth / 2} y={28} textAnchor="middle">
          0
        </text>
        <text className="ys-tick" x={legendWidth} y={28} textAnchor="end">
          {signed(limit, 1)} more lenient
        </text>
      </g>
    </ChartFrame>
  );
}
