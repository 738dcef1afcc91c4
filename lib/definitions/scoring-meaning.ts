import { toCanonicalJson } from './canonical-json';
import type { Definitions } from './schema-v1';

/**
 * The parts of definitions that decide what a score means, as canonical JSON: each criterion's
 * question, definition, weight, levels (value and evidence, in order: the first and last bound the
 * scale) and gates; each band's range; the stages in pipeline order with every name that maps to them.
 * Titles, labels, descriptions, version, calibration cases and capture fields change no total, band,
 * gate or level, so they are left out.
 */
export function scoringMeaning(definitions: Definitions): string {
  const criteria = [...definitions.criteria]
    // Criteria order is display order: the total weighs them the same in any order.
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((criterion) => ({
      id: criterion.id,
      question: criterion.question,
      definition: criterion.definition,
      weight: criterion.weight,
      levels: criterion.levels.map((level) => ({ value: level.value, evidence: level.evidence })),
      gates: criterion.gates ?? {},
    }));
  const bands = [...definitions.bands]
    .sort((a, b) => a.min - b.min || a.id.localeCompare(b.id))
    .map((band) => ({ id: band.id, min: band.min, max: band.max }));
  // A stage's name and aliases are what a CRM stage is matched against, so they decide which gates apply.
  const stages = definitions.stages.map((stage) => ({
    id: stage.id,
    name: stage.name,
    aliases: [...(stage.aliases ?? [])].sort(),
  }));
  return toCanonicalJson({ criteria, bands, stages, stageMap: definitions.stageMap ?? {} });
}

/** True when a score made under `before` would mean something else under `after`. */
export function changesScoring(before: Definitions, after: Definitions): boolean {
  return scoringMeaning(before) !== scoringMeaning(after);
}
