import { dealKeyOf } from '../../../lib/crm/deal-page-state';
import type { DefinitionsPreview } from '../../../lib/definitions/definitions-preview';
import { DEAL_IDLE } from './deal-slice';
import { ORG_READING_NONE, orgConnector, readsThroughOrg, withOrgReading } from './org-slice';
import { BLANK_DRAFT } from './draft-slice';
import { SAVE_IDLE } from './save-slice';
import type { PageSlice, SidebarSlice, SliceContext } from './sidebar-state';

/** The page slice: a page showing another deal starts that deal afresh and stops the previous one's work. */
export function createPageSlice(
  context: SliceContext,
  options: { collapsed?: boolean; definitionsPreview?: DefinitionsPreview | null },
): SidebarSlice<PageSlice> {
  return (set, get) => ({
    page: { status: 'not-a-deal' },
    orgReading: ORG_READING_NONE,
    crm: null,
    collapsed: options.collapsed ?? false,
    definitionsPreview: options.definitionsPreview ?? null,

    showPage(page, crm, url) {
      const previousKey = dealKeyOf(get().page);
      const nextKey = dealKeyOf(page);
      const pageCrm = page.status === 'ready' || page.status === 'header-timeout' ? page.snapshot.crm : null;
      const shownCrm = pageCrm ?? crm ?? null;
      if (previousKey === nextKey) {
        // The CRM re-rendering the deal keeps the org's reading in place of the page's.
        set({ page: withOrgReading(page, get().orgReading), crm: shownCrm });
        return;
      }
      const signal = context.dealWork.next();
      set({
        page,
        crm: shownCrm,
        orgReading: ORG_READING_NONE,
        deal: DEAL_IDLE,
        ...BLANK_DRAFT,
        ...SAVE_IDLE,
      });
      if (nextKey) void context.loadDeal(nextKey, false, signal);
      const pageUrl = url ?? ('snapshot' in page ? page.snapshot.url : null);
      if (nextKey && pageUrl && readsThroughOrg(shownCrm)) void context.readOrgDeal(nextKey, pageUrl, signal);
    },

    setCollapsed(collapsed) {
      set({ collapsed });
    },

    connectOrg: orgConnector(context.backend, set, get, context),
  });
}
