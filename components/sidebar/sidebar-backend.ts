import type { MessageType, Response } from '../../lib/messaging/protocol';
import type { Answer } from '../../lib/scoring/answer';
import type { DealSnapshot } from '../../lib/crm/deal-snapshot';

/** What the sidebar needs from the background; the content script implements it with messages. */
export interface SidebarBackend {
  getDealState(dealKey: string): Promise<Response<typeof MessageType.getDealState>>;
  /** The org's API reading of the Salesforce deal at `pageUrl` (the tab's host); absent where deals come from no CRM. */
  getOrgDeal?(dealKey: string, pageUrl: string): Promise<Response<typeof MessageType.getOrgDeal>>;
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
  /** Unsaved edits of a deal, kept in the extension's storage until saved or discarded. */
  loadDraft(dealKey: string): Promise<UnsavedDraft | null>;
  storeDraft(dealKey: string, draft: UnsavedDraft): Promise<void>;
  clearDraft(dealKey: string): Promise<void>;
}

/** A deal's unsaved edits, as stored. */
export interface UnsavedDraft {
  answers: Record<string, { level: number | null | undefined; evidence: string }>;
  editedAt: string;
}
