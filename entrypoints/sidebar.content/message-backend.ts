import { browser } from 'wxt/browser';
import type { SidebarBackend } from '../../components/sidebar/sidebar-backend';
import type { MessageType as Types, Response } from '../../lib/messaging/protocol';
import { MessageType } from '../../lib/messaging/protocol-names';
import { storageDrafts } from './storage-drafts';

/** The sidebar's backend: typed requests to the background over runtime messaging. */
export const messageBackend: SidebarBackend = {
  getDealState: (dealKey) => browser.runtime.sendMessage({ type: MessageType.getDealState, dealKey }),
  getDealHistory: (dealKey) => browser.runtime.sendMessage({ type: MessageType.getDealHistory, dealKey }),
  countDealHistory: (dealKey) => browser.runtime.sendMessage({ type: MessageType.countDealHistory, dealKey }),
  saveScore: (input) => browser.runtime.sendMessage({ type: MessageType.saveScore, ...input }),
  setRater: (rater) => browser.runtime.sendMessage({ type: MessageType.setRater, rater }),
  ...storageDrafts,
};

/** Which captureFields the page is read for and how custom CRM hosts are read. */
export function getReadingContext(): Promise<Response<typeof Types.getReadingContext>> {
  return browser.runtime.sendMessage({ type: MessageType.getReadingContext });
}
