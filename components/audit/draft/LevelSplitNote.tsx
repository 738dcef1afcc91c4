import { confusionsOf, type LevelSplits } from '../../../lib/audit/level-splits';

const pairs = (count: number) => `${count} rating pair${count === 1 ? '' : 's'}`;

/**
 * How the raters' picks split on one level: which other levels they picked for the same unit
 * instead, with the counts, and how often two raters agreed on it.
 */
export function LevelSplitNote({
  id,
  splits,
  level,
  levelLabel,
}: {
  id: string;
  splits: LevelSplits;
  level: number;
  levelLabel: (value: number) => string;
}) {
  const confused = confusionsOf(splits, level);
  const agreed = splits.agreed.find((pair) => pair.low === level)?.pairs ?? 0;
  if (confused.length === 0 && agreed === 0) return null;
  return (
    <p id={id} className={confused.length > 0 ? 'ys-draft-split-note' : 'ys-muted'}>
      {confused.length > 0
        ? `Raters split: ${confused
            .map(
              (pair) =>
                `${levelLabel(pair.low === level ? pair.high : pair.low)} on the same deal in ${pairs(pair.pairs)}`,
            )
            .join('; ')}; agreed on it in ${pairs(agreed)}.`
        : `No split: agreed on it in ${pairs(agreed)}.`}
    </p>
  );
}
