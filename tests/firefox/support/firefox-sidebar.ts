import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { extensionPage } from './launch-firefox';

/** Whether `url` is the sidebar's frame page: our extension page, docked in the CRM page. */
const isSidebarFrameUrl = (url: string) => /^moz-extension:\/\/[^/]+\/sidebar-frame\.html/.test(url);

/**
 * The sidebar's frame in `page`, once the dock has made it. Over BiDi a frame's `url()` may still read
 * `about:blank` after the extension page has loaded in it, so each frame is also asked where it is.
 */
function sidebarFrame(page: Page, timeout = 10_000): Promise<Frame> {
  return vi.waitFor(
    async () => {
      for (const frame of page.frames()) {
        if (frame === page.mainFrame()) continue;
        const href = await frame.evaluate(() => location.href).catch(() => frame.url());
        if (isSidebarFrameUrl(href)) return frame;
      }
      throw new Error('The page has no sidebar frame yet.');
    },
    { timeout, interval: 100 },
  );
}

/** A criterion's level radios, in the order the definitions list them (Unknown last). */
const levelRadios = (criterion: string) =>
  `aside[aria-label="Yardstick"] [role="radiogroup"][aria-label="${criterion}"] input[type="radio"]`;

/** The sidebar's whole text, or null while there is no sidebar. */
export async function sidebarText(page: Page): Promise<string | null> {
  const frame = await sidebarFrame(page).catch(() => null);
  return frame ? frame.evaluate(() => document.querySelector('aside')?.innerText ?? null) : null;
}

/** Waits until the sidebar's deal heading reads `name`. */
export async function waitForDealHeading(page: Page, name: string, timeout = 10_000): Promise<void> {
  const frame = await sidebarFrame(page, timeout);
  await frame.waitForFunction(
    (expected) => document.querySelector('aside h2')?.textContent?.trim() === expected,
    { timeout },
    name,
  );
}

/** Waits until the sidebar's text matches `pattern`. */
export async function waitForSidebarText(page: Page, pattern: RegExp, timeout = 10_000): Promise<void> {
  const frame = await sidebarFrame(page, timeout);
  await frame.waitForFunction(
    (source, flags) => new RegExp(source, flags).test(document.querySelector('aside')?.innerText ?? ''),
    { timeout },
    pattern.source,
    pattern.flags,
  );
}

/** Waits until the sidebar lays out exactly these criteria, in this order. */
export async function waitForCriteria(page: Page, names: readonly string[]): Promise<void> {
  const frame = await sidebarFrame(page);
  await frame.waitForFunction(
    (expected) =>
      [...document.querySelectorAll('[role="radiogroup"]')]
        .map((group) => group.getAttribute('aria-label'))
        .join() === expected,
    {},
    names.join(),
  );
}

/** Waits until the page shows no sidebar (the dock may stay, hidden, for the next deal). */
export async function waitForNoSidebar(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const host = document.querySelector('[data-yardstick-dock]');
    return !host || getComputedStyle(host).display === 'none';
  });
}

/** Waits until the nth level of `criterion` is the one checked (the saved score arrives after the deal). */
export async function waitForCheckedLevel(page: Page, criterion: string, index: number): Promise<void> {
  const frame = await sidebarFrame(page);
  await frame.waitForFunction(
    (name, expected) => {
      const group = document.querySelector(`[role="radiogroup"][aria-label="${name}"]`);
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
  const frame = await sidebarFrame(page);
  return (await frame.$$('aside[aria-label="Yardstick"] ol[aria-label="Saved scores"] > li')).length;
}

/**
 * Picks the nth level of a criterion with a real click, once the deal's saved score has arrived (the
 * radios are disabled until then), and saves; resolves once the sidebar says it saved.
 */
export async function scoreAndSave(page: Page, criterion: string, levelIndex: number): Promise<void> {
  const frame = await sidebarFrame(page);
  const radios = await frame.$$(levelRadios(criterion));
  await frame.waitForFunction((input) => !(input as HTMLInputElement).disabled, {}, radios[levelIndex]!);
  // Puppeteer scrolls only an element outside the viewport, and the sidebar's sticky score can cover
  // one inside it; a rep would scroll it to the middle first.
  await radios[levelIndex]!.evaluate((input) => input.scrollIntoView({ block: 'center' }));
  await radios[levelIndex]!.click();
  await waitForCheckedLevel(page, criterion, levelIndex);
  await (await enabledButton(page, 'Save score', true)).click();
  await waitForSidebarText(page, /Saved at/);
}

/** Waits for the enabled button named `name`, in the sidebar's frame or (inSidebar false) in the page. */
export async function enabledButton(
  page: Page,
  name: string,
  inSidebar: boolean,
): Promise<ElementHandle<HTMLButtonElement>> {
  const target = inSidebar ? await sidebarFrame(page) : page;
  const handle = await target.waitForFunction(
    (expected) => {
      const buttons = [...document.querySelectorAll('button')];
      return buttons.find((button) => button.textContent?.trim() === expected && !button.disabled) ?? false;
    },
    {},
    name,
  );
  return handle as ElementHandle<HTMLButtonElement>;
}

/** Waits for the form control whose label starts with `label`, in the sidebar's frame or in the page. */
export async function labelledControl(
  page: Page,
  label: string,
  inSidebar: boolean,
): Promise<ElementHandle<HTMLInputElement>> {
  const target = inSidebar ? await sidebarFrame(page) : page;
  const handle = await target.waitForFunction(
    (expected) => {
      const labels = [...document.querySelectorAll('label')];
      return labels.find((each) => each.textContent?.trim().startsWith(expected))?.control ?? false;
    },
    {},
    label,
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
