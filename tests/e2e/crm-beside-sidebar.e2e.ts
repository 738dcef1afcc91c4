import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { LIGHTNING_ORIGIN, routeCrmApps, routeLightning } from '../support/browser/crm-fixtures';
import { DYNAMICS, HUBSPOT } from '../support/browser/crm-app-records';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../support/browser/lightning-app-records';
import { readStoredScores } from './support/extension-database';
import {
  setSidebarPlacementInOptions,
  sidebarFrameOf,
  sidebarHostOf,
  sidebarOf,
} from '../support/browser/sidebar-page';

/** Where the docked screenshots go, for the closing note. */
const SCREENSHOTS = path.resolve(import.meta.dirname, '../../.output/e2e-screenshots');

// One browser for the file: each test opens its own tab.
let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension();
  await routeLightning(browser.context);
  await routeCrmApps(browser.context);
});

afterAll(async () => {
  await browser.close();
});

/** Opens `url` and waits until the sidebar shows its deal. */
async function openDeal(url: string, dealName: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await sidebarOf(page).getByRole('heading', { level: 2, name: dealName }).waitFor();
  return page;
}

/**
 * Checks that the CRM element is whole on screen, left of the sidebar, and the topmost element at its
 * centre (so a rep's click lands on it, not on the sidebar), and that Playwright can click it.
 */
async function expectVisibleAndClickable(page: Page, element: Locator): Promise<void> {
  await element.waitFor();
  const box = await element.boundingBox();
  const dock = await sidebarHostOf(page).boundingBox();
  expect(box).not.toBeNull();
  expect(dock).not.toBeNull();
  expect(box!.x + box!.width).toBeLessThanOrEqual(dock!.x);
  const hitsItself = await element.evaluate(
    (target, [x, y]) => {
      const hit = document.elementFromPoint(x!, y!);
      return hit !== null && (hit === target || target.contains(hit));
    },
    [box!.x + box!.width / 2, box!.y + box!.height / 2],
  );
  expect(hitsItself).toBe(true);
  await element.click({ trial: true, timeout: 2_000 });
}

describe('The CRM stays visible and clickable beside the open sidebar', () => {
  it('on Lightning: the stage path’s last step, the record actions and the right-hand column', async () => {
    const page = await openDeal(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`, GLOBEX.name);
    await expectVisibleAndClickable(page, page.locator('.slds-path__item').last());
    await expectVisibleAndClickable(page, page.getByRole('button', { name: 'Delete' }));
    await expectVisibleAndClickable(page, page.locator('.region-sidebar-right'));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'lightning-docked.png') });
    await page.close();
  });

  it('on HubSpot: the right-hand column and the deal stage', async () => {
    const [deal] = HUBSPOT.deals;
    const page = await openDeal(`${HUBSPOT.origin}${deal!.path}`, deal!.name);
    await expectVisibleAndClickable(page, page.locator('[data-test-id="records-right-sidebar"]'));
    await expectVisibleAndClickable(
      page,
      page.locator('[data-test-id="record-page"]').getByText('Deal stage').first(),
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'hubspot-docked.png') });
    await page.close();
  });

  it('on Dynamics 365: the business process flow’s last stage and the command bar', async () => {
    const [deal] = DYNAMICS.deals;
    const page = await openDeal(`${DYNAMICS.origin}${deal!.path}`, deal!.name);
    await expectVisibleAndClickable(page, page.locator('.bpf > div').last());
    await expectVisibleAndClickable(page, page.locator('[data-id="CommandBar"] button').last());
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dynamics365-docked.png') });
    await page.close();
  });

  it('narrows to 280 px from the keyboard, still scores there, and keeps the width for the next deal page', async () => {
    const page = await openDeal(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`, GLOBEX.name);
    await sidebarFrameOf(page).getByRole('separator', { name: 'Resize Yardstick' }).press('Home');
    await expect.poll(async () => (await sidebarHostOf(page).boundingBox())?.width).toBe(280);
    await expectVisibleAndClickable(page, page.locator('.region-sidebar-right'));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'lightning-narrow.png') });

    const sidebar = sidebarOf(page);
    const before = (await readStoredScores(browser.serviceWorker)).length;
    await sidebar.getByLabel(/Your name or email/).fill('priya@acme.example');
    await sidebar.getByRole('button', { name: 'Save name' }).click();
    await sidebar.getByRole('radiogroup', { name: 'Metrics' }).getByRole('radio').nth(2).check();
    await sidebar.getByRole('button', { name: 'Save score' }).click();
    await sidebar.getByText(/^Saved at/).waitFor();
    expect(await readStoredScores(browser.serviceWorker)).toHaveLength(before + 1);

    await page.reload();
    await sidebarOf(page).getByRole('heading', { level: 2, name: GLOBEX.name }).waitFor();
    expect((await sidebarHostOf(page).boundingBox())?.width).toBe(280);
    await page.close();
  });

  it('floats over the page without reflowing it when options say so, and every open deal page follows the setting', async () => {
    const page = await openDeal(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`, GLOBEX.name);
    const rightColumn = page.locator('.region-sidebar-right');
    const viewportWidth = () => page.evaluate(() => document.documentElement.clientWidth);
    const rootMargin = () => page.evaluate(() => getComputedStyle(document.documentElement).marginRight);
    const columnRight = async () => {
      const box = await rightColumn.boundingBox();
      return box!.x + box!.width;
    };
    const dockLeft = async () => (await sidebarHostOf(page).boundingBox())!.x;
    expect(await rootMargin()).not.toBe('0px');
    expect(await columnRight()).toBeLessThanOrEqual(await dockLeft());

    const options = await browser.context.newPage();
    await setSidebarPlacementInOptions(options, browser.extensionId, 'over');
    // The open deal page follows without a reload: the CRM takes the whole width again, under the sidebar.
    await expect.poll(rootMargin).toBe('0px');
    expect(await columnRight()).toBeGreaterThan(await dockLeft());
    const dock = (await sidebarHostOf(page).boundingBox())!;
    expect(dock.x + dock.width).toBe(await viewportWidth());
    await sidebarOf(page).getByRole('radiogroup', { name: 'Metrics' }).getByRole('radio').nth(1).check();
    await sidebarOf(page)
      .getByText(/Unsaved changes/)
      .waitFor();

    // A new deal page starts over the page too.
    const next = await openDeal(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`, GLOBEX.name);
    expect(await next.evaluate(() => getComputedStyle(document.documentElement).marginRight)).toBe('0px');
    await next.screenshot({ path: path.join(SCREENSHOTS, 'lightning-overlay.png') });

    await setSidebarPlacementInOptions(options, browser.extensionId, 'beside');
    await expect.poll(rootMargin).not.toBe('0px');
    await expectVisibleAndClickable(page, rightColumn);
    await Promise.all([page.close(), next.close(), options.close()]);
  });
});
