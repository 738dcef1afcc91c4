import { useId, type ReactNode } from 'react';
import { CHART_COLOURS } from './chart-palette';

/** Maps a domain linearly onto a range. */
export function linearScale(domain: readonly [number, number], range: readonly [number, number]) {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (value: number) => r0 + ((value - d0) / span) * (r1 - r0);
}

/** Evenly spaced tick values from `low` to `high` (inclusive) at `step`, without float drift. */
export function ticks(low: number, high: number, step: number): number[] {
  const result: number[] = [];
  const first = Math.ceil(low / step - 1e-9);
  const last = Math.floor(high / step + 1e-9);
  for (let i = first; i <= last; i++) result.push(Number((i * step).toFixed(10)));
  return result;
}

/** The first words of a reason ("insufficient data", "one rater", …): short enough for a chart. */
export function reasonKind(reason: string): string {
  const colon = reason.indexOf(':');
  return colon < 0 ? reason : reason.slice(0, colon);
}

/**
 * An accessible chart: an SVG image named by its title and described by `description` (which
 * states every value, so a screen reader gets the data without the picture), with a visible caption
 * explaining the encoding. The table after each chart has the same numbers.
 */
export function ChartFrame({
  title,
  description,
  caption,
  width,
  height,
  children,
}: {
  title: string;
  description: string;
  caption: ReactNode;
  width: number;
  height: number;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="ys-chart">
      <svg
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        style={{ maxWidth: `${width}px` }}
        preserveAspectRatio="xMinYMin meet"
        focusable="false"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <rect
          className="ys-chart-background"
          x={0}
          y={0}
          width={width}
          height={height}
          fill={CHART_COLOURS.background}
        />
        {children}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
