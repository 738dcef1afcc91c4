import { useState } from 'react';
import { DEAL_STATE_HISTORY_ROWS } from '../../lib/messaging/deal-history-rows';
import { stalenessOf } from './score-staleness';
import { useSidebar } from './sidebar-context';
import { formatSavedAt } from './date-formats';
import { OrgScoreStateBadge } from './OrgScoreStateBadge';

/** The deal's saved scores, newest first, each flagged when the deal has moved since. History is append-only. */
export function ScoreHistory() {
  const deal = useSidebar((s) => s.deal);
  const page = useSidebar((s) => s.page);
  const [expanded, setExpanded] = useState(false);
  if (deal.status !== 'loaded') return null;
  const { history, historyTotal } = deal.value;
  // The calibration page's state has no org states: its scores never go to an org.
  const orgStates = deal.value.historyOrgStates ?? {};
  // Until the rep asks for more, as many as come with the deal's state: each save renders the list again.
  const shown = expanded ? history : history.slice(0, DEAL_STATE_HISTORY_ROWS);
  const now = new Date();
  return (
    <section className="ys-history" aria-labelledby="ys-history-heading">
      <h3 id="ys-history-heading">History</h3>
      {history.length === 0 ? (
        <p className="ys-muted">No saved scores for this deal yet.</p>
      ) : (
        <ol aria-label="Saved scores">
          {shown.map((score) => {
            const staleness = stalenessOf(score, page, deal.value, now);
            return (
              <li key={score.id}>
                <time dateTime={score.savedAt}>{formatSavedAt(score.savedAt)}</time>
                <span className="ys-history-total">{score.total}</span>
                <span>{score.band.label}</span>
                {score.role === 'manager' && <span className="ys-badge ys-badge-manager">Manager</span>}
                {staleness?.stale && (
                  <span
                    className="ys-badge ys-badge-stale"
                    title={staleness.reasons.map((reason) => reason.message).join('\n')}
                  >
                    Stale
                  </span>
                )}
                <OrgScoreStateBadge state={orgStates[score.id]} />
                <span className="ys-muted">
                  {score.definitions.id} {score.definitions.version} ·{' '}
                  {score.orgRater ? (
                    <span title={`Verified by Salesforce: user ${score.orgRater.userId}`}>
                      {score.orgRater.name} (verified)
                    </span>
                  ) : (
                    score.rater
                  )}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {historyTotal === null ? (
        <p className="ys-muted">Showing the latest {shown.length} scores.</p>
      ) : (
        historyTotal > shown.length && (
          <p className="ys-muted">
            Showing the latest {shown.length} of {historyTotal} scores.
          </p>
        )
      )}
      {shown.length < history.length && (
        <button type="button" className="ys-link-button" onClick={() => setExpanded(true)}>
          Show {history.length - shown.length} more
        </button>
      )}
    </section>
  );
}
