import type { Frame, Page } from 'playwright-core';
import { isSidebarFrame } from '../../tests/support/browser/production-sidebar';

/** One single-page navigation to another deal, timed in the page from the navigate() call. */
export interface SwitchSample {
  to: string;
  /** The record view was cached (visited before): its header exists at once. */
  cachedView: boolean;
  /** navigate() → the new record view's header is present (0 for a cached view). */
  headerMs: number;
  /** navigate() → the sidebar heading shows the new deal's name. */
  shownMs: number;
  /** The later of the location change and the header → the new name shown. */
  shownAfterHeaderMs: number;
  /** navigate() → the sidebar is interactive again on the new deal (radios, Save enabled). */
  interactiveMs: number;
}

/** What the sidebar frame's watcher keeps (window.__benchSwitch), in epoch ms. */
interface FrameSwitchMarks {
  shown: number | null;
  interactive: number | null;
}

/**
 * Calls the fixture app's navigate(path) and times the sidebar following it: the header in the CRM
 * page, the sidebar in its frame (our extension page, whose DOM the page cannot read). Both sides time
 * in epoch ms (timeOrigin + now), so their marks share one clock.
 */
export async function measureSwitch(page: Page, path: string, dealName: string): Promise<SwitchSample> {
  const frame = page.frames().find(isSidebarFrame);
  if (!frame) throw new Error('No sidebar frame on the page');
  await frame.evaluate((name) => {
    const marks: FrameSwitchMarks = { shown: null, interactive: null };
    Object.assign(window, { __benchSwitch: marks });
    const check = () => {
      const now = performance.timeOrigin + performance.now();
      if (marks.shown === null && document.querySelector('.ys-deal-name')?.textContent === name)
        marks.shown = now;
      if (marks.shown !== null && marks.interactive === null) {
        const save = Array.from(document.querySelectorAll('button')).find(
          (button) => button.textContent === 'Save score',
        );
        if (save && !save.disabled && document.querySelector('input[type="radio"]')) marks.interactive = now;
      }
      if (marks.interactive !== null) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }, dealName);

  const pageSide = await page.evaluate(
    ({ path, dealName }) =>
      new Promise<{ startedAt: number; header: number; cachedView: boolean }>((resolve, reject) => {
        const app = (window as unknown as { yardstickLightningApp?: { navigate(path: string): void } })
          .yardstickLightningApp;
        if (!app) {
          reject(new Error('No fixture app on the page'));
          return;
        }
        const now = () => performance.timeOrigin + performance.now();
        const headerShown = () =>
          document
            .querySelector('.oneContent.active records-highlights2 slot[name="primaryField"]')
            ?.textContent?.trim() === dealName;
        const check = () => {
          if (!headerShown()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve({ startedAt, header: now(), cachedView });
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`Timed out waiting for ${dealName}'s record header`));
        }, 15_000);
        const startedAt = now();
        app.navigate(path);
        const cachedView = headerShown();
        check();
      }),
    { path, dealName },
  );

  const deadline = Date.now() + 15_000;
  let marks = await readSwitchMarks(frame);
  while (marks.interactive === null) {
    if (Date.now() > deadline)
      throw new Error(`Timed out switching to ${dealName}: ${JSON.stringify(marks)}`);
    await page.waitForTimeout(50);
    marks = await readSwitchMarks(frame);
  }
  const headerMs = pageSide.cachedView ? 0 : pageSide.header - pageSide.startedAt;
  const shownMs = (marks.shown ?? Number.NaN) - pageSide.startedAt;
  return {
    to: dealName,
    cachedView: pageSide.cachedView,
    headerMs,
    shownMs,
    shownAfterHeaderMs: shownMs - Math.max(0, headerMs),
    interactiveMs: marks.interactive - pageSide.startedAt,
  };
}

async function readSwitchMarks(frame: Frame): Promise<FrameSwitchMarks> {
  return frame.evaluate(() => (window as unknown as { __benchSwitch: FrameSwitchMarks }).__benchSwitch);
}
