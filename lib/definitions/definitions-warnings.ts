import type { DefinitionsProblem } from './definitions-problem';
import { formatIssuePath } from './parse-definitions';
import type { ReadDefinitions } from './read-definitions-text';
import type { Definitions } from './schema-v1';

/**
 * Placeholders that say "we do not know" rather than describe evidence, compared letters-only
 * (so "N/A", "n.a." and "T.B.D." all match).
 */
const PLACEHOLDERS = new Set(['na', 'tbd', 'tbc', 'notknown']);

const RESERVED = 'unknown';

/**
 * Lists what is valid but misleading in definitions: a level labelled "Unknown" or a near spelling
 * ("unknown", "Unkown", "UN-KNOWN", "N/A"). Unknown is the sidebar's own answer, kept apart from every
 * level, so a level of that name shows the rep two Unknowns that score differently. With `locate`, each
 * warning also gets its line and column in the file.
 */
export function findDefinitionsWarnings(
  definitions: Definitions,
  locate?: ReadDefinitions['locate'],
): DefinitionsProblem[] {
  const warnings: DefinitionsProblem[] = [];
  definitions.criteria.forEach((criterion, criterionIndex) => {
    criterion.levels.forEach((level, levelIndex) => {
      if (!readsAsUnknown(level.label)) return;
      const path = ['criteria', criterionIndex, 'levels', levelIndex, 'label'];
      const spot = locate?.(path);
      warnings.push({
        path: formatIssuePath(path),
        ...(spot ? { line: spot.line, column: spot.column } : {}),
        message: `"${level.label}" reads as Unknown, which is reserved for the answer kept apart from every level; name what the customer has not done yet (e.g. "Not identified", "None yet")`,
      });
    });
  });
  return warnings;
}

/** True for "Unknown" in any case or spacing, one typo away from it, or a placeholder meaning the same. */
export function readsAsUnknown(label: string): boolean {
  const letters = label.toLowerCase().replace(/[^\p{L}]/gu, '');
  if (letters === '' && label.trim() !== '') return /^[\s?]+$/.test(label);
  return PLACEHOLDERS.has(letters) || withinOneEdit(letters, RESERVED);
}

// One insertion, deletion, substitution or swap of neighbours (Damerau): "unkown", "unknwon", "unknonw".
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length <= 1 && restB.length <= 1) return true;
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}
