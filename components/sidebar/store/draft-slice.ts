import { ownValue } from '../../../lib/own-value';
import { changesScoring } from '../../../lib/definitions/scoring-meaning';
import { dealKeyOf } from '../../../lib/crm/deal-page-state';
import type { DealState } from '../../../lib/messaging/protocol';
import type { ScoreRecord } from '../../../lib/scoring/score-record';
import type { SidebarBackend, UnsavedDraft } from '../sidebar-backend';
import type { DealWork } from './deal-work';
import { backgroundUnreachable } from './background-unreachable';
import type {
  DraftAnswer,
  DraftSlice,
  DraftStorage,
  SidebarSlice,
  SidebarState,
  SliceContext,
} from './sidebar-state';

/** How long after the last edit the unsaved draft is written to storage. */
export const DRAFT_PERSIST_DELAY_MS = 300;

/** The draft slice's state for a deal with nothing entered yet. */
export const BLANK_DRAFT: Pick<DraftSlice, 'draft' | 'draftOrigin' | 'dirty' | 'draftNotKept'> = {
  draft: {},
  draftOrigin: { kind: 'blank' },
  dirty: false,
  draftNotKept: null,
};

/** The draft slice: the rep's edits, written to storage as they are made. */
export function createDraftSlice(context: SliceContext): SidebarSlice<DraftSlice> {
  const { backend, dealWork, draftStorage } = context;
  return (set, get) => {
    const edit = (criterionId: string, change: Partial<DraftAnswer>) => {
      const current = ownValue(get().draft, criterionId) ?? { level: undefined, evidence: '' };
      set({
        draft: { ...get().draft, [criterionId]: { ...current, ...change } },
        dirty: true,
        pendingSaveId: null,
      });
      draftStorage.storeSoon();
    };
    return {
      ...BLANK_DRAFT,

      chooseLevel(criterionId, level) {
        edit(criterionId, { level });
      },

      writeEvidence(criterionId, evidence) {
        edit(criterionId, { evidence });
      },

      async discardDraft() {
        const dealKey = dealKeyOf(get().page);
        if (!dealKey) return;
        const { signal } = dealWork;
        draftStorage.cancel();
        await backend.clearDraft(dealKey).catch(() => undefined);
        await context.loadDeal(dealKey, false, signal);
      },
    };
  };
}

/**
 * Unsaved edits survive a reload or a browser restart: they are written shortly after each change,
 * unless the sidebar moved to another deal meanwhile.
 */
export function createDraftStorage(
  backend: Pick<SidebarBackend, 'storeDraft'>,
  get: () => SidebarState,
  set: (partial: Pick<SidebarState, 'draftNotKept'>) => void,
  dealWork: DealWork,
): DraftStorage {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    storeSoon() {
      clearTimeout(timer);
      const dealKey = dealKeyOf(get().page);
      if (!dealKey) return;
      const { signal } = dealWork;
      timer = setTimeout(() => {
        if (signal.aborted || !get().dirty) return;
        void backend
          .storeDraft(dealKey, { answers: get().draft, editedAt: new Date().toISOString() })
          .catch(backgroundUnreachable)
          .then((response) => {
            if (!signal.aborted) set({ draftNotKept: response.ok ? null : response.error });
          });
      }, DRAFT_PERSIST_DELAY_MS);
    },
    cancel() {
      clearTimeout(timer);
    },
  };
}

/** A restored draft's answers, keeping only criteria and levels the active definitions still have. */
export function keepKnownCriteria(
  answers: UnsavedDraft['answers'],
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
export function draftFromHistory(state: DealState): Pick<DraftSlice, 'draft' | 'draftOrigin'> {
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
      sameDefinitions: scoresTheSame(latest, state),
    },
  };
}

/**
 * Whether the latest score was made under definitions that score as the active ones do: a change
 * in calibration cases or titles alone leaves nothing to re-score. Unknown old definitions count as changed.
 */
function scoresTheSame(latest: ScoreRecord, state: DealState): boolean {
  if (latest.definitions.hash === state.active.hash) return true;
  const scoredUnder = state.latestScoreDefinitions;
  return scoredUnder !== null && !changesScoring(scoredUnder, state.active.definitions);
}
