import { useId, useState } from 'react';
import { ownValue } from '../../lib/own-value';
import { computeScore } from '../../lib/scoring/compute-score';
import type { GateShortfall, StageResolution } from '../../lib/scoring/stage-gates';
import { CrmStageName, definitionsStageDescription } from './CrmStageName';
import { useSidebar } from './sidebar-context';
import { answersOf, useStageGates } from './use-stage-gates';

/**
 * The live total, band and stage-gate shortfalls of the draft: one pinned line ("58 Developing · 3 gates
 * short ▸", or "Not scored yet" while nothing is answered) that expands to the unknowns and each shortfall.
 */
export function ScoreSummary({ showStageGates = true }: { showStageGates?: boolean }) {
  const deal = useSidebar((s) => s.deal);
  const draft = useSidebar((s) => s.draft);
  const gates = useStageGates();
  const [expanded, setExpanded] = useState(false);
  const detailId = useId();
  const stageDescriptionId = useId();
  if (deal.status !== 'loaded' || !gates) return null;
  const { definitions } = deal.value.active;
  const result = computeScore(definitions, answersOf(draft));
  const unanswered = definitions.criteria.filter((c) => ownValue(draft, c.id)?.level === undefined).length;
  const notScored = unanswered === definitions.criteria.length;
  const { stage, shortfalls } = gates;

  return (
    <section className="ys-summary" aria-label="Score">
      <button
        type="button"
        className="ys-total"
        aria-expanded={expanded}
        aria-controls={showStageGates ? `${detailId}-unknowns ${detailId}-gates` : `${detailId}-unknowns`}
        onClick={() => setExpanded(!expanded)}
      >
        {notScored ? (
          <span className="ys-total-none" data-testid="score-not-scored">
            Not scored yet
          </span>
        ) : (
          <>
            <span className="ys-total-number" data-testid="score-total">
              {result.total}
            </span>
            <span className="ys-total-of">/ 100</span>
            <span className={`ys-band ys-band-${result.band.id}`} data-testid="score-band">
              {result.band.label}
            </span>
          </>
        )}
        {showStageGates && <span className="ys-gate-count">{gateCount(stage, shortfalls)}</span>}
        <span className="ys-summary-chevron" aria-hidden="true" />
      </button>
      <p className="ys-muted" id={`${detailId}-unknowns`} hidden={!expanded}>
        {notScored
          ? `No criterion answered yet: pick a level, or Unknown, for each of the ${definitions.criteria.length}.`
          : result.unknownCount === 0
            ? 'Every criterion is known.'
            : `${result.unknownCount} of ${definitions.criteria.length} unknown or unanswered: up to ${result.ceiling} if they reach their top level.`}
        {!notScored && unanswered > 0 && ` ${unanswered} not answered yet (saved as Unknown).`}
      </p>
      {showStageGates && (
        <div
          className="ys-gates"
          aria-label="Stage requirements"
          role="group"
          id={`${detailId}-gates`}
          hidden={!expanded}
        >
          {stage.kind === 'stage-unknown' && <p>Stage unknown: stage requirements cannot be checked.</p>}
          {stage.kind === 'unmapped' && (
            <p>
              Stage “{stage.crmStage}” is not one of the definitions’ stages, so no stage requirements apply.
              Ask your admin to map it.
            </p>
          )}
          {stage.kind === 'mapped' && shortfalls.length === 0 && (
            <p>
              Meets everything <CrmStageName stage={stage} descriptionId={stageDescriptionId} /> requires.
            </p>
          )}
          {stage.kind === 'mapped' && shortfalls.length > 0 && (
            <>
              <p>
                {shortfalls.length} short of what{' '}
                <CrmStageName stage={stage} descriptionId={stageDescriptionId} /> requires:
              </p>
              <ul>
                {shortfalls.map((s) => (
                  <li key={s.criterionId}>
                    {s.criterionName}: needs {s.requiredLabel}, is{' '}
                    {s.reason === 'unknown'
                      ? ownValue(draft, s.criterionId)?.level === undefined
                        ? 'not answered'
                        : 'Unknown'
                      : levelLabel(deal.value.active.definitions, s.criterionId, s.actualLevel)}
                  </li>
                ))}
              </ul>
            </>
          )}
          {stage.kind === 'mapped' && (
            <span id={stageDescriptionId} className="ys-visually-hidden">
              {definitionsStageDescription(stage)}
            </span>
          )}
        </div>
      )}
    </section>
  );
}

function levelLabel(
  definitions: { criteria: { id: string; levels: { value: number; label: string }[] }[] },
  criterionId: string,
  level: number | null,
): string {
  const criterion = definitions.criteria.find((c) => c.id === criterionId);
  return criterion?.levels.find((l) => l.value === level)?.label ?? String(level);
}

/** The pinned line's word on the stage: how many gates fall short, or why none apply. */
function gateCount(stage: StageResolution, shortfalls: readonly GateShortfall[]): string {
  if (stage.kind === 'stage-unknown') return 'stage unknown';
  if (stage.kind === 'unmapped') return 'stage not mapped';
  if (shortfalls.length === 0) return 'gates met';
  return `${shortfalls.length} ${shortfalls.length === 1 ? 'gate' : 'gates'} short`;
}
