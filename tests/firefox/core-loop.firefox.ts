import type { Page } from 'puppeteer-core';
import { HUBSPOT } from '../support/browser/crm-app-records';
import { LIGHTNING_ORIGIN } from '../support/browser/crm-fixtures';
import { GLOBEX, INITECH, opportunityPath } from '../support/browser/lightning-app-records';
import {
  historyRowCount,
  navigateInApp,
  scoreAndSave,
  setRaterInOptions,
  sidebarText,
  waitForCheckedLevel,
  waitForDealHeading,
  waitForNoSidebar,
  waitForSidebarText,
} from './support/firefox-sidebar';
import { launchFirefoxWithExtension, type ExtensionFirefox } from './support/launch-firefox';
import { serveCrmFixtures } from './support/serve-crm-fixtures';

// One Firefox for the file: its launch and the add-on's install are most of the file's time.
let firefox: ExtensionFirefox;
const pages: Page[] = [];

async function openCrmTab(): Promise<Page> {
  const page = await firefox.newPage();
  pages.push(page);
  await serveCrmFixtures(page);
  return page;
}

beforeAll(async () => {
  firefox = await launchFirefoxWithExtension();
  const options = await firefox.newPage();
  await setRaterInOptions(options, 'priya@acme.example');
  await options.close();
});

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});

afterAll(async () => {
  await firefox?.close();
});

describe('Yardstick in Firefox ESR', () => {
  it('on a Lightning opportunity: scores, saves, and after a reload shows the saved level and its history row', async () => {
    const page = await openCrmTab();
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
    await waitForDealHeading(page, GLOBEX.name);
    await scoreAndSave(page, 'Metrics', 2);

    await page.reload();
    await waitForDealHeading(page, GLOBEX.name);
    await waitForCheckedLevel(page, 'Metrics', 2);
    await waitForSidebarText(page, /meddpicc 1\.1\.1/);
    expect(await historyRowCount(page)).toBe(1);
  });

  it('on Lightning: follows single-page navigation to the next opportunity and off deals', async () => {
    const page = await openCrmTab();
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
    await waitForDealHeading(page, GLOBEX.name);

    await navigateInApp(page, 'yardstickLightningApp', opportunityPath(INITECH.id));
    await waitForDealHeading(page, INITECH.name);
    await waitForSidebarText(page, new RegExp(INITECH.stage));

    await navigateInApp(page, 'yardstickLightningApp', '/lightning/page/home');
    await waitForNoSidebar(page);
  });

  it('on a HubSpot deal: names it, follows the app to the next deal, saves, and keeps the score after a reload', async () => {
    const page = await openCrmTab();
    const [first, second] = HUBSPOT.deals;
    await page.goto(`${HUBSPOT.origin}${first!.path}`);
    await waitForDealHeading(page, first!.name);

    await navigateInApp(page, HUBSPOT.hook, second!.path);
    await waitForDealHeading(page, second!.name);
    await scoreAndSave(page, 'Champion', 1);

    await page.reload();
    await waitForDealHeading(page, second!.name);
    await waitForCheckedLevel(page, 'Champion', 1);
    await waitForSidebarText(page, /meddpicc 1\.1\.1/);
    expect(await historyRowCount(page)).toBe(1);
    expect(await sidebarText(page)).not.toMatch(/No saved scores for this deal yet/);
  });
});
