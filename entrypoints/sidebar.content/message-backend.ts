import { browser } from 'wxt/browser';
import type { SidebarBackend, UnsavedDraft } from '../../components/sidebar/sidebar-backend';
import type { MessageType as Types, Response } from '../../lib/messaging/protocol';
import { MessageType } from '../../lib/messaging/protocol-names';

/** The sidebar's backend: typed requests to the background over runtime messaging. */
export const messageBackend: SidebarBackend = {
  getDealState: (dealKey) => browser.runtime.sendMessage({ type: MessageType.getDealState, dealKey }),
  saveScore: (input) => browser.runtime.sendMessage({ type: MessageType.saveScore, ...input }),
  setRater: (rater) => browser.runtime.sendMessage({ type: MessageType.setRater, rater }),
  async loadDraft(dealKey) {
    const key = draftKey(dealKey);
    const stored = await browser.storage.local.get(key);
    return (stored[key] as UnsavedDraft | undefined) ?? null;
  },
  storeDraft: (dealKey, draft) => browser.storage.local.set({ [draftKey(dealKey)]: draft }),
  clearDraft: (dealKey) => browser.storage.local.remove(draftKey(dealKey)),
};

/** Which captureFields the page is read for and how custom CRM hosts are read. */
export function getReadingContext(): Promise<Response<typeof Types.getReadingContext>> {
  return browser.runtime.sendMessage({ type: MessageType.getReadingContext });
}

/** Drafts live in the extension's storage.local, which page scripts cannot read. */
function draftKey(dealKey: string): string {
  return `draft:${dealKey}`;
}
