import type { ScoreRecord } from '../../lib/scoring/score-record';
import { latestByRole } from './score-staleness';
import { useSidebar } from './sidebar-context';
import { formatDate } from './date-formats';

/** The manager's latest validating score beside the rep's latest, and what a manager's save means. */
export function ManagerView() {
  const deal = useSidebar((s) => s.deal);
  if (deal.status !== 'loaded') return null;
  const { role, history } = deal.value;
  const { manager, rep } = latestByRole(history);
  if (!manager && role !== 'manager') return null;
  return (
    <section className="ys-manager" aria-label="Manager’s view">
      <h3>Manager’s view</h3>
      {manager ? (
        <dl className="ys-manager-scores">
          <ScoreLine label="Manager" score={manager} />
          {rep ? <ScoreLine label="Rep" score={rep} /> : <Missing label="Rep" />}
        </dl>
      ) : (
        <p className="ys-muted">No manager has validated this deal yet.</p>
      )}
      {manager && rep && (
        <p className="ys-muted" data-testid="manager-difference">
          {describeDifference(manager.total - rep.total)}
        </p>
      )}
      {role === 'manager' && (
        <p className="ys-muted">You are scoring as a manager: your save is recorded as a validating score.</p>
      )}
    </section>
  );
}

function ScoreLine({ label, score }: { label: string; score: ScoreRecord }) {
  return (
    <div className="ys-manager-score">
      <dt>{label}</dt>
      <dd data-testid={`${label.toLowerCase()}-score`}>
        <strong>{score.total}</strong> {score.band.label}{' '}
        <span className="ys-muted">
          · {score.rater}, {formatDate(score.savedAt)}
        </span>
      </dd>
    </div>
  );
}

function Missing({ label }: { label: string }) {
  return (
    <div className="ys-manager-score">
      <dt>{label}</dt>
      <dd className="ys-unknown">No rep score yet</dd>
    </div>
  );
}

function describeDifference(delta: number): string {
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0) return 'The manager agrees with the rep’s total.';
  return rounded > 0
    ? `The manager scores ${rounded} points higher than the rep.`
    : `The manager scores ${-rounded} points lower than the rep.`;
}
