import { z } from 'zod';
import { CrmIdSchema, DealSnapshotSchema } from '../crm/deal-snapshot';

/**
 * The dock's end of the port between the in-page dock (the content script that reads the page and holds
 * the sidebar's frame) and the sidebar frame (our extension page docked in the CRM tab). The frame
 * connects to the background (`dock-relay.ts`), which opens this port with `tabs.connect` to the top
 * frame of the frame's tab and relays; only our extension can open it, so no page script is on either
 * end. Both ends and the relay still parse every message: a content script runs beside a page we do
 * not trust.
 */
export const DOCK_PORT_NAME = 'yardstick:dock';

/** The sidebar width range in CSS px: ~280 px still scores (narrow mode); wider than half a laptop screen is not a sidebar. */
export const SIDEBAR_WIDTH = { min: 280, default: 360, max: 720 } as const;

/**
 * Where the open sidebar sits: `beside` the page (the default: the page is reflowed, nothing of the CRM
 * under it) or `over` the page (it floats over the CRM's right edge, and the page keeps its layout).
 */
export const SidebarPlacementSchema = z.enum(['beside', 'over']);
/** Where the open sidebar sits, beside or over the CRM page. */
export type SidebarPlacement = z.infer<typeof SidebarPlacementSchema>;
/** The placement a browser starts with. */
export const DEFAULT_SIDEBAR_PLACEMENT: SidebarPlacement = 'beside';

/** Clamps a requested sidebar width into the range, whole pixels. */
export function clampSidebarWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_WIDTH.default;
  return Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, width)));
}

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

/** What the frame tells the dock. */
export const FrameToDockSchema = z.discriminatedUnion('type', [
  /** The first message: the frame names the dock that created it (the id in its URL's fragment). */
  z.strictObject({ type: z.literal('frame→dock:hello'), dockId: z.string().min(8).max(100) }),
  /** How much room the sidebar takes: collapsed (a launcher) or open at `width` px. */
  z.strictObject({
    type: z.literal('frame→dock:layout'),
    collapsed: z.boolean(),
    width: z.number().int().min(SIDEBAR_WIDTH.min).max(SIDEBAR_WIDTH.max),
  }),
]);
/** A message from the frame to the dock. */
export type FrameToDock = z.infer<typeof FrameToDockSchema>;
