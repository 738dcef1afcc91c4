import type { StageResolution } from '../../lib/scoring/stage-gates';

type MappedStage = Extract<StageResolution, { kind: 'mapped' }>;

/** Says which of the definitions' stages a CRM stage maps to, for its tooltip and accessible description. */
export function definitionsStageDescription(stage: MappedStage): string {
  return `The definitions’ stage: ${stage.stage.name}`;
}

/**
 * A mapped stage as the CRM names it, quoted (“Proposal/Price Quote”), with the definitions' stage it maps to
 * as its tooltip; `descriptionId` names the element that describes it to assistive technology.
 */
export function CrmStageName({ stage, descriptionId }: { stage: MappedStage; descriptionId: string }) {
  return (
    <span
      className="ys-crm-stage"
      title={definitionsStageDescription(stage)}
      aria-describedby={descriptionId}
    >
      “{stage.crmStage.trim()}”
    </span>
  );
}
