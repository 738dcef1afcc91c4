import { configsForPage } from '../../lib/crm/configs-for-page';
import { CUSTOM_CRM_ADAPTERS_KEY } from '../../lib/crm/custom-crm-adapters-key';
import type { GenericAdapterConfig } from '../../lib/crm/generic-adapter';
import { readDefinitionsPreview } from '../../lib/definitions/definitions-preview';
import {
  clampSidebarWidth,
  DEFAULT_SIDEBAR_PLACEMENT,
  SIDEBAR_WIDTH,
  SidebarPlacementSchema,
} from '../../lib/messaging/dock-protocol';
import { MessageType } from '../../lib/messaging/protocol';
import { DEFINITIONS_PREVIEW_KEY } from '../../lib/messaging/protocol-names';
import type { SidebarStart } from '../../lib/messaging/tab-scoped-protocol';
import type { HandlerSlice, LocalStore } from './handler-context';

/** storage.local key of whether the rep collapsed the sidebar. */
export const SIDEBAR_COLLAPSED_KEY = 'sidebarCollapsed';
/** storage.local key of the width the rep gave the open sidebar. */
export const SIDEBAR_WIDTH_KEY = 'sidebarWidth';
/** storage.local key of whether the sidebar sits beside the page or over it. */
export const SIDEBAR_PLACEMENT_KEY = 'sidebarPlacement';

/** What the sidebar lays out before the deal's state arrives. */
export async function readSidebarStart(store: LocalStore): Promise<SidebarStart> {
  const stored = await store.get([
    SIDEBAR_COLLAPSED_KEY,
    SIDEBAR_WIDTH_KEY,
    SIDEBAR_PLACEMENT_KEY,
    DEFINITIONS_PREVIEW_KEY,
  ]);
  const width = stored[SIDEBAR_WIDTH_KEY];
  const placement = SidebarPlacementSchema.safeParse(stored[SIDEBAR_PLACEMENT_KEY]);
  return {
    collapsed: stored[SIDEBAR_COLLAPSED_KEY] === true,
    width: typeof width === 'number' ? clampSidebarWidth(width) : SIDEBAR_WIDTH.default,
    placement: placement.success ? placement.data : DEFAULT_SIDEBAR_PLACEMENT,
    definitionsPreview: readDefinitionsPreview(stored[DEFINITIONS_PREVIEW_KEY]),
  };
}

/** The loaders' and sidebars' reads of what the background keeps in storage.local. */
export const sidebarStartHandlers: HandlerSlice<
  | typeof MessageType.getCustomDealUrls
  | typeof MessageType.getSidebarStart
  | typeof MessageType.setSidebarCollapsed
  | typeof MessageType.setSidebarWidth
  | typeof MessageType.setSidebarPlacement
> = {
  // From the copy the host sync keeps in storage.local: a custom host's every page load asks, and the
  // database need not open for it.
  [MessageType.getCustomDealUrls]: async (_request, { effects, origin }) => {
    const stored = (await effects.localStore.get([CUSTOM_CRM_ADAPTERS_KEY]))[CUSTOM_CRM_ADAPTERS_KEY];
    const configs = Array.isArray(stored) ? (stored as GenericAdapterConfig[]) : [];
    const forPage = origin.sender === 'extension-page' ? configs : configsForPage(configs, origin.url);
    return { ok: true, value: forPage.map(({ urlPattern }) => ({ urlPattern })) };
  },
  [MessageType.getSidebarStart]: async (_request, { effects }) => ({
    ok: true,
    value: await readSidebarStart(effects.localStore),
  }),
  [MessageType.setSidebarCollapsed]: async ({ collapsed }, { effects }) => {
    await effects.localStore.set({ [SIDEBAR_COLLAPSED_KEY]: collapsed });
    return { ok: true, value: { collapsed } };
  },
  [MessageType.setSidebarWidth]: async ({ width }, { effects }) => {
    await effects.localStore.set({ [SIDEBAR_WIDTH_KEY]: width });
    return { ok: true, value: { width } };
  },
  // From options: every open dock is told, and moves its sidebar beside or over its page at once.
  [MessageType.setSidebarPlacement]: async ({ placement }, { effects }) => {
    await effects.localStore.set({ [SIDEBAR_PLACEMENT_KEY]: placement });
    await effects.announceStateChange();
    return { ok: true, value: { placement } };
  },
};
