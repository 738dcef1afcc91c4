import {
  DRAFT_KEY_PREFIX,
  draftStorageKey,
  readKeptDraft,
  type UnsavedDraft,
} from '../../lib/drafts/unsaved-draft';
import { MessageType, type Response } from '../../lib/messaging/protocol';
import type { HandlerSlice, LocalStore } from './handler-context';

/** A deal's kept draft, or null when there is none or it expired (an expired one is dropped). */
export async function loadDraft(store: LocalStore, dealKey: string, now: Date): Promise<UnsavedDraft | null> {
  const key = draftStorageKey(dealKey);
  const stored = (await store.get([key]))[key];
  if (stored === undefined) return null;
  const draft = readKeptDraft(stored, now);
  if (draft === null) await store.remove(key);
  return draft;
}

/** Keeps a deal's draft; a full storage is answered with an error the sidebar shows, not dropped silently. */
export async function storeDraft(
  store: LocalStore,
  dealKey: string,
  draft: UnsavedDraft,
): Promise<Response<typeof MessageType.storeDraft>> {
  try {
    await store.set({ [draftStorageKey(dealKey)]: draft });
    return { ok: true, value: { dealKey } };
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'draft-not-kept',
        message: `Your unsaved edits could not be kept in this browser (${(error as Error).message}); save the score or they are lost when the page reloads.`,
      },
    };
  }
}

/** Drops every draft past its age; run when the browser starts, so abandoned drafts do not pile up. */
export async function dropExpiredDrafts(store: LocalStore, now: Date): Promise<number> {
  const everything = await store.get(null);
  const expired = Object.entries(everything)
    .filter(([key, value]) => key.startsWith(DRAFT_KEY_PREFIX) && readKeptDraft(value, now) === null)
    .map(([key]) => key);
  if (expired.length > 0) await store.remove(expired);
  return expired.length;
}

/** The sidebar's drafts, each request already scoped to the deal its page shows (dispatch-request.ts). */
export const draftHandlers: HandlerSlice<
  typeof MessageType.loadDraft | typeof MessageType.storeDraft | typeof MessageType.clearDraft
> = {
  [MessageType.loadDraft]: async ({ dealKey }, { effects }) => ({
    ok: true,
    value: { dealKey, draft: await loadDraft(effects.localStore, dealKey, new Date()) },
  }),
  [MessageType.storeDraft]: ({ dealKey, draft }, { effects }) =>
    storeDraft(effects.localStore, dealKey, draft),
  [MessageType.clearDraft]: async ({ dealKey }, { effects }) => {
    await effects.localStore.remove(draftStorageKey(dealKey));
    return { ok: true, value: { dealKey } };
  },
};
