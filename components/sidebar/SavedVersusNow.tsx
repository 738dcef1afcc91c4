import type { DefinitionsRef } from '../../lib/scoring/score-record';
import { computeScore } from '../../lib/scoring/compute-score';
import type { DraftAnswer } from './store/sidebar-state';
import { useSidebar } from './sidebar-context';

/**
 * After a definitions change, the deal's saved figure under the definitions it was saved under beside
 * the figure the draft comes to now, which nobody has saved: "Saved 70.8 Hot under 1.0 · now 60.7 Warm
 * under 1.1, not saved".
 */
export function SavedVersusNow() {
  const deal = useSidebar((s) => s.deal);
  const draft = useSidebar((s) => s.draft);
  const draftOrigin = useSidebar((s) => s.draftOrigin);
  if (deal.status !== 'loaded' || draftOrigin.kind !== 'latest-score' || draftOrigin.sameDefinitions)
    return null;
  const saved = draftOrigin.score;
  const active = deal.value.active;
  const activeRef = { id: active.definitions.id, version: active.definitions.version, hash: active.hash };
  const answered = Object.entries(draft).filter(([, answer]) => answer.level !== undefined);
  const now = computeScore(active.definitions, answersOf(answered));
  const [savedUnder, nowUnder] = versionNames(saved.definitions, activeRef);
  return (
    <p className="ys-saved-vs-now" data-testid="saved-versus-now">
      Saved {saved.total} {saved.band.label} under {savedUnder} · now{' '}
      {answered.length === 0 ? 'not scored yet' : `${now.total} ${now.band.label}`} under {nowUnder},{' '}
      <strong>not saved</strong>
    </p>
  );
}

function answersOf(entries: [string, DraftAnswer][]) {
  return entries.map(([criterionId, answer]) => ({
    criterionId,
    level: answer.level ?? null,
    evidence: answer.evidence,
  }));
}

/** Names two definitions by version, or by version and content when the versions read the same. */
function versionNames(saved: DefinitionsRef, now: DefinitionsRef): [string, string] {
  const name = (ref: DefinitionsRef) => (saved.id === now.id ? ref.version : `${ref.id} ${ref.version}`);
  if (saved.version !== now.version || saved.id !== now.id) return [name(saved), name(now)];
  return [`${name(saved)} (${saved.hash.slice(0, 7)})`, `${name(now)} (${now.hash.slice(0, 7)})`];
}
