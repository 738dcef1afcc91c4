import { defineUnlistedScript } from '#imports';
import { startSidebarDock } from './start-sidebar-dock';

/**
 * The sidebar's in-page dock, injected by the background on deal pages. An unlisted script, not a WXT
 * content script: WXT's content-script context announces each start to the page with an event that
 * carries the extension's id, and stops the running script when a page script replays that event.
 * It validates with Zod Mini (lib/messaging/dock-port.ts), whose schemas never compile code, so it
 * needs no `lib/zod-jitless` and does not load the full Zod on the CRM page.
 */
export default defineUnlistedScript(() => {
  void startSidebarDock();
});
