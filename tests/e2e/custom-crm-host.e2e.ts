import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { GENERIC, GENERIC_CONFIG } from '../support/browser/crm-app-records';
import { routeCrmApps } from '../support/browser/crm-fixtures';
import { readStoredScores } from './support/extension-database';
import { prepareExtensionCopy } from './support/granted-host-build';
import { TEST_EXTENSION_ID } from './support/keyed-build';
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

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = path.join(POLICY_DIR, 'yardstick-e2e-custom-crm.json');
const HOST_PATTERN = 'https://crm.example.com/*';
const SCRIPT_ID = `crm-host:${HOST_PATTERN}`;

/** The part of `chrome` the service worker is asked about (the e2e tests have no extension types). */
interface ScriptingApi {
  scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> };
}

let browser: ExtensionBrowser | null = null;
let build: ReturnType<typeof prepareExtensionCopy> | null = null;

function writePolicy(keys: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [TEST_EXTENSION_ID]: keys } } }));
}

async function launch(grantedHosts: string[]): Promise<ExtensionBrowser> {
  build = prepareExtensionCopy({ grantedHosts });
  browser = await launchWithExtension({ extensionDir: build.extensionDir });
  expect(browser.extensionId).toBe(TEST_EXTENSION_ID);
  await recordLoaderVerdicts(browser.serviceWorker);
  await routeCrmApps(browser.context);
  return browser;
}

async function registeredScriptIds(running: ExtensionBrowser): Promise<string[]> {
  return running.serviceWorker.evaluate(async () => {
    const { scripting } = (globalThis as unknown as { chrome: ScriptingApi }).chrome;
    return (await scripting.getRegisteredContentScripts()).map((script) => script.id);
  });
}

async function waitForRegistration(running: ExtensionBrowser, present: boolean): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if ((await registeredScriptIds(running)).includes(SCRIPT_ID) === present) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(
    `the loader registration for ${HOST_PATTERN} never became ${present ? 'present' : 'absent'}`,
  );
}

async function openOptions(running: ExtensionBrowser): Promise<Page> {
  const options = await running.context.newPage();
  await options.goto(`chrome-extension://${TEST_EXTENSION_ID}/options.html`);
  await options.getByRole('heading', { name: 'Custom CRM hosts' }).waitFor();
  return options;
}

/** The sidebar comes only at a loader's request: none runs on the host, or its loader found no deal. */
async function expectNoSidebar(running: ExtensionBrowser, page: Page): Promise<void> {
  if ((await registeredScriptIds(running)).includes(SCRIPT_ID))
    await waitForNotADeal(running.serviceWorker, page);
  expect(await sidebarHostOf(page).count()).toBe(0);
}

afterEach(async () => {
  await browser?.close();
  browser = null;
  build?.remove();
  build = null;
  rmSync(POLICY_FILE, { force: true });
});

afterAll(() => {
  rmSync(POLICY_FILE, { force: true });
  expect(existsSync(POLICY_FILE)).toBe(false);
});

describe('A custom CRM host', () => {
  it('added in options and granted: the sidebar appears there, follows its navigation, saves, and goes when removed', async () => {
    const running = await launch([HOST_PATTERN]);
    const options = await openOptions(running);
    const deal = await running.context.newPage();
    await deal.goto(`${GENERIC.origin}${GENERIC.deals[0]!.path}`);
    await expectNoSidebar(running, deal);

    await options.getByLabel(/Deal URL pattern/).fill(GENERIC_CONFIG.urlPattern);
    await options.getByLabel('Deal name selector (optional)').fill(GENERIC_CONFIG.selectors.name);
    await options.getByLabel('Stage selector (optional)').fill(GENERIC_CONFIG.selectors.stage);
    await options.getByLabel('Amount selector (optional)').fill(GENERIC_CONFIG.selectors.amount);
    await options.getByLabel('Close date selector (optional)').fill(GENERIC_CONFIG.selectors.closeDate);
    await options.getByLabel('Owner selector (optional)').fill(GENERIC_CONFIG.selectors.owner);
    await options.getByRole('button', { name: 'Add host and grant access' }).click();
    await options.getByText(`Yardstick now runs on ${HOST_PATTERN}.`, { exact: false }).waitFor();
    const listed = options.getByRole('list', { name: 'Custom CRM hosts' }).getByRole('listitem');
    // The confirmation and the list come from two renders: the list is read once it has an entry.
    await listed.first().waitFor();
    expect(await listed.count()).toBe(1);
    expect(await listed.first().textContent()).toContain('Active');
    expect(await registeredScriptIds(running)).toContain(SCRIPT_ID);
    await setRaterInOptions(options, running.extensionId, 'priya@acme.example');

    const [first, second, third] = GENERIC.deals;
    await deal.reload();
    await expectText(dealHeadingOf(deal), first!.name);
    await sidebarOf(deal).getByText('Proposal', { exact: true }).waitFor();
    await navigateInApp(deal, GENERIC.hook, second!.path);
    await expectText(dealHeadingOf(deal), second!.name);
    await navigateInApp(deal, GENERIC.hook, GENERIC.nonDeals[0]!);
    await sidebarOf(deal).waitFor({ state: 'detached' });
    await navigateInApp(deal, GENERIC.hook, third!.path);
    await expectText(dealHeadingOf(deal), third!.name);
    await scoreAndSave(deal, 'Metrics', 1);
    const stored = await readStoredScores(running.serviceWorker);
    expect(stored.map((score) => score.dealKey)).toEqual([third!.dealKey]);

    await deal.goto(`${GENERIC.origin}${GENERIC.nonDeals[1]!}`);
    await expectNoSidebar(running, deal);

    await options.goto(`chrome-extension://${TEST_EXTENSION_ID}/options.html`);
    await options.getByRole('button', { name: `Remove ${HOST_PATTERN}` }).click();
    await options.getByText(`Removed ${HOST_PATTERN}`, { exact: false }).waitFor();
    await waitForRegistration(running, false);
    await deal.goto(`${GENERIC.origin}${first!.path}`);
    await expectNoSidebar(running, deal);
  });

  it('declared by policy and granted: Yardstick runs there from start-up, shown as managed in options', async () => {
    writePolicy({ customCrms: [GENERIC_CONFIG], raterId: 'manager@acme.example' });
    const running = await launch([HOST_PATTERN]);
    await waitForRegistration(running, true);
    const options = await openOptions(running);
    const entry = options.getByRole('list', { name: 'Custom CRM hosts' }).getByRole('listitem').first();
    await entry.getByText('Active').waitFor();
    expect(await entry.getByText('Managed by your organisation').count()).toBe(1);
    expect(await entry.getByRole('button', { name: /Remove/ }).count()).toBe(0);

    const deal = await running.context.newPage();
    await deal.goto(`${GENERIC.origin}${GENERIC.deals[1]!.path}`);
    await expectText(dealHeadingOf(deal), GENERIC.deals[1]!.name);
    await scoreAndSave(deal, 'Champion', 2);
    expect((await readStoredScores(running.serviceWorker))[0]).toMatchObject({
      dealKey: GENERIC.deals[1]!.dealKey,
      rater: 'manager@acme.example',
    });
  });

  it('declared by policy but not granted: options offers the grant, names bad entries, and no sidebar appears', async () => {
    writePolicy({ customCrms: [GENERIC_CONFIG, { urlPattern: 'https://crm.example.com/deals/\\d+' }] });
    const running = await launch([]);
    const options = await openOptions(running);
    const entry = options.getByRole('list', { name: 'Custom CRM hosts' }).getByRole('listitem').first();
    await entry.getByText('Access not granted').waitFor();
    expect(await entry.getByRole('button', { name: `Grant access to ${HOST_PATTERN}` }).count()).toBe(1);
    expect(await options.getByRole('alert').filter({ hasText: 'customCrms[1]' }).textContent()).toContain(
      'named group "id"',
    );
    expect(await registeredScriptIds(running)).not.toContain(SCRIPT_ID);

    const deal = await running.context.newPage();
    await deal.goto(`${GENERIC.origin}${GENERIC.deals[0]!.path}`);
    await expectNoSidebar(running, deal);
  });
});
