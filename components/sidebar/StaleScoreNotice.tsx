import { stalenessOf } from './score-staleness';
import { useSidebar } from './sidebar-context';
import { formatDate } from './date-formats';

const FIELD_NAMES = { stage: 'stage', closeDate: 'close date', amount: 'amount' } as const;

/** Says when the deal moved since its latest score (stage, close date, amount, age), and why. */
export function StaleScoreNotice() {
  const page = useSidebar((s) => s.page);
  const deal = useSidebar((s) => s.deal);
  const dirty = useSidebar((s) => s.dirty);
  if (deal.status !== 'loaded') return null;
  const latest = deal.value.history[0];
  if (!latest) return null;
  const staleness = stalenessOf(latest, page, deal.value, new Date());
  if (!staleness) return null;
  const unchecked = staleness.unchecked.map((field) => FIELD_NAMES[field]);
  if (!staleness.stale) {
    return unchecked.length > 0 ? (
      <p className="ys-muted" aria-label="Staleness">
        Not compared with the latest score ({unchecked.join(', ')} unknown on the page or in the score).
      </p>
    ) : null;
  }
  return (
    <div className="ys-notice ys-notice-warning" role="status" aria-label="Stale score">
      <p>
        <span className="ys-badge ys-badge-stale">Stale</span> The latest score ({formatDate(latest.savedAt)},{' '}
        {latest.total}) no longer describes this deal:
      </p>
      <ul>
        {staleness.reasons.map((reason) => (
          <li key={reason.kind}>{reason.message}</li>
        ))}
      </ul>
      <p>{dirty ? 'Save to record the new score.' : 'Review each criterion and save a new score.'}</p>
    </div>
  );
}
