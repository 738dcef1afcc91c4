import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DefinitionsPreview } from '../../lib/definitions/definitions-preview';
import type { SidebarBackend } from './sidebar-backend';
import { createDealSlice, dealLoader } from './store/deal-slice';
import { createDealWork } from './store/deal-work';
import { createDraftSlice, createDraftStorage } from './store/draft-slice';
import { orgDealLoader } from './store/org-slice';
import { createPageSlice } from './store/page-slice';
import { createSaveSlice } from './store/save-slice';
import type { SidebarState, SliceContext } from './store/sidebar-state';

export type {
  DraftAnswer,
  DraftOrigin,
  OrgReadingState,
  SaveStatus,
  SidebarState,
} from './store/sidebar-state';
export { DRAFT_PERSIST_DELAY_MS } from './store/draft-slice';

/** The sidebar's store: one per mounted sidebar, talking to the background through `backend`. */
export type SidebarStore = StoreApi<SidebarState>;

/** Creates the sidebar store from its page, deal, draft and save slices. `newId` makes save ids. */
export function createSidebarStore(
  backend: SidebarBackend,
  options: { collapsed?: boolean; newId?: () => string; definitionsPreview?: DefinitionsPreview | null } = {},
): SidebarStore {
  const newId = options.newId ?? (() => crypto.randomUUID());
  return createStore<SidebarState>()((set, get, store) => {
    const dealWork = createDealWork();
    const context: SliceContext = {
      backend,
      newId,
      dealWork,
      loadDeal: dealLoader(backend, set, get),
      readOrgDeal: orgDealLoader(backend, set, get),
      draftStorage: createDraftStorage(backend, get, set, dealWork),
    };
    return {
      ...createPageSlice(context, options)(set, get, store),
      ...createDealSlice(context)(set, get, store),
      ...createDraftSlice(context)(set, get, store),
      ...createSaveSlice(context)(set, get, store),
    };
  });
}
