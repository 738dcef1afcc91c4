import { known, missing, type Figure } from './figure';

/** Share of the known deals that have at least one score: n = deals known. */
export type CoverageFigure = Figure & { deals: number; scored: number };

/** Coverage: the share of `deals` (e.g. every deal in the outcomes file) that appear in `scored`. */
export function coverage(deals: readonly string[], scored: ReadonlySet<string>): CoverageFigure {
  const universe = new Set(deals);
  let hit = 0;
  for (const deal of universe) if (scored.has(deal)) hit++;
  if (universe.size === 0) {
    return {
      ...missing(0, 'not applicable', 'no outcomes file lists the deals that should be scored'),
      deals: 0,
      scored: 0,
    };
  }
  return { ...known(hit / universe.size, universe.size), deals: universe.size, scored: hit };
}
