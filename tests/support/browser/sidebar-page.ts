import type { Locator, Page } from 'playwright-core';

/** The sidebar dock's host element on a CRM page (present on deal pages, hidden or absent elsewhere). */
export const sidebarHostOf = (page: Page) => page.locator('[data-yardstick-dock]');

/** The sidebar's frame: our extension page docked in the CRM page (the e2e build opens the dock's shadow root). */
export const sidebarFrameOf = (page: Page) => sidebarHostOf(page).locator('iframe').contentFrame();

/** The sidebar landmark on a CRM page, inside the sidebar's frame. */
export const sidebarOf = (page: Page) =>
  sidebarFrameOf(page).getByRole('complementary', { name: 'Yardstick' });

/** The collapsed sidebar's launcher, inside the sidebar's frame. */
export const launcherOf = (page: Page) =>
  sidebarFrameOf(page).getByRole('button', { name: 'Open Yardstick' });

/** The deal name the sidebar shows. */
export const dealHeadingOf = (page: Page) => sidebarOf(page).getByRole('heading', { level: 2 });

/** Waits until `locator`'s text is `expected`, then checks it is exactly that. */
export async function expectText(locator: Locator, expected: string, timeout = 5_000): Promise<void> {
  await locator
    .filter({ hasText: expected })
    .waitFor({ timeout })
    .catch(() => undefined);
  expect((await locator.textContent())?.trim()).toBe(expected);
}

/** Navigates a fixture app in place with its test hook (`window[hook].navigate`), as its own links do. */
export async function navigateInApp(page: Page, hook: string, pathAndQuery: string): Promise<void> {
  await page.evaluate(
    ([name, path]) =>
      (window as unknown as Record<string, { navigate(p: string): void }>)[name!]!.navigate(path!),
    [hook, pathAndQuery],
  );
}

/**
 * Opens a criterion's evidence note, closed when a deal opens, with its toggle; returns the note.
 * (Enter on one of the criterion's levels opens it too.)
 */
export async function openEvidenceNote(sidebar: Locator, criterion: string): Promise<Locator> {
  await sidebar.getByRole('button', { name: `Evidence for ${criterion}`, expanded: false }).click();
  const note = sidebar.getByRole('textbox', { name: `Evidence for ${criterion}` });
  await note.waitFor();
  return note;
}

/** Picks the nth level of a criterion and saves; resolves once the sidebar says it saved. */
export async function scoreAndSave(page: Page, criterion: string, levelIndex: number): Promise<void> {
  const sidebar = sidebarOf(page);
  await sidebar.getByRole('radiogroup', { name: criterion }).getByRole('radio').nth(levelIndex).check();
  await sidebar.getByRole('button', { name: 'Save score' }).click();
  await sidebar.getByText(/^Saved at/).waitFor();
}

/** Sets the rater name in the options page, so every sidebar can save. */
export async function setRaterInOptions(page: Page, extensionId: string, rater: string): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.getByLabel('Your name or email').fill(rater);
  await page.getByRole('button', { name: 'Save name' }).click();
  await page.getByText(`Saved: scores will be recorded as ${rater}.`).waitFor();
}

/** Chooses in the options page whether the sidebar sits beside the CRM page or over it. */
export async function setSidebarPlacementInOptions(
  page: Page,
  extensionId: string,
  placement: 'beside' | 'over',
): Promise<void> {
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const group = page.getByRole('group', { name: 'Where the open sidebar sits on CRM pages' });
  const choice = group.getByRole('radio', {
    name: placement === 'over' ? /^Over the page/ : /^Beside the page/,
  });
  if (await choice.isChecked()) return;
  await choice.check();
  await page
    .getByText(
      placement === 'over'
        ? 'The sidebar now floats over CRM pages.'
        : 'The sidebar now sits beside CRM pages.',
    )
    .waitFor();
}
