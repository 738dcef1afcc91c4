import { useSidebar } from './sidebar-context';

/** The deal's saved scores, newest first. History is append-only. */
export function ScoreHistory() {
  const deal = useSidebar((s) => s.deal);
  if (deal.status !== 'loaded') return null;
  const { history, historyTotal } = deal.value;
  return (
    <section className="ys-history" aria-labelledby="ys-history-heading">
      <h3 id="ys-history-heading">History</h3>
      {history.length === 0 ? (
        <p className="ys-muted">No saved scores for this deal yet.</p>
      ) : (
        <ol aria-label="Saved scores">
          {history.map((score) => (
            <li key={score.id}>
              <time dateTime={score.savedAt}>{formatTime(score.savedAt)}</time>
              <span className="ys-history-total">{score.total}</span>
              <span>{score.band.label}</span>
              <span className="ys-muted">
                {score.definitions.id} {score.definitions.version} · {score.rater}
              </span>
            </li>
          ))}
        </ol>
      )}
      {historyTotal > history.length && (
        <p className="ys-muted">
          Showing the latest {history.length} of {historyTotal} scores.
        </p>
      )}
    </section>
  );
}

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
