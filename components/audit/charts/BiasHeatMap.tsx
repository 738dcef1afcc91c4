import { useId } from 'react';
import type { AuditReport, RaterAudit } from '../../../lib/audit/audit-report';
import { unitsInWords } from '../../../lib/audit/closed-loop';
import { fixed, signed } from '../../../lib/audit/format-numbers';
import { IN_LINE_LEVELS, teamDifferences } from '../../../lib/audit/team-deviation';
import { ChartFrame, reasonKind } from './chart-frame';
import { CHART_COLOURS, labelOn } from './chart-palette';

const LEFT = 150;
const TOP = 44;
const CELL_W = 112;
const CELL_H = 42;
const LEGEND_H = 84;

/** Colour-blind-safe diverging ends (ColorBrewer PuOr): purple stricter, orange more lenient. */
const STRICT: [number, number, number] = [94, 60, 153];
const LENIENT: [number, number, number] = [230, 97, 1];
const IN_LINE = 'rgb(255, 255, 255)';

function mix(end: readonly [number, number, number], t: number): string {
  const channel = (i: number) => Math.round(255 + (end[i]! - 255) * t);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

/**
 * The fill of a difference from the team on a scale of ±limit, and its label colour. Within
 * ±{@link IN_LINE_LEVELS} the cell stays white: the middle of the scale reads "in line with the team".
 */
export function biasColour(value: number, limit: number): { fill: string; label: string } {
  const beyond = Math.abs(value) - IN_LINE_LEVELS;
  const fill =
    beyond < 0 ? IN_LINE : mix(value < 0 ? STRICT : LENIENT, Math.min(1, 0.25 + (0.75 * beyond) / limit));
  return { fill, label: labelOn(fill) };
}

function cellText(
  rater: string,
  criterion: string,
  value: number | null,
  figure: RaterAudit['robustBias'][string],
) {
  if (figure.value === null || value === null)
    return `${rater} on ${criterion}: ${figure.reason ?? 'not computed'}`;
  const words =
    Math.abs(value) < IN_LINE_LEVELS ? 'in line with the team' : value > 0 ? 'more lenient' : 'stricter';
  return `${rater} on ${criterion}: ${signed(value, 2)} levels from the team, ${words}${figure.flagged ? ', flagged' : ''}${figure.se === null ? '' : ` (standard error ${fixed(figure.se, 2)})`}, n = ${unitsInWords(figure.n - (figure.calibrationCases ?? 0), figure.calibrationCases ?? 0)}`;
}

/**
 * Rater × criterion: each cell is the rater's robust bias (measured from the team's consensus, so
 * one lenient rater does not colour the others), in levels, on a diverging scale: white is in line
 * with the team, purple stricter, orange more lenient. The value and n are printed in every cell,
 * so the colour is never the only cue.
 */
export function BiasHeatMap({
  report,
  names,
}: {
  report: Pick<AuditReport, 'raters' | 'criteria'>;
  names: Readonly<Record<string, string>>;
}) {
  // useId may contain characters that are not valid in url(#…): keep letters and digits.
  const gradientId = `ys-bias-gradient-${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const { raters } = report;
  const criteria = report.criteria.map((c) => c.id);
  const differences = teamDifferences(report);
  const valueOf = (rater: string, criterion: string) => differences.get(criterion)?.get(rater) ?? null;
  let largest = 0;
  for (const distances of differences.values())
    for (const value of distances.values()) largest = Math.max(largest, Math.abs(value));
  const limit = Math.max(1, Math.ceil(largest * 2) / 2);
  const width = LEFT + criteria.length * CELL_W + 20;
  const gridBottom = TOP + raters.length * CELL_H;
  const height = gridBottom + LEGEND_H;
  const legendWidth = Math.max(300, Math.min(360, criteria.length * CELL_W));
  const name = (id: string) => names[id] ?? id;
  const cells = raters.flatMap((rater) =>
    criteria.map((criterion) =>
      cellText(rater.id, name(criterion), valueOf(rater.id, criterion), rater.robustBias[criterion]!),
    ),
  );
  const frameWidth = Math.max(width, LEFT + legendWidth + 40);
  return (
    <ChartFrame
      title="How each rater scores against the team: robust bias from the team's consensus, in levels"
      description={`${cells.join('; ')}. Within ±${IN_LINE_LEVELS} level is in line with the team; negative is stricter, positive more lenient.`}
      caption={
        <>
          Each cell: the rater&apos;s robust bias, measured from the team&apos;s consensus on the same deals,
          in levels, with n deals and calibration cases. White: in line with the team (within ±
          {IN_LINE_LEVELS} level); purple: stricter; orange: more lenient; grey: not computed (the table also
          gives each rater&apos;s bias against the mean of the others).
        </>
      }
      width={frameWidth}
      height={height}
    >
      <defs>
        <linearGradient id={gradientId}>
          <stop offset="0%" stopColor={mix(STRICT, 1)} />
          <stop offset="35%" stopColor={IN_LINE} />
          <stop offset="65%" stopColor={IN_LINE} />
          <stop offset="100%" stopColor={mix(LENIENT, 1)} />
        </linearGradient>
      </defs>
      {criteria.map((criterion, c) => (
        <text
          key={criterion}
          className="ys-row-label"
          fill={CHART_COLOURS.text}
          x={LEFT + c * CELL_W + CELL_W / 2}
          y={TOP - 12}
          textAnchor="middle"
        >
          {name(criterion)}
        </text>
      ))}
      {raters.map((rater, r) => (
        <g key={rater.id}>
          <text
            className="ys-row-label"
            fill={CHART_COLOURS.text}
            x={LEFT - 10}
            y={TOP + r * CELL_H + CELL_H / 2 + 4}
            textAnchor="end"
          >
            {rater.id}
          </text>
          {criteria.map((criterion) => {
            const figure = rater.robustBias[criterion]!;
            const value = figure.value === null ? null : valueOf(rater.id, criterion);
            const c = criteria.indexOf(criterion);
            const x = LEFT + c * CELL_W;
            const y = TOP + r * CELL_H;
            const colour = value === null ? null : biasColour(value, limit);
            const fill = colour?.fill ?? CHART_COLOURS.missingCell;
            const label = colour?.label ?? CHART_COLOURS.text;
            return (
              <g key={criterion}>
                <title>{cellText(rater.id, name(criterion), value, figure)}</title>
                <rect
                  className="ys-cell"
                  x={x + 1}
                  y={y + 1}
                  width={CELL_W - 2}
                  height={CELL_H - 2}
                  fill={fill}
                />
                <text className="ys-cell-text" fill={label} x={x + CELL_W / 2} y={y + 18} textAnchor="middle">
                  {value === null ? reasonKind(figure.reason ?? 'not computed') : signed(value, 2)}
                </text>
                <text className="ys-cell-n" fill={label} x={x + CELL_W / 2} y={y + 33} textAnchor="middle">
                  n {figure.n}
                </text>
              </g>
            );
          })}
        </g>
      ))}
      <g transform={`translate(${LEFT}, ${gridBottom + 18})`}>
        <rect x={0} y={0} width={legendWidth} height={12} fill={`url(#${gradientId})`} stroke="#8a8a8a" />
        <text className="ys-tick" fill={CHART_COLOURS.muted} x={0} y={28} textAnchor="start">
          {signed(-limit, 1)} stricter
        </text>
        <text className="ys-tick" fill={CHART_COLOURS.text} x={legendWidth / 2} y={28} textAnchor="middle">
          0: in line with the team
        </text>
        <text className="ys-tick" fill={CHART_COLOURS.muted} x={legendWidth} y={28} textAnchor="end">
          {signed(limit, 1)} more lenient
        </text>
        <text className="ys-tick" fill={CHART_COLOURS.muted} x={legendWidth / 2} y={46} textAnchor="middle">
          white within ±{IN_LINE_LEVELS} level
        </text>
      </g>
    </ChartFrame>
  );
}
