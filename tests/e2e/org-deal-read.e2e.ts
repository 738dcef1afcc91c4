import type { Page } from 'playwright-core';
import { startSalesforceTestServer, type SalesforceTestServer } from '../support/salesforce-test-server';
import { TEST_OPPORTUNITIES, TEST_SESSIONS } from '../support/salesforce-test-org';
import { LIGHTNING_ORIGIN, routeLightning } from '../support/browser/crm-fixtures';
import { readStoredScores } from './support/extension-database';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { GLOBEX, INITECH, opportunityPath } from '../support/browser/lightning-app-records';
import { dealHeadingOf, expectText, navigateInApp, sidebarOf } from '../support/browser/sidebar-page';

// The demo org's API host (apiOriginForHost of the Lightning host), resolved to the test org.
const API_HOST = new URL(LIGHTNING_ORIGIN).hostname.replace('.lightning.force.com', '.my.salesforce.com');
const REP = TEST_SESSIONS[0]!;
const ORG_GLOBEX = TEST_OPPORTUNITIES[GLOBEX.id]!;
const ORG_INITECH = TEST_OPPORTUNITIES[INITECH.id]!;

let server: SalesforceTestServer;
let browser: ExtensionBrowser;
let page: Page;

const soqlCalls = () => server.calls.get('GET query') ?? 0;

beforeEach(async () => {
  server = await startSalesforceTestServer();
  browser = await launchWithExtension({
    extraArgs: [
      `--host-resolver-rules=MAP *.my.salesforce.com 127.0.0.1:${server.httpsPort}`,
      '--ignore-certificate-errors',
    ],
  });
  await routeLightning(browser.context);
  await browser.context.addCookies([
    {
      name: 'sid',
      value: REP.token,
      domain: API_HOST,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'None',
    },
  ]);
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterEach(async () => {
  await browser.close();
  await server.close();
});

describe('A Salesforce deal read through the org API', () => {
  it('shows the org’s fields, says so, and saves the API snapshot', async () => {
    expect(ORG_GLOBEX.Name).not.toBe(GLOBEX.name);
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
    await expectText(dealHeadingOf(page), String(ORG_GLOBEX.Name), 10_000);
    const sidebar = sidebarOf(page);
    await sidebar.getByText(/^Source: Salesforce \(API\)/).waitFor();
    await sidebar.getByText(String(ORG_GLOBEX.StageName), { exact: true }).waitFor();
    await sidebar.getByText(String(ORG_GLOBEX.LeadSource), { exact: true }).waitFor();
    expect(await sidebar.getByText(GLOBEX.stage, { exact: true }).count()).toBe(0);
    expect(soqlCalls()).toBe(1);

    await sidebar.getByLabel(/Your name or email/).fill('dana@acme.example');
    await sidebar.getByRole('button', { name: 'Save name' }).click();
    await sidebar.getByRole('radiogroup', { name: 'Metrics' }).getByRole('radio').nth(2).check();
    await sidebar.getByRole('button', { name: 'Save score' }).click();
    await sidebar.getByText(/^Saved at/).waitFor();
    const [score] = await readStoredScores(browser.serviceWorker);
    expect(score?.deal).toMatchObject({
      name: { text: ORG_GLOBEX.Name },
      source: 'api',
      orgLastModified: '2026-11-20T08:15:00.000Z',
    });
  });

  it('costs no second SOQL call when the CRM shows the same record again', async () => {
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
    await expectText(dealHeadingOf(page), String(ORG_GLOBEX.Name), 10_000);
    await navigateInApp(page, 'yardstickLightningApp', opportunityPath(INITECH.id));
    await expectText(dealHeadingOf(page), String(ORG_INITECH.Name), 10_000);
    expect(soqlCalls()).toBe(2);
    // Back to the first record, then away to a page that is not a deal and back: the sidebar is injected
    // anew, and the background answers from the tab's visit.
    await page.goBack();
    await expectText(dealHeadingOf(page), String(ORG_GLOBEX.Name), 10_000);
    await navigateInApp(page, 'yardstickLightningApp', '/lightning/page/home');
    await sidebarOf(page).waitFor({ state: 'detached' });
    await navigateInApp(page, 'yardstickLightningApp', opportunityPath(GLOBEX.id));
    await expectText(dealHeadingOf(page), String(ORG_GLOBEX.Name), 10_000);
    await sidebarOf(page)
      .getByText(/^Source: Salesforce \(API\)/)
      .waitFor();
    expect(soqlCalls()).toBe(2);
    expect(server.calls.get('GET versions')).toBe(1);
    expect(server.calls.get('GET userinfo')).toBe(1);
  });

  it('falls back to the page reading when the session expired, and says why', async () => {
    server.fail('expired-session');
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);
    const sidebar = sidebarOf(page);
    await sidebar
      .getByText(/^Source: this page, as shown\. .*session has expired/)
      .waitFor({ timeout: 10_000 });
    await expectText(dealHeadingOf(page), GLOBEX.name);
    await sidebar.getByText(GLOBEX.stage, { exact: true }).waitFor();
  });
});
