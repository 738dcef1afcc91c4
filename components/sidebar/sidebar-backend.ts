import type { MessageType, Response } from '../../lib/messaging/protocol';
import type { Answer } from '../../lib/scoring/answer';
import type { DealSnapshot } from '../../lib/crm/deal-snapshot';

/** What the sidebar needs from the background; the content script implements it with messages. */
export interface SidebarBackend {
  getDealState(dealKey: string): Promise<Response<typeof MessageType.getDealState>>;
  saveScore(input: {
    saveId: string;
    deal: DealSnapshot;
    definitionsHash: string;
    answers: Answer[];
  }): Promise<Response<typeof MessageType.saveScore>>;
  setRater(rater: string): Promise<Response<typeof MessageType.setRater>>;
}
