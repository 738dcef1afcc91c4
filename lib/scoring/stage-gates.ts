import { ownValue } from '../own-value';
import type { Definitions, Stage } from '../definitions/schema-v1';
import type { Answer } from './answer';
import { levelOf } from './level-of';

/** How the CRM's stage name relates to the definitions' canonical stages. */
export type StageResolution =
  | { kind: 'mapped'; stage: Stage; crmStage: string }
  | { kind: 'unmapped'; crmStage: string }
  | { kind: 'stage-unknown' };

/** A criterion that does not yet meet what the deal's stage requires. */
export interface GateShortfall {
  criterionId: string;
  criterionName: string;
  requiredLevel: number;
  requiredLabel: string;
  actualLevel: number | null;
  reason: 'unknown' | 'below';
}

/**
 * Maps a CRM stage name to a canonical stage: `stageMap` first, then stage id, name and aliases,
 * compared case-insensitively with surrounding space ignored.
 */
export function resolveStage(definitions: Definitions, crmStage: string | null): StageResolution {
  if (crmStage === null || crmStage.trim() === '') return { kind: 'stage-unknown' };
  const wanted = normalise(crmStage);
  const mappedId = Object.entries(definitions.stageMap ?? {}).find(
    ([name]) => normalise(name) === wanted,
  )?.[1];
  const stage = definitions.stages.find(
    (s) =>
      s.id === mappedId ||
      normalise(s.id) === wanted ||
      normalise(s.name) === wanted ||
      (s.aliases ?? []).some((alias) => normalise(alias) === wanted),
  );
  return stage ? { kind: 'mapped', stage, crmStage } : { kind: 'unmapped', crmStage };
}

/**
 * Lists the criteria that fall short of the stage's gates. Requirements carry forward through the
 * pipeline: at a stage, a criterion needs the highest minimum gated at that stage or any earlier one.
 * Unknown never meets a gate.
 */
export function findGateShortfalls(
  definitions: Definitions,
  stageId: string,
  answers: readonly Answer[],
): GateShortfall[] {
  const stageIndex = definitions.stages.findIndex((s) => s.id === stageId);
  if (stageIndex < 0) return [];
  const stagesSoFar = definitions.stages.slice(0, stageIndex + 1).map((s) => s.id);
  const shortfalls: GateShortfall[] = [];
  for (const criterion of definitions.criteria) {
    const minimums = stagesSoFar
      .map((id) => ownValue(criterion.gates, id))
      .filter((v): v is number => v !== undefined);
    if (minimums.length === 0) continue;
    const requiredLevel = Math.max(...minimums);
    const actualLevel = levelOf(answers, criterion.id);
    if (actualLevel !== null && actualLevel >= requiredLevel) continue;
    shortfalls.push({
      criterionId: criterion.id,
      criterionName: criterion.name,
      requiredLevel,
      requiredLabel: criterion.levels.find((l) => l.value === requiredLevel)?.label ?? String(requiredLevel),
      actualLevel,
      reason: actualLevel === null ? 'unknown' : 'below',
    });
  }
  return shortfalls;
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
