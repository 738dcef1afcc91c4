import { browser } from 'wxt/browser';
import type { SidebarBackend, UnsavedDraft } from '../../components/sidebar/sidebar-backend';

/** Unsaved drafts in the extension's storage.local (page scripts cannot read it), keyed per deal. */
export const storageDrafts: Pick<SidebarBackend, 'loadDraft' | 'storeDraft' | 'clearDraft'> = {
  async loadDraft(dealKey) {
    const key = draftKey(dealKey);
    const stored = await browser.storage.local.get(key);
    return (stored[key] as UnsavedDraft | undefined) ?? null;
  },
  storeDraft: (dealKey, draft) => browser.storage.local.set({ [draftKey(dealKey)]: draft }),
  clearDraft: (dealKey) => browser.storage.local.remove(draftKey(dealKey)),
};

function draftKey(dealKey: string): string {
  return `draft:${dealKey}`;
}
