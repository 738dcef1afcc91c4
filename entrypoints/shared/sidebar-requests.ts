import type { SidebarBackend } from '../../components/sidebar/sidebar-backend';
import type { MessageType as Types, Response } from '../../lib/messaging/protocol';
import { MessageType } from '../../lib/messaging/protocol-names';
import { sendRequest } from './send-request';

/**
 * The sidebar frame's backend: typed requests to the background over runtime messaging. Drafts too: the
 * background keeps them, and answers only for the deal of the tab the frame is docked in.
 */
export const messageBackend: SidebarBackend = {
  getDealState: (dealKey) => sendRequest({ type: MessageType.getDealState, dealKey }),
  getOrgDeal: (dealKey, pageUrl) => sendRequest({ type: MessageType.getOrgDeal, dealKey, pageUrl }),
  connectOrg: () => sendRequest({ type: MessageType.connectOrgFromSidebar }),
  getDealHistory: (dealKey) => sendRequest({ type: MessageType.getDealHistory, dealKey }),
  countDealHistory: (dealKey) => sendRequest({ type: MessageType.countDealHistory, dealKey }),
  saveScore: (input) => sendRequest({ type: MessageType.saveScore, ...input }),
  setRater: (rater) => sendRequest({ type: MessageType.setRater, rater }),
  async loadDraft(dealKey) {
    const response = await sendRequest({ type: MessageType.loadDraft, dealKey });
    return response.ok ? response.value.draft : null;
  },
  storeDraft: (dealKey, draft) => sendRequest({ type: MessageType.storeDraft, dealKey, draft }),
  async clearDraft(dealKey) {
    await sendRequest({ type: MessageType.clearDraft, dealKey });
  },
};

/** Which captureFields the page is read for and how custom CRM hosts are read. */
export function getReadingContext(): Promise<Response<typeof Types.getReadingContext>> {
  return sendRequest({ type: MessageType.getReadingContext });
}

/** Whether the sidebar starts collapsed, and the criteria to lay out before the deal's state arrives. */
export function getSidebarStart(): Promise<Response<typeof Types.getSidebarStart>> {
  return sendRequest({ type: MessageType.getSidebarStart });
}

/** Remembers whether the rep collapsed the sidebar, for the next deal page. */
export function setSidebarCollapsed(collapsed: boolean): Promise<Response<typeof Types.setSidebarCollapsed>> {
  return sendRequest({ type: MessageType.setSidebarCollapsed, collapsed });
}

/** Remembers the width the rep gave the open sidebar, for the next deal page. */
export function setSidebarWidth(width: number): Promise<Response<typeof Types.setSidebarWidth>> {
  return sendRequest({ type: MessageType.setSidebarWidth, width });
}
