import { browser } from 'wxt/browser';

/** How long a refused request waits for its tab's in-page navigation to commit. */
const NAVIGATION_COMMIT_WAIT_MS = 1_000;

/**
 * The tab's URL once it differs from `seenUrl`, or `seenUrl` when it does not change in time (a request
 * for a deal the tab never shows is then refused). Chromium updates the tab's URL shortly after a
 * single-page app's `pushState`, while the sidebar may ask for the new deal at once.
 */
export function tabUrlAfterNavigation(
  tabId: number,
  seenUrl: string | undefined,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    const finish = (url: string | undefined) => {
      clearTimeout(timer);
      browser.tabs.onUpdated.removeListener(onUpdated);
      resolve(url);
    };
    const onUpdated = (updatedId: number, change: { url?: string }) => {
      if (updatedId === tabId && change.url !== undefined && change.url !== seenUrl) finish(change.url);
    };
    const timer = setTimeout(() => finish(seenUrl), NAVIGATION_COMMIT_WAIT_MS);
    browser.tabs.onUpdated.addListener(onUpdated);
    // It may have committed between the message and this listener.
    browser.tabs.get(tabId).then(
      (tab) => {
        if (tab.url !== undefined && tab.url !== seenUrl) finish(tab.url);
      },
      () => finish(seenUrl),
    );
  });
}
