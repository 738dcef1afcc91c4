/** A number that could be computed, with the n it was computed from. */
export interface KnownFigure {
  value: number;
  n: number;
  reason?: undefined;
}

/** A number that could not be computed: `reason` starts with one of the {@link ReasonKind}s. */
export interface MissingFigure {
  value: null;
  n: number;
  reason: string;
}

/** Every statistic the audit reports: never NaN, never without its n. */
export type Figure = KnownFigure | MissingFigure;

/** Why a figure is missing; the reason text starts with `<kind>:`. */
export type ReasonKind = 'insufficient data' | 'one rater' | 'no variation' | 'not applicable';

/** Wraps a computed value; a non-finite value is a bug upstream, so it throws rather than leak NaN. */
export function known(value: number, n: number): KnownFigure {
  if (!Number.isFinite(value)) throw new RangeError(`a figure must be finite, got ${value} (n = ${n})`);
  return { value, n };
}

/** A figure that cannot be computed, with the named reason. */
export function missing(n: number, kind: ReasonKind, detail: string): MissingFigure {
  return { value: null, n, reason: `${kind}: ${detail}` };
}

/** The standard "below the documented minimum" figure. */
export function insufficient(n: number, what: string, minimum: number): MissingFigure {
  return missing(n, 'insufficient data', `${n} ${what} (minimum ${minimum})`);
}
