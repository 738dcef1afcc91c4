import { MessageType } from '../../lib/messaging/protocol';
import { pageFallbackReason } from '../../lib/org/salesforce/deal-reading-fallback';
import type { HandlerSlice } from './handler-context';

/** The sidebar's request for the org's reading of the Salesforce deal its tab shows. */
export const orgDealHandlers: HandlerSlice<typeof MessageType.getOrgDeal> = {
  [MessageType.getOrgDeal]: async ({ dealKey, pageUrl }, { effects, origin }) => {
    // Only a content script in a tab has a page the org can be derived from, and only its own host's.
    if (origin.tabId === undefined || !origin.url || hostOf(origin.url) !== hostOf(pageUrl)) {
      return { ok: true, value: { dealKey, source: 'page', reason: pageFallbackReason('not-an-org-page') } };
    }
    const reading = await effects.orgDeals.read({
      tabId: origin.tabId,
      pageUrl,
      dealKey,
      cookieStoreId: origin.cookieStoreId,
    });
    // Where the org refuses the browser session, a connected app named by policy can still let the API answer.
    if (reading.source === 'page' && reading.reason.code === 'session-refused-for-api') {
      const { connectedAppClientId } = await effects.orgSync.config();
      if (connectedAppClientId !== null) return { ok: true, value: { ...reading, canConnect: true } };
    }
    return { ok: true, value: reading };
  },
};

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}
