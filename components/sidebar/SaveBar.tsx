import { useSidebar } from './sidebar-context';
import { formatTimeOfDay } from './date-formats';

/** The explicit Save (also Ctrl/Cmd+Enter) and what became of the last attempt. */
export function SaveBar() {
  const deal = useSidebar((s) => s.deal);
  const page = useSidebar((s) => s.page);
  const save = useSidebar((s) => s.save);
  const dirty = useSidebar((s) => s.dirty);
  const saveDraft = useSidebar((s) => s.saveDraft);
  const canScore = page.status === 'ready' || page.status === 'header-timeout';
  const raterMissing = deal.status === 'loaded' && !deal.value.rater;
  const disabled = !canScore || deal.status !== 'loaded' || raterMissing || save.status === 'saving';

  return (
    <div className="ys-savebar">
      <p className="ys-save-status" role="status" aria-live="polite">
        {describe()}
      </p>
      <button
        type="button"
        className="ys-button ys-button-primary"
        disabled={disabled}
        onClick={() => void saveDraft()}
      >
        {save.status === 'saving' ? 'Saving…' : 'Save score'}
      </button>
    </div>
  );

  function describe(): string {
    if (raterMissing) return 'Enter your name above to save.';
    if (save.status === 'saving') return 'Saving…';
    if (save.status === 'failed') return `Not saved: ${save.error.message}`;
    if (dirty) return 'Unsaved changes (Ctrl+Enter saves).';
    if (save.status === 'saved') return `Saved at ${formatTimeOfDay(save.score.savedAt)}.`;
    return '';
  }
}
