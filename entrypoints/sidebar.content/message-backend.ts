import { browser } from 'wxt/browser';
import type { SidebarBackend } from '../../components/sidebar/sidebar-backend';
import { MessageType } from '../../lib/messaging/protocol-names';

/** The sidebar's backend: typed requests to the background over runtime messaging. */
export const messageBackend: SidebarBackend = {
  getDealState: (dealKey) => browser.runtime.sendMessage({ type: MessageType.getDealState, dealKey }),
  saveScore: (input) => browser.runtime.sendMessage({ type: MessageType.saveScore, ...input }),
  setRater: (rater) => browser.runtime.sendMessage({ type: MessageType.setRater, rater }),
};
