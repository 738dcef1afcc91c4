import type { WxtBrowser } from 'wxt/browser';
import { MessageType } from '../../lib/messaging/protocol-names';
import type { HandlerSlice, RequestOrigin } from './handler-context';

/** The sidebar's in-page dock (the page reading and the frame's holder), injected on deal pages only. */
export const SIDEBAR_SCRIPT = '/sidebar-dock.js';

/** Injects the sidebar's dock into the frame whose loader found a deal page. */
export async function injectSidebar(
  scripting: Pick<WxtBrowser['scripting'], 'executeScript'>,
  origin: RequestOrigin,
): Promise<{ injected: boolean }> {
  if (origin.tabId === undefined) return { injected: false };
  await scripting.executeScript({
    target: { tabId: origin.tabId, frameIds: [origin.frameId ?? 0] },
    files: [SIDEBAR_SCRIPT],
  });
  return { injected: true };
}

/** The loaders' one request. */
export const injectSidebarHandlers: HandlerSlice<typeof MessageType.injectSidebar> = {
  [MessageType.injectSidebar]: async (_request, { effects, origin }) => {
    // A Salesforce deal's API reading starts now, while the sidebar's script loads, not once it asks.
    if (origin.tabId !== undefined && origin.url && !origin.frameId) {
      effects.orgDeals.readAhead(origin.tabId, origin.url, origin.cookieStoreId);
    }
    return { ok: true, value: await injectSidebar(effects.scripting, origin) };
  },
};
