import type { Page } from 'playwright-core';
import { DYNAMICS, HUBSPOT, PIPEDRIVE } from '../support/browser/crm-app-records';
import { LIGHTNING_ORIGIN, routeCrmApps, routeLightning } from '../support/browser/crm-fixtures';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../support/browser/lightning-app-records';
import { recordLoaderVerdicts, waitForNotADeal } from './support/loader-verdicts';
import { dealHeadingOf, expectText, navigateInApp, sidebarHostOf } from '../support/browser/sidebar-page';

// The loader alone decides on a page that is not a deal: these tests start there and navigate in place.
let browser: ExtensionBrowser;
const pages: Page[] = [];

async function openTab(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  pages.push(page);
  await page.goto(url);
  // The loader has run and found no deal: nothing was injected.
  await waitForNotADeal(browser.serviceWorker, page);
  expect(await sidebarHostOf(page).count()).toBe(0);
  return page;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  await recordLoaderVerdicts(browser.serviceWorker);
  await routeLightning(browser.context);
  await routeCrmApps(browser.context);
});

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});

afterAll(async () => {
  await browser.close();
});

describe('The loader on a CRM page that is not a deal', () => {
  it('injects the sidebar when Lightning navigates in place from its home page to an opportunity', async () => {
    const page = await openTab(`${LIGHTNING_ORIGIN}/lightning/page/home`);
    await navigateInApp(page, 'yardstickLightningApp', opportunityPath(GLOBEX.id));
    await expectText(dealHeadingOf(page), GLOBEX.name);
  });

  it.each([HUBSPOT, DYNAMICS, PIPEDRIVE])(
    'injects the sidebar when $title navigates in place to a deal',
    async (crm) => {
      const page = await openTab(`${crm.origin}${crm.nonDeals[0]!}`);
      await navigateInApp(page, crm.hook, crm.nonDeals[1]!);
      await waitForNotADeal(browser.serviceWorker, page);
      expect(await sidebarHostOf(page).count()).toBe(0);
      const deal = crm.deals[0]!;
      await navigateInApp(page, crm.hook, deal.path);
      await expectText(dealHeadingOf(page), deal.name);
    },
  );
});
