import { useId } from 'react';
import { ownValue } from '../../lib/own-value';
import { computeScore } from '../../lib/scoring/compute-score';
import { findGateShortfalls, resolveStage } from '../../lib/scoring/stage-gates';
import type { Answer } from '../../lib/scoring/answer';
import { CrmStageName, definitionsStageDescription } from './CrmStageName';
import { useSidebar } from './sidebar-context';

/** The live total, band and stage-gate shortfalls of the draft; "Not scored yet" while nothing is answered. */
export function ScoreSummary({ showStageGates = true }: { showStageGates?: boolean }) {
  const deal = useSidebar((s) => s.deal);
  const draft = useSidebar((s) => s.draft);
  const page = useSidebar((s) => s.page);
  const stageDescriptionId = useId();
  if (deal.status !== 'loaded') return null;
  const { definitions } = deal.value.active;
  const answers: Answer[] = Object.entries(draft).map(([criterionId, answer]) => ({
    criterionId,
    level: answer.level ?? null,
    evidence: answer.evidence,
  }));
  const result = computeScore(definitions, answers);
  const unanswered = definitions.criteria.filter((c) => ownValue(draft, c.id)?.level === undefined).length;
  const notScored = unanswered === definitions.criteria.length;
  const crmStage =
    page.status === 'ready' || page.status === 'header-timeout' ? page.snapshot.stage.text : null;
  const stage = resolveStage(definitions, crmStage);
  const shortfalls = stage.kind === 'mapped' ? findGateShortfalls(definitions, stage.stage.id, answers) : [];

  return (
    <section className="ys-summary" aria-label="Score">
      {notScored ? (
        <div className="ys-total">
          <span className="ys-total-none" data-testid="score-not-scored">
            Not scored yet
          </span>
        </div>
      ) : (
        <div className="ys-total">
          <span className="ys-total-number" data-testid="score-total">
            {result.total}
          </span>
          <span className="ys-total-of">/ 100</span>
          <span className={`ys-band ys-band-${result.band.id}`} data-testid="score-band">
            {result.band.label}
          </span>
        </div>
      )}
      <p className="ys-muted">
        {notScored
          ? `No criterion answered yet: pick a level, or Unknown, for each of the ${definitions.criteria.length}.`
          : result.unknownCount === 0
            ? 'Every criterion is known.'
            : `${result.unknownCount} of ${definitions.criteria.length} unknown or unanswered: up to ${result.ceiling} if they reach their top level.`}
        {!notScored && unanswered > 0 && ` ${unanswered} not answered yet (saved as Unknown).`}
      </p>
      {showStageGates && (
        <div className="ys-gates" aria-label="Stage requirements" role="group">
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
