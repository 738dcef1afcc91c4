/**
 * The form a rater name is compared and reported in: Unicode NFC. macOS writes decomposed text
 * (NFD), so "José" typed there and on Windows are different strings for the same person.
 */
export function canonicalRaterName(name: string): string {
  return name.normalize('NFC');
}

/** Names that differ only in case, accents, compatibility forms or white space share this key. */
function looseKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').replace(/\s+/g, ' ').trim();
}

/**
 * One warning per group of distinct rater names that may be one person written differently (same
 * name case-, accent- and white-space-insensitively). The audit still counts them apart: only a
 * person can tell whether "Jose Diaz" and "josé díaz" are one rater.
 */
export function nearDuplicateRaterWarnings(names: Iterable<string>): string[] {
  const groups = new Map<string, Set<string>>();
  for (const name of names) {
    const key = looseKey(name);
    if (!groups.has(key)) groups.set(key, new Set());
    groups.get(key)!.add(name);
  }
  const warnings: string[] = [];
  for (const group of groups.values()) {
    if (group.size < 2) continue;
    const listed = [...group].map((name) => JSON.stringify(name)).join(', ');
    warnings.push(
      `raters ${listed} differ only in case, accents or spaces and may be one person; they are counted as ${group.size} raters (write the name one way in every file to merge them)`,
    );
  }
  return warnings;
}
