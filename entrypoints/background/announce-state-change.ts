import { browser } from 'wxt/browser';
import { MessageType, STATE_REVISION_KEY } from '../../lib/messaging/protocol-names';
import type { StateChangedMessage } from '../../lib/messaging/tab-scoped-protocol';

/**
 * Tells every open sidebar and extension page to reload what it shows: pages watch the revision in
 * storage.local; sidebars, shut out of it, are told in their tabs (a message needs no worker kept alive).
 */
export async function announceStateChange(): Promise<void> {
  await browser.storage.local.set({ [STATE_REVISION_KEY]: Date.now() });
  const message: StateChangedMessage = { type: MessageType.stateChanged };
  const tabs = await browser.tabs.query({});
  // Most tabs have no sidebar, so no receiver; that is not an error.
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined ? undefined : browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
  );
}
