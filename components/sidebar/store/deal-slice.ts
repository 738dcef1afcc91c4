import { dealKeyOf } from '../../../lib/crm/deal-page-state';
import { DEAL_HISTORY_ROWS } from '../../../lib/messaging/deal-history-rows';
import type { DealState } from '../../../lib/messaging/protocol';
import { mergeScoreHistory } from '../../../lib/scoring/score-history';
import type { SidebarBackend } from '../sidebar-backend';
import { backgroundUnreachable } from './background-unreachable';
import { draftFromHistory, keepKnownCriteria } from './draft-slice';
import type { DealSlice, SidebarSlice, SidebarState, SliceContext } from './sidebar-state';

/** The deal slice's state before a deal is asked for. */
export const DEAL_IDLE: DealSlice['deal'] = { status: 'idle' };

/** The deal-and-history slice: the shown deal, read again on request (definitions or rater changed). */
export function createDealSlice(context: SliceContext): SidebarSlice<DealSlice> {
  return (_set, get) => ({
    deal: DEAL_IDLE,

    async reload() {
      const key = dealKeyOf(get().page);
      if (key) await context.loadDeal(key, true, context.dealWork.signal);
    },
  });
}

type SetState = (partial: Partial<SidebarState>) => void;

/**
 * Reads a deal from the background: its state with the history's first rows, the rep's unsaved draft,
 * then more rows and the count. Nothing is shown once `signal` aborts (the sidebar moved to another deal).
 */
export function dealLoader(
  backend: SidebarBackend,
  set: SetState,
  get: () => SidebarState,
): SliceContext['loadDeal'] {
  async function loadDeal(dealKey: string, keepDraft: boolean, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return;
    // keepDraft reloads the deal on show: its known count carries over instead of a recount.
    const before = get().deal;
    const known = keepDraft && before.status === 'loaded' ? before.value : null;
    await showDealState(dealKey, keepDraft, known, signal);
    await lengthenHistory(dealKey, signal);
    const shown = get().deal;
    if (signal.aborted || shown.status !== 'loaded' || shown.value.historyTotal !== null) return;
    if (known?.historyTotal != null) {
      const seen = new Set(known.history.map((score) => score.id));
      const added = shown.value.history.filter((score) => !seen.has(score.id)).length;
      // Counted on only when the rows shown reach the known ones: every newer score is among them.
      if (added < shown.value.history.length) {
        const historyTotal = known.historyTotal + added;
        set({ deal: { status: 'loaded', value: { ...shown.value, historyTotal } } });
        return;
      }
    }
    void countHistory(dealKey, signal);
  }

  // The deal comes with the history's first rows only; more follow once it is shown.
  async function lengthenHistory(dealKey: string, signal: AbortSignal): Promise<void> {
    const before = get().deal;
    if (before.status !== 'loaded' || signal.aborted) return;
    const { history, historyTotal } = before.value;
    if (history.length >= DEAL_HISTORY_ROWS || (historyTotal !== null && historyTotal <= history.length))
      return;
    const response = await backend.getDealHistory(dealKey).catch(() => null);
    const shown = get().deal;
    if (!response?.ok || signal.aborted || shown.status !== 'loaded') return;
    // A score saved meanwhile is in the shown history, perhaps not in the page read before it.
    const { scores, total, historyOrgStates } = response.value;
    const merged = mergeScoreHistory(
      [shown.value.history, scores],
      total === null ? DEAL_HISTORY_ROWS : undefined,
    );
    const value = {
      ...shown.value,
      history: merged,
      historyTotal: total === null ? null : merged.length,
      historyOrgStates: { ...historyOrgStates, ...shown.value.historyOrgStates },
    };
    set({ deal: { status: 'loaded', value } });
  }

  // A long history comes without its count, which would hold up the deal; it follows on its own.
  async function countHistory(dealKey: string, signal: AbortSignal): Promise<void> {
    const response = await backend.countDealHistory(dealKey).catch(() => null);
    const shown = get().deal;
    if (!response?.ok || signal.aborted || shown.status !== 'loaded') return;
    if (shown.value.historyTotal !== null) return;
    const total = Math.max(response.value.total, shown.value.history.length);
    set({ deal: { status: 'loaded', value: { ...shown.value, historyTotal: total } } });
  }

  async function showDealState(
    dealKey: string,
    keepDraft: boolean,
    known: DealState | null,
    signal: AbortSignal,
  ): Promise<void> {
    if (!keepDraft) set({ deal: { status: 'loading' } });
    // The unsaved draft is read while the background answers, not after.
    const unsavedDraft = keepDraft ? null : backend.loadDraft(dealKey).catch(() => null);
    const response = await backend.getDealState(dealKey).catch(backgroundUnreachable);
    if (signal.aborted) return;
    if (!response.ok) {
      set({ deal: { status: 'failed', error: response.error } });
      return;
    }
    const state = known ? withKnownHistory(response.value, known) : response.value;
    if (keepDraft && get().dirty) {
      set({ deal: { status: 'loaded', value: state } });
      return;
    }
    const unsaved = await unsavedDraft;
    if (signal.aborted) return;
    const latestSavedAt = state.history[0]?.savedAt ?? '';
    if (unsaved && unsaved.editedAt > latestSavedAt) {
      set({
        deal: { status: 'loaded', value: state },
        draft: keepKnownCriteria(unsaved.answers, state),
        draftOrigin: { kind: 'restored-draft', editedAt: unsaved.editedAt },
        dirty: true,
      });
      return;
    }
    const fromHistory = draftFromHistory(state);
    // Carried over from a score saved under other definitions, the draft's figure was never saved.
    const carriedOver =
      fromHistory.draftOrigin.kind === 'latest-score' && !fromHistory.draftOrigin.sameDefinitions;
    set({ deal: { status: 'loaded', value: state }, ...fromHistory, dirty: carriedOver });
  }

  return loadDeal;
}

/**
 * A deal read again while shown keeps the older rows it already had: its fresh state carries only the
 * first page of history, and dropping the rest until it is read again would make an expanded list jump.
 * Only when the fresh page reaches them: if more scores were saved since than the page holds, the
 * scores between the two would be missing, so the page stands alone until the longer one arrives.
 */
function withKnownHistory(state: DealState, known: DealState): DealState {
  if (state.historyTotal !== null) return state;
  const knownIds = new Set(known.history.map((score) => score.id));
  if (!state.history.some((score) => knownIds.has(score.id))) return state;
  return { ...state, history: mergeScoreHistory([state.history, known.history], DEAL_HISTORY_ROWS) };
}
