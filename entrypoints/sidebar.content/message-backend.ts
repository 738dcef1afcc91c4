import type { SidebarBackend } from '../../components/sidebar/sidebar-backend';
import type { MessageType as Types, Response } from '../../lib/messaging/protocol';
import { MessageType } from '../../lib/messaging/protocol-names';
import { sendRequest } from '../shared/send-request';
import { storageDrafts } from './storage-drafts';

/** The sidebar's backend: typed requests to the background over runtime messaging. */
export const messageBackend: SidebarBackend = {
  getDealState: (dealKey) => sendRequest({ type: MessageType.getDealState, dealKey }),
  getOrgDeal: (dealKey, pageUrl) => sendRequest({ type: MessageType.getOrgDeal, dealKey, pageUrl }),
  getDealHistory: (dealKey) => sendRequest({ type: MessageType.getDealHistory, dealKey }),
  countDealHistory: (dealKey) => sendRequest({ type: MessageType.countDealHistory, dealKey }),
  saveScore: (input) => sendRequest({ type: MessageType.saveScore, ...input }),
  setRater: (rater) => sendRequest({ type: MessageType.setRater, rater }),
  ...storageDrafts,
};

/** Which captureFields the page is read for and how custom CRM hosts are read. */
export function getReadingContext(): Promise<Response<typeof Types.getReadingContext>> {
  return sendRequest({ type: MessageType.getReadingContext });
}
