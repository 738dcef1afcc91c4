import type { Page } from 'playwright-core';

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

/** Calls the fixture app's navigate(path) and times the sidebar following it, all inside the page. */
export async function measureSwitch(page: Page, path: string, dealName: string): Promise<SwitchSample> {
  const result = await page.evaluate(
    ({ path, dealName }) =>
      new Promise<Omit<SwitchSample, 'to' | 'shownAfterHeaderMs'>>((resolve, reject) => {
        const root = document.querySelector('yardstick-sidebar')?.shadowRoot;
        const app = (window as unknown as { yardstickLightningApp?: { navigate(path: string): void } })
          .yardstickLightningApp;
        if (!root || !app) {
          reject(new Error('No sidebar or no fixture app on the page'));
          return;
        }
        const marks: { header: number | null; shown: number | null; interactive: number | null } = {
          header: null,
          shown: null,
          interactive: null,
        };
        let cachedView = false;
        const headerShown = () => {
          const slot = document.querySelector(
            '.oneContent.active records-highlights2 slot[name="primaryField"]',
          );
          return slot?.textContent?.trim() === dealName;
        };
        const check = () => {
          const now = performance.now();
          if (marks.header === null && headerShown()) marks.header = now;
          if (marks.shown === null && root.querySelector('.ys-deal-name')?.textContent === dealName)
            marks.shown = now;
          if (marks.shown !== null && marks.interactive === null) {
            const save = Array.from(root.querySelectorAll('button')).find(
              (button) => button.textContent === 'Save score',
            );
            if (save && !save.disabled && root.querySelector('input[type="radio"]')) marks.interactive = now;
          }
          if (marks.header !== null && marks.interactive !== null) {
            pageObserver.disconnect();
            sidebarObserver.disconnect();
            clearTimeout(timer);
            resolve({
              cachedView,
              headerMs: marks.header - startedAt,
              shownMs: (marks.shown ?? Number.NaN) - startedAt,
              interactiveMs: marks.interactive - startedAt,
            });
          }
        };
        const pageObserver = new MutationObserver(check);
        const sidebarObserver = new MutationObserver(check);
        pageObserver.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        sidebarObserver.observe(root, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        const timer = setTimeout(() => {
          pageObserver.disconnect();
          sidebarObserver.disconnect();
          reject(new Error(`Timed out switching to ${dealName}: ${JSON.stringify(marks)}`));
        }, 15_000);
        const startedAt = performance.now();
        app.navigate(path);
        cachedView = headerShown();
        check();
      }),
    { path, dealName },
  );
  return {
    to: dealName,
    ...result,
    shownAfterHeaderMs: result.shownMs - Math.max(0, result.headerMs),
  };
}
