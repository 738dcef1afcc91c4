import { z } from 'zod';
import { CrmIdSchema, DealSnapshotSchema } from '../crm/deal-snapshot';
import type { SidebarPlacement } from './dock-port';

/**
 * The dock's end of the port between the in-page dock (the content script that reads the page and holds
 * the sidebar's frame) and the sidebar frame (our extension page docked in the CRM tab). The frame
 * connects to the background (`dock-relay.ts`), which opens this port with `tabs.connect` to the top
 * frame of the frame's tab and relays; only our extension can open it, so no page script is on either
 * end. Both ends and the relay still parse every message: a content script runs beside a page we do
 * not trust.
 */
export {
  clampSidebarWidth,
  DEFAULT_SIDEBAR_PLACEMENT,
  DOCK_PORT_NAME,
  FrameToDockSchema,
  SIDEBAR_WIDTH,
  type FrameToDock,
  type SidebarPlacement,
} from './dock-port';

/** Where the open sidebar sits, as the protocol checks it (the dock itself never parses it). */
export const SidebarPlacementSchema = z.enum(['beside', 'over']) satisfies z.ZodType<SidebarPlacement>;

const SnapshotStateSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('not-a-deal') }),
  z.strictObject({ status: z.literal('invalid-record-id'), rawRecordId: z.string().max(400) }),
  z.strictObject({
    status: z.literal('waiting-for-header'),
    dealKey: z.string().min(1).max(400),
    recordId: z.string().min(1).max(100),
  }),
  z.strictObject({
    status: z.literal('header-timeout'),
    snapshot: DealSnapshotSchema,
    waitedMs: z.number().nonnegative(),
  }),
  z.strictObject({ status: z.literal('ready'), snapshot: DealSnapshotSchema }),
]);

/** What the dock tells the frame. */
export const DockToFrameSchema = z.discriminatedUnion('type', [
  /** The page's reading: the state, the CRM the URL belongs to, the URL it was read at. */
  z.strictObject({
    type: z.literal('dock→frame:page'),
    state: SnapshotStateSchema,
    crm: CrmIdSchema.nullable(),
    url: z.string().max(4000),
  }),
  /** Open the sidebar if collapsed and move keyboard focus into it (the shortcut, the skip link). */
  z.strictObject({ type: z.literal('dock→frame:focus') }),
  /** Collapse an open sidebar, open a collapsed one (the popup's button). */
  z.strictObject({ type: z.literal('dock→frame:toggle') }),
  /** Collapse the sidebar (the close shortcut). */
  z.strictObject({ type: z.literal('dock→frame:close') }),
  /** Definitions or settings changed: reload what the sidebar shows. */
  z.strictObject({ type: z.literal('dock→frame:stateChanged') }),
]);
/** A message from the dock to the frame. */
export type DockToFrame = z.infer<typeof DockToFrameSchema>;
