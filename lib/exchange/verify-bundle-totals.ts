import { computeScore } from '../scoring/compute-score';
import type { ImportedBundle } from './read-bundle';

/** The figures of a bundle's scores as their answers give them, with every disagreement named. */
export interface VerifiedTotals {
  /** Per score (bundle order): the total computed from its answers, or null when it cannot be. */
  totals: (number | null)[];
  /** One line per score whose recorded total, ceiling or band differs from its answers'. */
  mismatches: string[];
  /** Scores whose definitions document the bundle does not include, so their figures went unchecked. */
  unchecked: number;
}

/** Totals within this of each other are equal: both are rounded to a tenth. */
const TOLERANCE = 0.05;

/**
 * Recomputes total, ceiling and band of each score from its answers and the bundle's definitions
 * document (whose hash the reader verified). A checksum proves a file intact, not that its totals
 * were computed by Yardstick: a hand-edited bundle re-checksummed must not move the audit.
 */
export function verifyBundleTotals(imported: ImportedBundle): VerifiedTotals {
  const documents = new Map(imported.bundle.definitions.map((d) => [d.hash, d.document]));
  const result: VerifiedTotals = { totals: [], mismatches: [], unchecked: 0 };
  imported.bundle.scores.forEach((record, index) => {
    const document = documents.get(record.definitions.hash);
    if (!document) {
      result.totals.push(null);
      result.unchecked++;
      return;
    }
    const computed = computeScore(document, record.answers);
    result.totals.push(computed.total);
    const differences: string[] = [];
    if (Math.abs(computed.total - record.total) > TOLERANCE)
      differences.push(`total ${record.total} recorded, ${computed.total} from its answers`);
    if (Math.abs(computed.ceiling - record.ceiling) > TOLERANCE)
      differences.push(`ceiling ${record.ceiling} recorded, ${computed.ceiling} from its answers`);
    if (computed.band.id !== record.band.id)
      differences.push(`band "${record.band.label}" recorded, "${computed.band.label}" from its answers`);
    if (differences.length === 0) return;
    const { line } = imported.locate(['scores', index]);
    result.mismatches.push(`${imported.file}:${line}: score ${record.id}: ${differences.join('; ')}`);
  });
  return result;
}
