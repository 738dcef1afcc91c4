import { z } from 'zod/mini';

/**
 * The dock's side of the dock↔frame port: its name, the sidebar's width range and what the frame may
 * send. Zod Mini, not Zod: the dock runs on the CRM page's main thread, where the full library's
 * bundle was most of the dock's compile and start-up time; its schemas tree-shake to a few KB.
 */
export const DOCK_PORT_NAME = 'yardstick:dock';

/** The sidebar frame's page, as its path in the extension. */
export const SIDEBAR_FRAME_PATH = '/sidebar-frame.html';

/** The sidebar width range in CSS px: ~280 px still scores (narrow mode); wider than half a laptop screen is not a sidebar. */
export const SIDEBAR_WIDTH = { min: 280, default: 360, max: 720 } as const;

/** Clamps a requested sidebar width into the range, whole pixels. */
export function clampSidebarWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_WIDTH.default;
  return Math.round(Math.min(SIDEBAR_WIDTH.max, Math.max(SIDEBAR_WIDTH.min, width)));
}

/**
 * Where the open sidebar sits: `beside` the page (the default: the page is reflowed, nothing of the CRM
 * under it) or `over` the page (it floats over the CRM's right edge, and the page keeps its layout).
 */
export type SidebarPlacement = 'beside' | 'over';
/** The placement a browser starts with. */
export const DEFAULT_SIDEBAR_PLACEMENT: SidebarPlacement = 'beside';

/** What the frame tells the dock. */
export const FrameToDockSchema = z.discriminatedUnion('type', [
  /** The first message: the frame names the dock that created it (the id in its URL's fragment). */
  z.strictObject({
    type: z.literal('frame→dock:hello'),
    dockId: z.string().check(z.minLength(8), z.maxLength(100)),
  }),
  /** How much room the sidebar takes: collapsed (a launcher) or open at `width` px. */
  z.strictObject({
    type: z.literal('frame→dock:layout'),
    collapsed: z.boolean(),
    width: z.int().check(z.gte(SIDEBAR_WIDTH.min), z.lte(SIDEBAR_WIDTH.max)),
  }),
]);
/** A message from the frame to the dock. */
export type FrameToDock = z.infer<typeof FrameToDockSchema>;
