/** A number that could be computed, with the n it was computed from. */
export interface KnownFigure {
  value: number;
  n: number;
  reason?: undefined;
}

/** What would make an "insufficient data" figure computable: `need` more `of`, optionally `in` a subset. */
export interface MoreNeeded {
  need: number;
  /** What to add, plural: "lost deals", "units with 2 or more ratings". */
  of: string;
  /** Where to add it, when the minimum applies to a subset: "band Developing". */
  in?: string;
}

/** A number that could not be computed: `reason` starts with one of the {@link ReasonKind}s. */
export interface MissingFigure {
  value: null;
  n: number;
  reason: string;
  /** For "insufficient data" below a minimum: every shortfall that must be made up (all of them). */
  sufficientWhen?: MoreNeeded[];
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

/** The standard "below the documented minimum" figure, saying how many more would make it sufficient. */
export function insufficient(n: number, what: string, minimum: number, where?: string): MissingFigure {
  return {
    ...missing(n, 'insufficient data', `${n} ${what} (minimum ${minimum})`),
    sufficientWhen: [moreNeeded(minimum - n, what, where)],
  };
}

/** One shortfall; `where` (e.g. "band Developing") is omitted when the minimum applies to all data. */
export function moreNeeded(need: number, of: string, where?: string): MoreNeeded {
  return where === undefined ? { need, of } : { need, of, in: where };
}

/** "5 more lost deals in band Developing": a shortfall in a manager's words. */
export function formatMoreNeeded({ need, of, in: where }: MoreNeeded): string {
  return `${need} more ${of}${where === undefined ? '' : ` in ${where}`}`;
}
