import type { Page } from 'playwright-core';
import { GENERIC, GENERIC_CONFIG } from '../support/browser/crm-app-records';
import { LIGHTNING_ORIGIN, routeCrmApps, routeLightning } from '../support/browser/crm-fixtures';
import { prepareExtensionCopy } from './support/granted-host-build';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../support/browser/lightning-app-records';
import {
  dealHeadingOf,
  expectText,
  scoreAndSave,
  setRaterInOptions,
  sidebarOf,
  sidebarHostOf,
} from '../support/browser/sidebar-page';

const HOST_PATTERN = 'https://crm.example.com/*';

let browser: ExtensionBrowser | null = null;
let build: ReturnType<typeof prepareExtensionCopy> | null = null;

async function launch(): Promise<ExtensionBrowser> {
  build ??= prepareExtensionCopy({ grantedHosts: [HOST_PATTERN] });
  browser = await launchWithExtension({ extensionDir: build.extensionDir });
  await routeLightning(browser.context);
  await routeCrmApps(browser.context);
  return browser;
}

async function openOptions(running: ExtensionBrowser): Promise<Page> {
  const options = await running.context.newPage();
  await options.goto(`chrome-extension://${running.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Custom CRM hosts' }).waitFor();
  return options;
}

async function openGlobex(running: ExtensionBrowser): Promise<Page> {
  const page = await running.context.newPage();
  await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
  await sidebarOf(page).getByRole('radiogroup').first().waitFor();
  return page;
}

const savedScoresOf = (page: Page) =>
  sidebarOf(page).getByRole('list', { name: 'Saved scores' }).getByRole('listitem');

/** A backup of a browser where a custom host was added and one Globex score saved: the file's path. */
async function backUpAScoreAndACustomHost(): Promise<string> {
  const running = await launch();
  const options = await openOptions(running);
  await options.getByLabel(/Deal URL pattern/).fill(GENERIC_CONFIG.urlPattern);
  await options.getByLabel('Deal name selector (optional)').fill(GENERIC_CONFIG.selectors.name);
  await options.getByRole('button', { name: 'Add host and grant access' }).click();
  await options.getByText(`Yardstick now runs on ${HOST_PATTERN}.`, { exact: false }).waitFor();
  await setRaterInOptions(options, running.extensionId, 'priya@acme.example');
  const globex = await openGlobex(running);
  await scoreAndSave(globex, 'Metrics', 2);

  await options.bringToFront();
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Back up everything' }).click(),
  ]);
  const file = `${build!.extensionDir}-backup.json`;
  await download.saveAs(file);
  await running.close();
  browser = null;
  return file;
}

afterEach(async () => {
  await browser?.close();
  browser = null;
  build?.remove();
  build = null;
});

describe('Restoring a backup', () => {
  it('shows the restored history in an open sidebar and runs on a restored custom host at once', async () => {
    const backupFile = await backUpAScoreAndACustomHost();

    const running = await launch();
    const globex = await openGlobex(running);
    expect(await savedScoresOf(globex).count()).toBe(0);
    const custom = await running.context.newPage();
    await custom.goto(`${GENERIC.origin}${GENERIC.deals[0]!.path}`);
    await custom.waitForTimeout(600);
    expect(await sidebarHostOf(custom).count()).toBe(0);

    const options = await openOptions(running);
    await options.getByLabel('Restore from a backup file').setInputFiles(backupFile);
    await options.getByText(/1 scores added/).waitFor();

    // No reload: the open sidebar hears of the restore and shows the restored score.
    await savedScoresOf(globex).first().waitFor();
    expect(await savedScoresOf(globex).count()).toBe(1);
    // The restored host's loader is registered at once: its deal page gets the sidebar.
    await custom.reload();
    await expectText(dealHeadingOf(custom), GENERIC.deals[0]!.name);
  });
});
