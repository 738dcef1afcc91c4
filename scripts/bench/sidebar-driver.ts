import type { Page } from 'playwright-core';
import { LIGHTNING_ORIGIN } from '../../tests/support/browser/crm-fixtures';
import { productionSidebarFrame } from '../../tests/support/browser/production-sidebar';

/** The rater the bench records with every score. */
export const BENCH_RATER = 'bench@yardstick.example';

/** A fixture URL at the demo org's real Lightning host. */
export const lightningUrl = (pathAndQuery: string) => `${LIGHTNING_ORIGIN}${pathAndQuery}`;

/** Waits until the sidebar (in its frame) shows `dealName`, its level radios and an enabled Save button. */
export async function waitForSidebarReady(page: Page, dealName: string, timeout = 20_000): Promise<void> {
  const frame = await productionSidebarFrame(page, timeout);
  await frame.waitForFunction(
    (name) => {
      const heading = document.querySelector('.ys-deal-name')?.textContent;
      const save = Array.from(document.querySelectorAll('button')).find((button) =>
        /Save score/.test(button.textContent ?? ''),
      );
      return heading === name && !!document.querySelector('input[type="radio"]') && !!save && !save.disabled;
    },
    dealName,
    { timeout, polling: 50 },
  );
}

/** Sets the rater through the sidebar's prompt when none is set yet (setup, not timed). */
export async function ensureRater(page: Page, rater = BENCH_RATER): Promise<void> {
  const sidebar = await productionSidebarFrame(page, 20_000);
  await sidebar.locator('input[type="radio"]').first().waitFor({ timeout: 20_000 });
  const prompt = sidebar.getByLabel(/Your name or email/);
  if ((await prompt.count()) === 0) return;
  await prompt.fill(rater);
  await sidebar.getByRole('button', { name: 'Save name' }).click();
  await prompt.waitFor({ state: 'detached', timeout: 10_000 });
}

/** Opens a deal in a new tab and waits until the sidebar is ready on it, with a rater set. */
export async function openDealReady(
  newPage: () => Promise<Page>,
  path: string,
  dealName: string,
): Promise<Page> {
  const page = await newPage();
  await page.goto(lightningUrl(path));
  await ensureRater(page);
  await waitForSidebarReady(page, dealName);
  return page;
}

/** Saves the sidebar's current draft once through the UI and waits for the acknowledgement. */
export async function saveOnce(page: Page): Promise<void> {
  const sidebar = await productionSidebarFrame(page);
  await sidebar.getByRole('radio').first().check();
  await sidebar.getByRole('button', { name: 'Save score' }).click();
  await sidebar.getByText(/^Saved at/).waitFor({ timeout: 10_000 });
}
