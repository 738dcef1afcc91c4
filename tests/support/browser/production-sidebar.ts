import type { Frame, Locator, Page } from 'playwright-core';

/** Whether `frame` is the sidebar's frame: our extension page, docked in the CRM page. */
export const isSidebarFrame = (frame: Frame) =>
  /^(chrome|moz)-extension:\/\/[^/]+\/sidebar-frame\.html/.test(frame.url());

/**
 * The production sidebar's frame, found as the browser lists a page's frames: its dock's shadow root is
 * closed, so neither page scripts nor Playwright's selectors reach the frame through the page's DOM.
 */
export async function productionSidebarFrame(page: Page, timeoutMs = 15_000): Promise<Frame> {
  const found = page.frames().find(isSidebarFrame);
  if (found) return found;
  // A new frame is listed before it loads its page (it starts at about:blank), so wait for the
  // navigation that takes it to our page rather than for its attachment.
  return page.waitForEvent('framenavigated', { predicate: isSidebarFrame, timeout: timeoutMs }).catch(() => {
    throw new Error('The page never docked the sidebar’s frame');
  });
}

/** The production sidebar's landmark, inside its frame. */
export async function productionSidebarOf(page: Page, timeoutMs?: number): Promise<Locator> {
  const frame = await productionSidebarFrame(page, timeoutMs);
  return frame.getByRole('complementary', { name: 'Yardstick' });
}
