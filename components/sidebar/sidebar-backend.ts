import type { MessageType, Response } from '../../lib/messaging/protocol';
import type { Answer } from '../../lib/scoring/answer';
import type { DealSnapshot } from '../../lib/crm/deal-snapshot';
import type { UnsavedDraft } from '../../lib/drafts/unsaved-draft';

/** What the sidebar needs from the background; the content script implements it with messages. */
export interface SidebarBackend {
  getDealState(dealKey: string): Promise<Response<typeof MessageType.getDealState>>;
  /** The org's API reading of the Salesforce deal at `pageUrl` (the tab's host); absent where deals come from no CRM. */
  getOrgDeal?(dealKey: string, pageUrl: string): Promise<Response<typeof MessageType.getOrgDeal>>;
  /** Connects this tab's org through the policy's connected app (OAuth sign-in window); absent off Salesforce. */
  connectOrg?(): Promise<Response<typeof MessageType.connectOrgFromSidebar>>;
  /** A longer page of the deal's newest scores, when its state came with a full first page. */
  getDealHistory(dealKey: string): Promise<Response<typeof MessageType.getDealHistory>>;
  /** How many scores the deal has, when its state came with a full page of history and no count. */
  countDealHistory(dealKey: string): Promise<Response<typeof MessageType.countDealHistory>>;
  saveScore(input: {
    saveId: string;
    deal: DealSnapshot;
    definitionsHash: string;
    answers: Answer[];
  }): Promise<Response<typeof MessageType.saveScore>>;
  setRater(rater: string): Promise<Response<typeof MessageType.setRater>>;
  /** Unsaved edits of a deal, kept by the background until saved, discarded or expired; null when none. */
  loadDraft(dealKey: string): Promise<UnsavedDraft | null>;
  /** Answers an error when the edits could not be kept (a full storage), so the sidebar can say so. */
  storeDraft(dealKey: string, draft: UnsavedDraft): Promise<Response<typeof MessageType.storeDraft>>;
  clearDraft(dealKey: string): Promise<void>;
}

export type { UnsavedDraft };
