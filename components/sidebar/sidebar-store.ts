import { ownValue } from '../../lib/own-value';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DefinitionsPreview } from '../../lib/definitions/definitions-preview';
import { DEAL_HISTORY_ROWS } from '../../lib/messaging/deal-history-rows';
import type { DealState, ProtocolError } from '../../lib/messaging/protocol';
import type { Answer } from '../../lib/scoring/answer';
import type { ScoreRecord } from '../../lib/scoring/score-record';
import { mergeScoreHistory } from '../../lib/scoring/score-history';
import { dealKeyOf, type DealPageState } from '../../lib/crm/deal-page-state';
import type { CrmId } from '../../lib/crm/deal-snapshot';
import type { SidebarBackend } from './sidebar-backend';

/** A criterion's draft answer: `undefined` level = not answered yet, `null` = Unknown. */
export interface DraftAnswer {
  level: number | null | undefined;
  evidence: string;
}

/** Where the draft's starting answers came from. */
export type DraftOrigin =
  | { kind: 'blank' }
  | { kind: 'latest-score'; score: ScoreRecord; sameDefinitions: boolean }
  | { kind: 'restored-draft'; editedAt: string };

/** Progress of the latest save. */
export type SaveStatus =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; score: ScoreRecord }
  | { status: 'failed'; error: ProtocolError };

/** Everything the sidebar shows. */
export interface SidebarState {
  page: DealPageState;
  /** The CRM whose page this is, for wording ("Waiting for HubSpot…"); null off deal pages. */
  crm: CrmId | null;
  deal:
    | { status: 'idle' | 'loading' }
    | { status: 'loaded'; value: DealState }
    | { status: 'failed'; error: ProtocolError };
  draft: Record<string, DraftAnswer>;
  draftOrigin: DraftOrigin;
  dirty: boolean;
  save: SaveStatus;
  /** Reused when a failed save is retried, so the retry cannot land twice. */
  pendingSaveId: string | null;
  collapsed: boolean;
  /** The criteria as last served (storage.local), laid out disabled while the first deal loads. */
  definitionsPreview: DefinitionsPreview | null;
  showPage(page: DealPageState, crm?: CrmId | null): void;
  reload(): Promise<void>;
  chooseLevel(criterionId: string, level: number | null): void;
  writeEvidence(criterionId: string, evidence: string): void;
  /** Drops unsaved edits and goes back to the latest saved score. */
  discardDraft(): Promise<void>;
  saveDraft(): Promise<void>;
  setRater(rater: string): Promise<ProtocolError | null>;
  setCollapsed(collapsed: boolean): void;
}

/** The sidebar's store: one per mounted sidebar, talking to the background through `backend`. */
export type SidebarStore = StoreApi<SidebarState>;

/** Creates the sidebar store. `newId` makes save ids (crypto.randomUUID in production). */
export function createSidebarStore(
  backend: SidebarBackend,
  options: { collapsed?: boolean; newId?: () => string; definitionsPreview?: DefinitionsPreview | null } = {},
): SidebarStore {
  const newId = options.newId ?? (() => crypto.randomUUID());
  return createStore<SidebarState>()((set, get) => {
    async function loadDeal(dealKey: string, keepDraft: boolean): Promise<void> {
      // keepDraft reloads the deal on show: its known count carries over instead of a recount.
      const before = get().deal;
      const known = keepDraft && before.status === 'loaded' ? before.value : null;
      await showDealState(dealKey, keepDraft, known);
      await lengthenHistory(dealKey);
      const shown = get().deal;
      if (shown.status !== 'loaded' || shown.value.historyTotal !== null) return;
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
      void countHistory(dealKey);
    }

    // The deal comes with the history's first rows only; more follow once it is shown.
    async function lengthenHistory(dealKey: string): Promise<void> {
      const before = get().deal;
      if (before.status !== 'loaded' || dealKeyOf(get().page) !== dealKey) return;
      const { history, historyTotal } = before.value;
      if (history.length >= DEAL_HISTORY_ROWS || (historyTotal !== null && historyTotal <= history.length))
        return;
      const response = await backend.getDealHistory(dealKey).catch(() => null);
      const shown = get().deal;
      if (!response?.ok || dealKeyOf(get().page) !== dealKey || shown.status !== 'loaded') return;
      // A score saved meanwhile is in the shown history, perhaps not in the page read before it.
      const { scores, total } = response.value;
      const merged = mergeScoreHistory(
        [shown.value.history, scores],
        total === null ? DEAL_HISTORY_ROWS : undefined,
      );
      const value = { ...shown.value, history: merged, historyTotal: total === null ? null : merged.length };
      set({ deal: { status: 'loaded', value } });
    }

    // A long history comes without its count, which would hold up the deal; it follows on its own.
    async function countHistory(dealKey: string): Promise<void> {
      const response = await backend.countDealHistory(dealKey).catch(() => null);
      const shown = get().deal;
      if (!response?.ok || dealKeyOf(get().page) !== dealKey || shown.status !== 'loaded') return;
      if (shown.value.historyTotal !== null) return;
      const total = Math.max(response.value.total, shown.value.history.length);
      set({ deal: { status: 'loaded', value: { ...shown.value, historyTotal: total } } });
    }

    async function showDealState(
      dealKey: string,
      keepDraft: boolean,
      known: DealState | null,
    ): Promise<void> {
      if (!keepDraft) set({ deal: { status: 'loading' } });
      // The unsaved draft is read while the background answers, not after.
      const unsavedDraft = keepDraft ? null : backend.loadDraft(dealKey).catch(() => null);
      const response = await backend.getDealState(dealKey).catch((error: unknown) => toFailure(error));
      if (dealKeyOf(get().page) !== dealKey) return;
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
      if (dealKeyOf(get().page) !== dealKey) return;
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
      set({
        deal: { status: 'loaded', value: state },
        ...draftFromHistory(state),
        dirty: false,
      });
    }

    let persistTimer: ReturnType<typeof setTimeout> | undefined;
    // Unsaved edits survive a reload or a browser restart: they are written shortly after each change.
    function persistDraftSoon(): void {
      clearTimeout(persistTimer);
      const dealKey = dealKeyOf(get().page);
      if (!dealKey) return;
      persistTimer = setTimeout(() => {
        if (dealKeyOf(get().page) !== dealKey || !get().dirty) return;
        void backend
          .storeDraft(dealKey, { answers: get().draft, editedAt: new Date().toISOString() })
          .catch(() => undefined);
      }, DRAFT_PERSIST_DELAY_MS);
    }

    return {
      page: { status: 'not-a-deal' },
      crm: null,
      deal: { status: 'idle' },
      draft: {},
      draftOrigin: { kind: 'blank' },
      dirty: false,
      save: { status: 'idle' },
      pendingSaveId: null,
      collapsed: options.collapsed ?? false,
      definitionsPreview: options.definitionsPreview ?? null,

      showPage(page, crm) {
        const previousKey = dealKeyOf(get().page);
        const nextKey = dealKeyOf(page);
        const pageCrm =
          page.status === 'ready' || page.status === 'header-timeout' ? page.snapshot.crm : null;
        const shownCrm = pageCrm ?? crm ?? null;
        if (previousKey === nextKey) {
          set({ page, crm: shownCrm });
          return;
        }
        set({
          page,
          crm: shownCrm,
          deal: { status: 'idle' },
          draft: {},
          draftOrigin: { kind: 'blank' },
          dirty: false,
          save: { status: 'idle' },
          pendingSaveId: null,
        });
        if (nextKey) void loadDeal(nextKey, false);
      },

      async reload() {
        const key = dealKeyOf(get().page);
        if (key) await loadDeal(key, true);
      },

      chooseLevel(criterionId, level) {
        const current = ownValue(get().draft, criterionId) ?? { level: undefined, evidence: '' };
        set({
          draft: { ...get().draft, [criterionId]: { ...current, level } },
          dirty: true,
          pendingSaveId: null,
        });
        persistDraftSoon();
      },

      writeEvidence(criterionId, evidence) {
        const current = ownValue(get().draft, criterionId) ?? { level: undefined, evidence: '' };
        set({
          draft: { ...get().draft, [criterionId]: { ...current, evidence } },
          dirty: true,
          pendingSaveId: null,
        });
        persistDraftSoon();
      },

      async discardDraft() {
        const dealKey = dealKeyOf(get().page);
        if (!dealKey) return;
        clearTimeout(persistTimer);
        await backend.clearDraft(dealKey).catch(() => undefined);
        await loadDeal(dealKey, false);
      },

      async saveDraft() {
        const { page, deal, draft, save } = get();
        if (save.status === 'saving' || deal.status !== 'loaded') return;
        const snapshot = page.status === 'ready' || page.status === 'header-timeout' ? page.snapshot : null;
        if (!snapshot) return;
        const saveId = get().pendingSaveId ?? newId();
        set({ save: { status: 'saving' }, pendingSaveId: saveId });
        const answers: Answer[] = deal.value.active.definitions.criteria.map((criterion) => ({
          criterionId: criterion.id,
          level: ownValue(draft, criterion.id)?.level ?? null,
          evidence: ownValue(draft, criterion.id)?.evidence.trim() ?? '',
        }));
        const response = await backend
          .saveScore({ saveId, deal: snapshot, definitionsHash: deal.value.active.hash, answers })
          .catch((error: unknown) => toFailure(error));
        if (dealKeyOf(get().page) !== snapshot.dealKey) return;
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
        clearTimeout(persistTimer);
        set({ save: { status: 'saved', score: response.value }, pendingSaveId: null, dirty: false });
        await backend.clearDraft(snapshot.dealKey).catch(() => undefined);
      },

      async setRater(rater) {
        const response = await backend.setRater(rater).catch((error: unknown) => toFailure(error));
        if (!response.ok) return response.error;
        await get().reload();
        return null;
      },

      setCollapsed(collapsed) {
        set({ collapsed });
      },
    };
  });
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

/** How long after the last edit the unsaved draft is written to storage. */
export const DRAFT_PERSIST_DELAY_MS = 300;

function keepKnownCriteria(
  answers: Record<string, DraftAnswer>,
  state: DealState,
): Record<string, DraftAnswer> {
  const draft: Record<string, DraftAnswer> = {};
  for (const criterion of state.active.definitions.criteria) {
    const answer = ownValue(answers, criterion.id);
    if (!answer) continue;
    const levelExists = answer.level == null || criterion.levels.some((l) => l.value === answer.level);
    draft[criterion.id] = { level: levelExists ? answer.level : undefined, evidence: answer.evidence };
  }
  return draft;
}

/** Builds the draft from the deal's latest score, keeping only levels the active definitions still have. */
function draftFromHistory(state: DealState): Pick<SidebarState, 'draft' | 'draftOrigin'> {
  const latest = state.history[0];
  if (!latest) return { draft: {}, draftOrigin: { kind: 'blank' } };
  const draft: Record<string, DraftAnswer> = {};
  for (const criterion of state.active.definitions.criteria) {
    const answer = latest.answers.find((a) => a.criterionId === criterion.id);
    if (!answer) continue;
    const levelStillExists = answer.level === null || criterion.levels.some((l) => l.value === answer.level);
    draft[criterion.id] = { level: levelStillExists ? answer.level : undefined, evidence: answer.evidence };
  }
  return {
    draft,
    draftOrigin: {
      kind: 'latest-score',
      score: latest,
      sameDefinitions: latest.definitions.hash === state.active.hash,
    },
  };
}

function toFailure(error: unknown): { ok: false; error: ProtocolError } {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: {
      code: 'unreachable',
      message: `Yardstick's background did not answer (${message}). Nothing was saved.`,
    },
  };
}
