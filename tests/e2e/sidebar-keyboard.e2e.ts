import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { LIGHTNING_ORIGIN, routeLightning } from '../support/browser/crm-fixtures';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../support/browser/lightning-app-records';
import { productionSidebarFrame } from '../support/browser/production-sidebar';
import { launcherOf, setRaterInOptions, sidebarOf } from '../support/browser/sidebar-page';
import { reweightedMeddpiccText } from '../support/reweighted-meddpicc';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: ExtensionBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  await routeLightning(browser.context);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await browser.close();
});

/** Opens Globex and waits until its criteria can be scored (the radios are disabled while it loads). */
async function openGlobex(): Promise<Frame> {
  await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
  const firstGroup = sidebarOf(page).getByRole('radiogroup').first();
  await firstGroup.getByRole('radio').first().and(page.locator(':enabled')).waitFor();
  return productionSidebarFrame(page);
}

/** The criterion (radiogroup) that holds keyboard focus in the sidebar's frame, or null. */
function focusedCriterion(frame: Frame): Promise<string | null> {
  return frame.evaluate(() => {
    if (!document.hasFocus()) return null;
    return document.activeElement?.closest('[role="radiogroup"]')?.getAttribute('aria-label') ?? null;
  });
}

/** The criterion whose level is the frame's active element (focus moved there without a key yet), or null. */
function activeCriterion(frame: Frame): Promise<string | null> {
  return frame.evaluate(
    () => document.activeElement?.closest('[role="radiogroup"]')?.getAttribute('aria-label') ?? null,
  );
}

/** Which level of `criterion` is checked (-1: none). */
function checkedLevel(frame: Frame, criterion: string): Promise<number> {
  return frame.evaluate(
    (name) =>
      [
        ...document.querySelectorAll(`[role="radiogroup"][aria-label="${name}"] input[type="radio"]`),
      ].findIndex((radio) => (radio as HTMLInputElement).checked),
    criterion,
  );
}

/** The name of the sidebar's first criterion. */
function firstCriterion(frame: Frame): Promise<string | null> {
  return frame.evaluate(
    () => document.querySelector('[role="radiogroup"]')?.getAttribute('aria-label') ?? null,
  );
}

/** axe-core's violations inside the sidebar's frame, as "rule: target" lines. */
async function axeViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(AXE_SOURCE);
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations.flatMap((violation) =>
      violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
    );
  });
}

interface AxeResults {
  violations: { id: string; nodes: { target: string[] }[] }[];
}

/** Imports a definitions file in the options page, in the test's tab. */
async function importDefinitionsInOptions(name: string, text: string): Promise<void> {
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page
    .getByLabel(/Import a definitions file/)
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Sends the background's keyboard-command message to the tab's dock, as the manifest's commands do. */
async function sendCommand(type: 'background→sidebar:focus' | 'background→sidebar:close'): Promise<void> {
  await browser.serviceWorker.evaluate(
    async (message) => {
      const api = (globalThis as unknown as { chrome: ChromeTabs }).chrome;
      const [tab] = await api.tabs.query({ url: 'https://*.lightning.force.com/*' });
      await api.tabs.sendMessage(tab!.id!, message, { frameId: 0 });
    },
    { type },
  );
}

interface ChromeTabs {
  tabs: {
    query(filter: { url: string }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown, options: { frameId: number }): Promise<unknown>;
  };
}

describe('The sidebar from the keyboard', () => {
  it('reaches the first criterion from the CRM page in two keys: Tab to the skip link, then Enter', async () => {
    const frame = await openGlobex();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const first = await firstCriterion(frame);
    expect(first).not.toBeNull();
    await expect.poll(() => focusedCriterion(frame)).toBe(first);
  });

  it('closes with the close command, and opens with the keyboard on the first criterion with the focus command', async () => {
    const frame = await openGlobex();
    await sendCommand('background→sidebar:close');
    await launcherOf(page).waitFor();
    await sendCommand('background→sidebar:focus');
    await sidebarOf(page).waitFor();
    const first = await firstCriterion(frame);
    await expect.poll(() => activeCriterion(frame)).toBe(first);
    // The keys the rep presses next land on that criterion: the arrow picks its next level.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => checkedLevel(frame, first!)).toBe(1);
  });

  it('has no axe-core violations empty, scoring, saved, stale, error, narrow and collapsed', async () => {
    await setRaterInOptions(page, browser.extensionId, 'priya@acme.example');
    let frame = await openGlobex();
    expect(await axeViolations(frame)).toEqual([]);

    const sidebar = sidebarOf(page);
    await sidebar.getByRole('radiogroup', { name: 'Metrics' }).getByRole('radio').nth(2).check();
    await sidebar.getByText(/Unsaved changes/).waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    await sidebar.getByRole('button', { name: 'Save score' }).click();
    await sidebar.getByText(/^Saved at/).waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    // Stale: the definitions changed after the save; the header, the notice and its step-through show.
    await importDefinitionsInOptions('meddpicc-team.json', reweightedMeddpiccText());
    await page.getByText(/^Now scoring against .* 1\.2\.0\.$/).waitFor();
    frame = await openGlobex();
    await sidebar.getByTestId('saved-versus-now').waitFor();
    await sidebar.getByRole('button', { name: /^Re-score with/ }).click();
    await sidebar.getByRole('group', { name: 'Changed criteria' }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    // Error: the team's next file fails validation; the rep sees one line.
    const broken = JSON.parse(reweightedMeddpiccText()) as {
      version: string;
      criteria: { weight: number }[];
    };
    broken.version = '1.3.0';
    broken.criteria[0]!.weight = 0;
    await importDefinitionsInOptions('meddpicc-broken.json', JSON.stringify(broken));
    await page.getByText('criteria[0].weight: must be greater than 0').first().waitFor();
    frame = await openGlobex();
    await sidebar.getByRole('status', { name: 'Definitions not updated' }).waitFor();
    expect(await axeViolations(frame)).toEqual([]);

    await frame.getByRole('separator', { name: 'Resize Yardstick' }).press('Home');
    expect(await axeViolations(frame)).toEqual([]);

    await sidebar.getByRole('button', { name: 'Collapse Yardstick' }).click();
    await launcherOf(page).waitFor();
    expect(await axeViolations(frame)).toEqual([]);
  });
});
