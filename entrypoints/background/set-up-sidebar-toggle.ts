import { browser } from 'wxt/browser';
import { MessageType, type ToggleSidebarMessage } from '../../lib/messaging/protocol';

/** The manifest's keyboard commands and the message each sends to the active tab's sidebar. */
const COMMAND_MESSAGES: Record<string, ToggleSidebarMessage['type']> = {
  'focus-sidebar': MessageType.focusSidebar,
  'close-sidebar': MessageType.closeSidebar,
};

/** Focuses (opening it if needed) or closes the sidebar in the active tab from the keyboard commands. */
export function setUpSidebarToggle(): void {
  browser.commands.onCommand.addListener((command, tab) => {
    const type = COMMAND_MESSAGES[command];
    if (type) void sendToSidebar(tab?.id, { type });
  });
}

async function sendToSidebar(tabId: number | undefined, message: ToggleSidebarMessage): Promise<void> {
  const id = tabId ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (id === undefined) return;
  // A tab without a sidebar (not a deal page) has no receiver; that is not an error. Only the top
  // frame's dock listens: the sidebar frame takes its orders from the dock.
  await browser.tabs.sendMessage(id, message, { frameId: 0 }).catch(() => undefined);
}
