import type { Page } from 'playwright-core';
import { fixtureText, LIGHTNING_ORIGIN, routeLightning } from '../support/browser/crm-fixtures';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../support/browser/lightning-app-records';
import { sidebarOf } from '../support/browser/sidebar-page';

let browser: ExtensionBrowser;

beforeEach(async () => {
  browser = await launchWithExtension();
  await routeLightning(browser.context);
});

afterEach(async () => {
  await browser.close();
});

async function openOptions(): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Yardstick settings' }).waitFor();
  return options;
}

async function importDefinitions(options: Page, name: string, text: string): Promise<void> {
  await options
    .getByLabel(/Import a definitions file/)
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('Definitions in the browser', () => {
  it('keeps the built-in definitions active when an imported file fails validation, and tells the rep in one line', async () => {
    const options = await openOptions();
    const broken = JSON.parse(fixtureText('definitions/two-criteria.json')) as {
      criteria: { weight: number }[];
    };
    broken.criteria[0]!.weight = 0;
    await importDefinitions(options, 'broken.json', JSON.stringify(broken));
    const alert = options.getByRole('alert');
    await alert.getByText('criteria[0].weight: must be greater than 0').waitFor();
    expect(await options.getByText('Built into Yardstick').count()).toBe(1);

    const page = await browser.context.newPage();
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
    const sidebar = sidebarOf(page);
    await sidebar.getByText(/^Your team’s definitions could not be updated/).waitFor();
    // The rep gets one line; the problems stay in options and the popup, where someone can fix them.
    expect(await sidebar.getByText('criteria[0].weight', { exact: false }).count()).toBe(0);
    expect(await sidebar.getByRole('radiogroup').count()).toBe(8);
  });

  it('switches an open sidebar to newly imported definitions without a reload', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
    const sidebar = sidebarOf(page);
    await sidebar.getByRole('radiogroup', { name: 'Economic buyer' }).waitFor();

    const options = await openOptions();
    await importDefinitions(options, 'team.json', fixtureText('definitions/two-criteria.json'));
    await options.getByText('Now scoring against Two criteria for tests 2.1.0.').waitFor();

    await sidebar.getByRole('radiogroup', { name: 'Champion' }).waitFor();
    expect(await sidebar.getByRole('radiogroup').count()).toBe(2);
  });
});
