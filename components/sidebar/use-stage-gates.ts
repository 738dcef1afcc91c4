import { useMemo } from 'react';
import {
  findGateShortfalls,
  resolveStage,
  type GateShortfall,
  type StageResolution,
} from '../../lib/scoring/stage-gates';
import type { Answer } from '../../lib/scoring/answer';
import type { Definitions } from '../../lib/definitions/schema-v1';
import type { DraftAnswer } from './sidebar-store';
import { useSidebar } from './sidebar-context';

/** The deal's stage as the definitions know it, and the criteria its gates flag; null until the deal loads. */
export interface StageGates {
  stage: StageResolution;
  shortfalls: GateShortfall[];
}

/** The draft as scoring answers: a criterion not answered yet counts as Unknown. */
export function answersOf(draft: Readonly<Record<string, DraftAnswer>>): Answer[] {
  return Object.entries(draft).map(([criterionId, answer]) => ({
    criterionId,
    level: answer.level ?? null,
    evidence: answer.evidence,
  }));
}

/** Resolves the shown deal's stage and the gate shortfalls of the draft against `definitions`. */
export function stageGatesOf(
  definitions: Definitions,
  crmStage: string | null,
  answers: readonly Answer[],
): StageGates {
  const stage = resolveStage(definitions, crmStage);
  const shortfalls = stage.kind === 'mapped' ? findGateShortfalls(definitions, stage.stage.id, answers) : [];
  return { stage, shortfalls };
}

/** The stage gates of the draft on the shown deal, recomputed when the draft, page or deal change. */
export function useStageGates(): StageGates | null {
  const deal = useSidebar((s) => s.deal);
  const draft = useSidebar((s) => s.draft);
  const page = useSidebar((s) => s.page);
  const crmStage =
    page.status === 'ready' || page.status === 'header-timeout' ? page.snapshot.stage.text : null;
  const definitions = deal.status === 'loaded' ? deal.value.active.definitions : null;
  return useMemo(
    () => (definitions ? stageGatesOf(definitions, crmStage, answersOf(draft)) : null),
    [definitions, crmStage, draft],
  );
}
