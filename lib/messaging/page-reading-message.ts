import type { CrmId } from '../crm/deal-snapshot';
import type { DealPageState } from '../crm/deal-page-state';
import type { DockToFrame } from './dock-protocol';

/** Longest URL the dock sends the frame; a longer one is cut, as the snapshot's own URL is. */
export const FRAME_URL_MAX = 4000;
/** Longest raw record id the dock sends the frame (an invalid id is only shown, never used). */
export const FRAME_RAW_RECORD_ID_MAX = 400;

/**
 * The dock's page reading as the frame receives it. Page-controlled text is cut to the lengths the
 * relay's schema allows: a reading over them would be dropped on the way and the frame would keep
 * showing the previous deal.
 */
export function pageReadingForFrame(
  state: DealPageState,
  crm: CrmId | null,
  url: string,
): Extract<DockToFrame, { type: 'dock→frame:page' }> {
  const sendable =
    state.status === 'invalid-record-id'
      ? { ...state, rawRecordId: state.rawRecordId.slice(0, FRAME_RAW_RECORD_ID_MAX) }
      : state;
  return { type: 'dock→frame:page', state: sendable, crm, url: url.slice(0, FRAME_URL_MAX) };
}
