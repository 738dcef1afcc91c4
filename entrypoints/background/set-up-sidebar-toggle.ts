import { browser } from 'wxt/browser';
import { MessageType, type ToggleSidebarMessage } from '../../lib/messaging/protocol';

/** Toggles the sidebar in the active tab from the keyboard command. */
export function setUpSidebarToggle(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'toggle-sidebar') void toggleIn(tab?.id);
  });
}

async function toggleIn(tabId: number | undefined): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  const message: ToggleSidebarMessage = { type: MessageType.toggleSidebar };
  // A tab without a sidebar (not a deal page) has no receiver; that is not an error.
  await browser.tabs.sendMessage(id, message).catch(() => undefined);
}
