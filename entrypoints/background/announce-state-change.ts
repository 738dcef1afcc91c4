import { browser } from 'wxt/browser';

/** Storage key bumped whenever definitions or settings change; sidebars and pages watch it. */
export const STATE_REVISION_KEY = 'stateRevision';

/** Tells every open sidebar and extension page to reload what it shows. */
export async function announceStateChange(): Promise<void> {
  await browser.storage.local.set({ [STATE_REVISION_KEY]: Date.now() });
}
