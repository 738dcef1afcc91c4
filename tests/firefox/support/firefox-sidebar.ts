import type { ElementHandle, Page } from 'puppeteer-core';
import { extensionPage } from './launch-firefox';

/** The sidebar landmark, through the e2e build's open shadow root (Puppeteer's `>>>` pierces open roots only). */
const SIDEBAR = 'yardstick-sidebar >>> aside[aria-label="Yardstick"]';

/** A criterion's level radios, in the order the definitions list them (Unknown last). */
const levelRadios = (criterion: string) =>
  `${SIDEBAR} [role="radiogroup"][aria-label="${criterion}"] input[type="radio"]`;

/** The sidebar's whole text, or null while there is no sidebar. */
export function sidebarText(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      (document.querySelector('yardstick-sidebar')?.shadowRoot?.querySelector('aside') as HTMLElement | null)
        ?.innerText ?? null,
  );
}

/** Waits until the sidebar's deal heading reads `name`. */
export async function waitForDealHeading(page: Page, name: string, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (expected) =>
      document
        .querySelector('yardstick-sidebar')
        ?.shadowRoot?.querySelector('aside h2')
        ?.textContent?.trim() === expected,
    { timeout },
    name,
  );
}

/** Waits until the sidebar's text matches `pattern`. */
export async function waitForSidebarText(page: Page, pattern: RegExp, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (source, flags) => {
      const aside = document.querySelector('yardstick-sidebar')?.shadowRoot?.querySelector('aside');
      return new RegExp(source, flags).test((aside as HTMLElement | null)?.innerText ?? '');
    },
    { timeout },
    pattern.source,
    pattern.flags,
  );
}

/** Waits until the page shows no sidebar (its host may stay, empty, for the next deal). */
export async function waitForNoSidebar(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('yardstick-sidebar')?.shadowRoot?.querySelector('aside'),
  );
}

/** Waits until the nth level of `criterion` is the one checked (the saved score arrives after the deal). */
export async function waitForCheckedLevel(page: Page, criterion: string, index: number): Promise<void> {
  await page.waitForFunction(
    (name, expected) => {
      const group = document
        .querySelector('yardstick-sidebar')
        ?.shadowRoot?.querySelector(`[role="radiogroup"][aria-label="${name}"]`);
      const radios = [...(group?.querySelectorAll<HTMLInputElement>('input[type="radio"]') ?? [])];
      return radios.length > expected && radios.findIndex((radio) => radio.checked) === expected;
    },
    { timeout: 10_000 },
    criterion,
    index,
  );
}

/** How many rows the sidebar's history of saved scores shows. */
export async function historyRowCount(page: Page): Promise<number> {
  return (await page.$$(`${SIDEBAR} ol[aria-label="Saved scores"] > li`)).length;
}

/**
 * Picks the nth level of a criterion with a real click, once the deal's saved score has arrived (the
 * radios are disabled until then), and saves; resolves once the sidebar says it saved.
 */
export async function scoreAndSave(page: Page, criterion: string, levelIndex: number): Promise<void> {
  const radios = await page.$$(levelRadios(criterion));
  await page.waitForFunction((input) => !(input as HTMLInputElement).disabled, {}, radios[levelIndex]!);
  // Puppeteer scrolls only an element outside the viewport, and the sidebar's sticky score can cover
  // one inside it; a rep would scroll it to the middle first.
  await radios[levelIndex]!.evaluate((input) => input.scrollIntoView({ block: 'center' }));
  await radios[levelIndex]!.click();
  await waitForCheckedLevel(page, criterion, levelIndex);
  await (await enabledButton(page, 'Save score', true)).click();
  await waitForSidebarText(page, /Saved at/);
}

/** Waits for the enabled button named `name`, in the sidebar or (inSidebar false) in the document. */
export async function enabledButton(
  page: Page,
  name: string,
  inSidebar: boolean,
): Promise<ElementHandle<HTMLButtonElement>> {
  const handle = await page.waitForFunction(
    (expected, sidebar) => {
      const root = sidebar ? document.querySelector('yardstick-sidebar')?.shadowRoot : document;
      const buttons = [...(root?.querySelectorAll('button') ?? [])];
      return buttons.find((button) => button.textContent?.trim() === expected && !button.disabled) ?? false;
    },
    {},
    name,
    inSidebar,
  );
  return handle as ElementHandle<HTMLButtonElement>;
}

/** Waits for the form control whose label starts with `label`, in the sidebar or in the document. */
export async function labelledControl(
  page: Page,
  label: string,
  inSidebar: boolean,
): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (expected, sidebar) => {
      const root = sidebar ? document.querySelector('yardstick-sidebar')?.shadowRoot : document;
      const labels = [...(root?.querySelectorAll('label') ?? [])];
      return labels.find((each) => each.textContent?.trim().startsWith(expected))?.control ?? false;
    },
    {},
    label,
    inSidebar,
  );
  return handle as ElementHandle<HTMLInputElement>;
}

/** Navigates a fixture app in place with its test hook (`window[hook].navigate`), as its own links do. */
export async function navigateInApp(page: Page, hook: string, pathAndQuery: string): Promise<void> {
  await page.evaluate(
    (name, path) =>
      (window as unknown as Record<string, { navigate(p: string): void }>)[name]!.navigate(path),
    hook,
    pathAndQuery,
  );
}

/**
 * Opens one of the extension's pages in `page`. Firefox's WebDriver BiDi reports no navigation events
 * for moz-extension:// documents, so this waits for the page's own heading instead of the load event.
 */
export async function openExtensionPage(page: Page, name: string, heading: string): Promise<void> {
  const url = extensionPage(name);
  void page.goto(url, { timeout: 0 }).catch(() => undefined);
  await page.waitForFunction(
    (expectedUrl, expectedHeading) =>
      location.href === expectedUrl && document.querySelector('h1')?.textContent?.trim() === expectedHeading,
    {},
    url,
    heading,
  );
}

/** Sets the rater name on the options page, so every sidebar can save. */
export async function setRaterInOptions(page: Page, rater: string): Promise<void> {
  await openExtensionPage(page, 'options.html', 'Yardstick settings');
  await (await labelledControl(page, 'Your name or email', false)).type(rater);
  await (await enabledButton(page, 'Save name', false)).click();
  await page.waitForFunction(
    (text) => document.body.innerText.includes(text),
    {},
    `Saved: scores will be recorded as ${rater}.`,
  );
}
