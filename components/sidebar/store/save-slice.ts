import { ownValue } from '../../../lib/own-value';
import type { Answer } from '../../../lib/scoring/answer';
import { backgroundUnreachable } from './background-unreachable';
import type { SaveSlice, SidebarSlice, SliceContext } from './sidebar-state';

/** The save slice's state for a deal not saved yet. */
export const SAVE_IDLE: Pick<SaveSlice, 'save' | 'pendingSaveId'> = {
  save: { status: 'idle' },
  pendingSaveId: null,
};

/** The save slice: saves the draft as a score, once, even when retried. */
export function createSaveSlice(context: SliceContext): SidebarSlice<SaveSlice> {
  const { backend, newId, dealWork, draftStorage } = context;
  return (set, get) => ({
    ...SAVE_IDLE,

    async saveDraft() {
      const { page, deal, draft, save } = get();
      if (save.status === 'saving' || deal.status !== 'loaded') return;
      const snapshot = page.status === 'ready' || page.status === 'header-timeout' ? page.snapshot : null;
      if (!snapshot) return;
      const { signal } = dealWork;
      const saveId = get().pendingSaveId ?? newId();
      set({ save: { status: 'saving' }, pendingSaveId: saveId });
      const answers: Answer[] = deal.value.active.definitions.criteria.map((criterion) => ({
        criterionId: criterion.id,
        level: ownValue(draft, criterion.id)?.level ?? null,
        evidence: ownValue(draft, criterion.id)?.evidence.trim() ?? '',
      }));
      const response = await backend
        .saveScore({ saveId, deal: snapshot, definitionsHash: deal.value.active.hash, answers })
        .catch(backgroundUnreachable);
      if (signal.aborted) return;
      if (!response.ok) {
        set({ save: { status: 'failed', error: response.error } });
        return;
      }
      // The saved record is committed: show it in the history with the "Saved" status. The deal is
      // not read again afterwards: the history now holds the stored record, and a reload ran into
      // the rep's next save.
      const shown = get().deal;
      if (shown.status === 'loaded' && !shown.value.history.some((s) => s.id === response.value.id)) {
        const { history, historyTotal } = shown.value;
        // A full page stays a page: the oldest score shown makes way for the new one.
        const pageIsFull = historyTotal === null || historyTotal > history.length;
        const value = {
          ...shown.value,
          history: [response.value, ...history].slice(0, pageIsFull ? history.length : undefined),
          historyTotal: historyTotal === null ? null : historyTotal + 1,
        };
        set({ deal: { status: 'loaded', value } });
      }
      if (get().draft !== draft) {
        // The rep kept editing while the save was in flight: keep those edits as the new draft.
        set({ save: { status: 'saved', score: response.value }, pendingSaveId: null });
        return;
      }
      draftStorage.cancel();
      const saved = get().deal;
      set({
        save: { status: 'saved', score: response.value },
        pendingSaveId: null,
        dirty: false,
        draftNotKept: null,
        // The draft is now the deal's latest score: what it was carried over or restored from is past.
        draftOrigin: {
          kind: 'latest-score',
          score: response.value,
          sameDefinitions:
            saved.status === 'loaded' && response.value.definitions.hash === saved.value.active.hash,
        },
      });
      await backend.clearDraft(snapshot.dealKey).catch(() => undefined);
    },

    async setRater(rater) {
      const response = await backend.setRater(rater).catch(backgroundUnreachable);
      if (!response.ok) return response.error;
      await get().reload();
      return null;
    },
  });
}
