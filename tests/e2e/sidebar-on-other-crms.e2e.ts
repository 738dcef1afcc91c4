import type { Page } from 'playwright-core';
import { CLASSIC, DYNAMICS, HUBSPOT, PIPEDRIVE, type CrmApp } from '../support/browser/crm-app-records';
import { routeCrmApps } from '../support/browser/crm-fixtures';
import { readStoredScores } from './support/extension-database';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { recordLoaderVerdicts, waitForNotADeal } from './support/loader-verdicts';
import {
  dealHeadingOf,
  expectText,
  navigateInApp,
  scoreAndSave,
  setRaterInOptions,
  sidebarOf,
  sidebarHostOf,
} from '../support/browser/sidebar-page';

// One browser for the file: each Chromium launch costs about a second, and every test opens its own tabs.
let browser: ExtensionBrowser;
const pages: Page[] = [];

async function openTab(): Promise<Page> {
  const page = await browser.context.newPage();
  pages.push(page);
  return page;
}

beforeAll(async () => {
  browser = await launchWithExtension();
  await recordLoaderVerdicts(browser.serviceWorker);
  await routeCrmApps(browser.context);
  const options = await openTab();
  await setRaterInOptions(options, browser.extensionId, 'priya@acme.example');
});

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.close()));
});

afterAll(async () => {
  await browser.close();
});

/** Goes to a page of the CRM: a full load, or in place with the app's own navigation. */
async function visit(page: Page, crm: CrmApp, path: string, inPlace: boolean): Promise<void> {
  if (inPlace) await navigateInApp(page, crm.hook, path);
  else await page.goto(`${crm.origin}${path}`);
}

async function expectNoSidebar(page: Page): Promise<void> {
  // The sidebar is injected only at the loader's request, which it makes on a deal only.
  await waitForNotADeal(browser.serviceWorker, page);
  expect(await sidebarHostOf(page).count()).toBe(0);
}

describe.each([CLASSIC, HUBSPOT, DYNAMICS, PIPEDRIVE])('Yardstick on $title', (crm) => {
  it('names the deal, follows the CRM’s navigation to the next deal and off deals, and saves', async () => {
    const page = await openTab();
    const [first, second, third] = crm.deals;
    await page.goto(`${crm.origin}${first!.path}`);
    await expectText(dealHeadingOf(page), first!.name);
    expect(await sidebarHostOf(page).count()).toBe(1);

    await visit(page, crm, second!.path, crm.singlePage);
    await expectText(dealHeadingOf(page), second!.name);

    await visit(page, crm, crm.nonDeals[0]!, crm.singlePage);
    await sidebarOf(page).waitFor({ state: 'detached' });

    await visit(page, crm, third!.path, crm.singlePage);
    await expectText(dealHeadingOf(page), third!.name);
    // CRMs render the deal's details after its header: save once the segment fields are read too.
    for (const value of Object.values(crm.thirdDealSegments)) {
      if (value !== null) await sidebarOf(page).getByText(value, { exact: true }).waitFor();
    }
    await scoreAndSave(page, 'Metrics', 2);

    const stored = (await readStoredScores(browser.serviceWorker)).filter(
      (score) => score.dealKey === third!.dealKey,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ rater: 'priya@acme.example', deal: { name: { text: third!.name } } });
    const segments = Object.entries(stored[0]!.deal.segments ?? {}).map(([id, reading]) => [
      id,
      reading.text,
    ]);
    expect(Object.fromEntries(segments)).toEqual(crm.thirdDealSegments);
    const history = sidebarOf(page).getByRole('list', { name: 'Saved scores' }).getByRole('listitem');
    expect(await history.count()).toBe(1);
  });

  it('shows no sidebar on pages of the same host that are not deals', async () => {
    const page = await openTab();
    for (const path of crm.nonDeals) {
      await page.goto(`${crm.origin}${path}`);
      await expectNoSidebar(page);
    }
  });
});

describe('Yardstick across CRMs', () => {
  it('keeps each tab on its own deal with HubSpot and Pipedrive open at once', async () => {
    const hubspot = await openTab();
    const pipedrive = await openTab();
    await hubspot.goto(`${HUBSPOT.origin}${HUBSPOT.deals[0]!.path}`);
    await pipedrive.goto(`${PIPEDRIVE.origin}${PIPEDRIVE.deals[1]!.path}`);
    await expectText(dealHeadingOf(hubspot), HUBSPOT.deals[0]!.name);
    await expectText(dealHeadingOf(pipedrive), PIPEDRIVE.deals[1]!.name);
    await scoreAndSave(pipedrive, 'Champion', 1);
    await navigateInApp(hubspot, HUBSPOT.hook, HUBSPOT.deals[2]!.path);
    await expectText(dealHeadingOf(hubspot), HUBSPOT.deals[2]!.name);
    await expectText(dealHeadingOf(pipedrive), PIPEDRIVE.deals[1]!.name);
    const keys = (await readStoredScores(browser.serviceWorker)).map((score) => score.dealKey);
    expect(keys).toContain(PIPEDRIVE.deals[1]!.dealKey);
    expect(keys).not.toContain(HUBSPOT.deals[0]!.dealKey);
  });

  it('never shows the previous deal while the next one renders (HubSpot keeps the old page up)', async () => {
    const page = await openTab();
    const [first, second] = HUBSPOT.deals;
    await page.goto(`${HUBSPOT.origin}${first!.path}?yardstickFixture=keep-previous-header`);
    await expectText(dealHeadingOf(page), first!.name);
    const seen: string[] = [];
    await navigateInApp(page, HUBSPOT.hook, `${second!.path}?yardstickFixture=keep-previous-header`);
    // Sample the heading while the app still shows the previous deal's page.
    for (let sample = 0; sample < 10; sample++) {
      seen.push((await dealHeadingOf(page).textContent())?.trim() ?? '');
      await page.waitForTimeout(30);
    }
    await expectText(dealHeadingOf(page), second!.name);
    expect(seen.filter((text) => text === first!.name)).toEqual([]);
  });

  it('flags the latest score as stale when the deal moved since it was saved, with the reasons', async () => {
    const page = await openTab();
    const deal = PIPEDRIVE.deals[0]!;
    await page.goto(`${PIPEDRIVE.origin}${deal.path}`);
    await expectText(dealHeadingOf(page), deal.name);
    // The details (close date) render after the header: a score saved before them records the close date as unknown.
    await sidebarOf(page).getByText('Jan 31, 2027').waitFor();
    await scoreAndSave(page, 'Economic buyer', 1);
    expect(await sidebarOf(page).getByRole('status', { name: 'Stale score' }).count()).toBe(0);

    // The deal moves on in the CRM: next stage, a bigger amount, a later close date.
    await page.evaluate(() => {
      const app = (window as unknown as { yardstickPipedriveApp: { deals: Record<string, string>[] } })
        .yardstickPipedriveApp;
      Object.assign(app.deals[0]!, {
        stage: 'Negotiations Started',
        value: '$1,900,000',
        closeDate: 'Mar 31, 2027',
      });
    });
    await navigateInApp(page, PIPEDRIVE.hook, `${deal.path}?tab=activity`);
    const notice = sidebarOf(page).getByRole('status', { name: 'Stale score' });
    // Pipedrive renders the header (stage, value) first and the details (close date) a moment later.
    await notice.getByText(/Close date pushed out by 59 days/).waitFor();
    const text = await notice.textContent();
    expect(text).toContain('Stage changed from Proposal Made to Negotiations Started');
    expect(text).toContain('Amount changed by 52%');
    const latest = sidebarOf(page).getByRole('list', { name: 'Saved scores' }).getByRole('listitem').first();
    expect(await latest.getByText('Stale', { exact: true }).count()).toBe(1);
  });

  it('records a manager’s save as a validating score and shows it beside the rep’s', async () => {
    const page = await openTab();
    const deal = DYNAMICS.deals[0]!;
    await page.goto(`${DYNAMICS.origin}${deal.path}`);
    await expectText(dealHeadingOf(page), deal.name);
    await scoreAndSave(page, 'Metrics', 3);
    expect(await sidebarOf(page).getByRole('region', { name: 'Manager’s view' }).count()).toBe(0);

    const options = await openTab();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('radio', { name: /^Manager/ }).check();
    await options.getByText('Your scores will be recorded as a manager’s validating scores.').waitFor();

    const managerView = sidebarOf(page).getByRole('region', { name: 'Manager’s view' });
    await managerView.getByText(/You are scoring as a manager/).waitFor();
    await scoreAndSave(page, 'Metrics', 1);
    await managerView.getByTestId('manager-score').waitFor();
    const stored = (await readStoredScores(browser.serviceWorker)).filter((s) => s.dealKey === deal.dealKey);
    const managerScore = stored.find((s) => s.role === 'manager')!;
    const repScore = stored.find((s) => s.role === 'rep')!;
    expect(await managerView.getByTestId('manager-score').textContent()).toContain(
      String(managerScore.total),
    );
    expect(await managerView.getByTestId('rep-score').textContent()).toContain(String(repScore.total));
    expect(await managerView.getByTestId('manager-difference').textContent()).toMatch(
      /points lower than the rep/,
    );
    const latest = sidebarOf(page).getByRole('list', { name: 'Saved scores' }).getByRole('listitem').first();
    expect(await latest.getByText('Manager', { exact: true }).count()).toBe(1);

    await options.getByRole('radio', { name: /^Rep/ }).check();
    await options.getByText('Your scores will be recorded as a rep’s.').waitFor();
  });
});
