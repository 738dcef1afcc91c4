import { z } from 'zod';
import type { CustomDealUrl } from '../crm/deal-page-url';
import type { DefinitionsPreview } from '../definitions/definitions-preview';
import { UnsavedDraftSchema, type UnsavedDraft } from '../drafts/unsaved-draft';
import { SIDEBAR_WIDTH, type SidebarPlacement } from './dock-protocol';
import { MessageType } from './protocol-names';

const DealKeySchema = z.string().min(1).max(400);

/**
 * The requests that replace content scripts' own reads of storage.local (which the background closes
 * to them): the sidebar's start-up settings, its drafts, and the custom hosts' deal URL patterns.
 */
export const TAB_SCOPED_REQUEST_SCHEMAS = [
  z.strictObject({ type: z.literal(MessageType.getCustomDealUrls) }),
  z.strictObject({ type: z.literal(MessageType.getSidebarStart) }),
  z.strictObject({ type: z.literal(MessageType.setSidebarCollapsed), collapsed: z.boolean() }),
  z.strictObject({
    type: z.literal(MessageType.setSidebarWidth),
    width: z.number().int().min(SIDEBAR_WIDTH.min).max(SIDEBAR_WIDTH.max),
  }),
  z.strictObject({ type: z.literal(MessageType.loadDraft), dealKey: DealKeySchema }),
  z.strictObject({
    type: z.literal(MessageType.storeDraft),
    dealKey: DealKeySchema,
    draft: UnsavedDraftSchema,
  }),
  z.strictObject({ type: z.literal(MessageType.clearDraft), dealKey: DealKeySchema }),
] as const;

/** What the sidebar needs before its first paint. */
export interface SidebarStart {
  collapsed: boolean;
  /** The open sidebar's width in px, as the rep last left it. */
  width: number;
  /** Beside the page (reflowed) or over it, as set in options for this browser. */
  placement: SidebarPlacement;
  /** The active definitions' criteria as last served, laid out while the deal's state loads. */
  definitionsPreview: DefinitionsPreview | null;
}

/** The successful responses of the tab-scoped requests. */
export interface TabScopedResponseMap {
  /** Only the patterns that can apply to the asking page's host. */
  [MessageType.getCustomDealUrls]: CustomDealUrl[];
  [MessageType.getSidebarStart]: SidebarStart;
  [MessageType.setSidebarCollapsed]: { collapsed: boolean };
  [MessageType.setSidebarWidth]: { width: number };
  /** null when there is none, or it expired. */
  [MessageType.loadDraft]: { dealKey: string; draft: UnsavedDraft | null };
  [MessageType.storeDraft]: { dealKey: string };
  [MessageType.clearDraft]: { dealKey: string };
}

/** The background's notice to a tab's sidebar that what it shows may have changed. */
export interface StateChangedMessage {
  type: typeof MessageType.stateChanged;
}
