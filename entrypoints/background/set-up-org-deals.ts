import { browser } from 'wxt/browser';
import type { OAuthGrants } from '../../lib/org/salesforce/oauth/oauth-grants';
import { createOrgDealReader, type OrgDealReader } from '../../lib/org/salesforce/org-deal-reading';
import {
  createOrgSessions,
  type LinkMemory,
  type RememberedLink,
} from '../../lib/org/salesforce/org-sessions';
import type { BackgroundServices } from './background-services';

// The sidebar shows the page's reading meanwhile, so a slow org only delays the switch to the API's.
const ORG_READ_TIMEOUT_MS = 10_000;
// A tab that stays on one deal all day sees the org's changes when the rep opens it again later.
const ORG_READING_FRESH_MS = 10 * 60_000;
const LINK_KEY_PREFIX = 'orgLink:';

/** The rep's `sid` cookie of an org's API host, in the sender tab's cookie store. */
export async function readSessionCookie(apiOrigin: string, cookieStoreId?: string): Promise<string | null> {
  const cookie = await browser.cookies
    .get({ url: `${apiOrigin}/`, name: 'sid', ...(cookieStoreId ? { storeId: cookieStoreId } : {}) })
    .catch(() => null);
  return cookie?.value || null;
}

/** Links remembered in `storage.session`: gone when the browser closes, never written to disk. */
export const sessionLinkMemory: LinkMemory = {
  async read(apiOrigin) {
    const key = LINK_KEY_PREFIX + apiOrigin;
    const stored = await browser.storage.session.get(key);
    return (stored[key] as RememberedLink | undefined) ?? null;
  },
  write: (link) => browser.storage.session.set({ [LINK_KEY_PREFIX + link.apiOrigin]: link }),
  forget: (apiOrigin) => browser.storage.session.remove(LINK_KEY_PREFIX + apiOrigin),
};

/** The deal reader of the background, and the tab events that end a tab's visit to an org. */
export function setUpOrgDeals(services: BackgroundServices, oauth: OAuthGrants): OrgDealReader {
  const sessions = createOrgSessions({
    readSessionId: readSessionCookie,
    fetch: (url, init) => fetch(url, init),
    memory: sessionLinkMemory,
    timeoutMs: ORG_READ_TIMEOUT_MS,
    oauth,
  });
  const reader = createOrgDealReader({
    sessions,
    // A reading is kept per session: connecting through the connected app is a new one, read again.
    readSessionId: async (apiOrigin, cookieStoreId) => {
      const grant = await oauth.current(apiOrigin);
      return grant ? `oauth:${grant.connectedAt}` : readSessionCookie(apiOrigin, cookieStoreId);
    },
    async readCaptureFields() {
      const { definitions } = await services.readActiveDefinitions();
      return {
        captureFields: definitions.captureFields ?? [],
        salesforceFields: definitions.salesforceFields,
      };
    },
    now: () => new Date(),
    freshForMs: ORG_READING_FRESH_MS,
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) reader.tabNavigated(tabId, change.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => reader.tabClosed(tabId));
  return reader;
}
