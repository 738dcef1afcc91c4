import { browser } from 'wxt/browser';

import { STATE_REVISION_KEY } from '../../lib/messaging/protocol-names';

/** Tells every open sidebar and extension page to reload what it shows. */
export async function announceStateChange(): Promise<void> {
  await browser.storage.local.set({ [STATE_REVISION_KEY]: Date.now() });
}
