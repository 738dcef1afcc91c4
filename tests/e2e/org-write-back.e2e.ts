import type { Page } from 'playwright-core';
import { MessageType } from '../../lib/messaging/protocol-names';
import { TEST_ORG_ID, TEST_SESSIONS } from '../support/salesforce-test-org';
import { startSalesforceTestServer, type SalesforceTestServer } from '../support/salesforce-test-server';
import { LIGHTNING_ORIGIN, routeLightning } from '../support/browser/crm-fixtures';
import { readScoresViaExtensionPage } from './support/extension-page-database';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { GLOBEX, INITECH, opportunityPath } from '../support/browser/lightning-app-records';
import { sidebarOf } from '../support/browser/sidebar-page';

// The Lightning fixtures' org is `yardstick-demo`: its API host is yardstick-demo.my.salesforce.com.
const API_HOST = 'yardstick-demo.my.salesforce.com';
const REP = TEST_SESSIONS[0]!;

let server: SalesforceTestServer;
let browser: ExtensionBrowser;

async function logIn(token: string): Promise<void> {
  await browser.context.addCookies([
    {
      name: 'sid',
      value: token,
      domain: API_HOST,
      path: '/',
      secure: true,
      httpOnly: true,
      sameSite: 'None',
    },
  ]);
}

/** The popup, opened as a page: the rep's switch, the count waiting, the last error, Send now. */
async function openPopup(): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await popup.getByRole('checkbox', { name: /Save scores to Salesforce/ }).waitFor();
  return popup;
}

async function turnOnOrgSync(): Promise<void> {
  const popup = await openPopup();
  // The checkbox shows the background's answer, so it turns checked a moment after the click.
  const checkbox = popup.getByRole('checkbox', { name: /Save scores to Salesforce/ });
  await checkbox.click();
  await until(() => checkbox.isChecked(), 'org sync to be on');
  await popup.getByRole('status', { name: 'Salesforce sync' }).waitFor();
  await popup.close();
}

async function openDeal(id: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(id)}`);
  await sidebarOf(page).waitFor();
  return page;
}

async function scoreAndSave(page: Page, level: number): Promise<void> {
  const sidebar = sidebarOf(page);
  const rater = sidebar.getByLabel(/Your name or email/);
  if (await rater.isVisible()) {
    await rater.fill('dana@acme.example');
    await sidebar.getByRole('button', { name: 'Save name' }).click();
  }
  await sidebar.getByRole('radiogroup', { name: 'Metrics' }).getByRole('radio').nth(level).check();
  const saveButton = sidebar.getByRole('button', { name: 'Save score' });
  await saveButton.and(page.locator(':enabled')).waitFor();
  await saveButton.click();
  await sidebar.getByText(/^Saved at/).waitFor();
}

async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Every local score is in the test org exactly once: created once each, never updated. */
async function expectEachLocalScoreInOrgOnce(): Promise<void> {
  const local = await readScoresViaExtensionPage(browser.context, browser.extensionId);
  await until(() => server.scores.size >= local.length, `${local.length} scores in the org`);
  expect(server.upserts).toEqual({ created: local.length, updated: 0 });
  expect([...server.scores.keys()].sort()).toEqual(local.map((score) => score.id).sort());
}

/**
 * Asks the background to send now with the popup's own request. Not by clicking "Send now": the
 * button goes away as soon as the outbox empties, so a click could race a drain that got there first.
 */
async function sendNowFromPopup(): Promise<void> {
  const popup = await openPopup();
  const answer = await popup.evaluate(
    (type) =>
      (
        globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }
      ).chrome.runtime.sendMessage({ type }),
    MessageType.sendOrgScoresNow,
  );
  expect(answer).toMatchObject({ ok: true });
  await popup.close();
}

beforeEach(async () => {
  server = await startSalesforceTestServer();
  browser = await launchWithExtension({
    extraArgs: [
      `--host-resolver-rules=MAP *.my.salesforce.com 127.0.0.1:${server.httpsPort}`,
      '--ignore-certificate-errors',
    ],
  });
  await routeLightning(browser.context);
  await logIn(REP.token);
  await turnOnOrgSync();
});

afterEach(async () => {
  await browser.close();
  await server.close();
});

describe('scores written back to the Salesforce org', { timeout: 120_000 }, () => {
  it('a saved score reaches the org once, with the org user as its verified rater', async () => {
    const page = await openDeal(GLOBEX.id);
    await scoreAndSave(page, 2);
    await expectEachLocalScoreInOrgOnce();
    const [stored] = [...server.scores.values()];
    expect(stored!.OwnerId).toBe(REP.userId);
    expect(stored!.fields.Rater__c).toBe(REP.name);
    expect(stored!.fields.Opportunity__c).toBe(GLOBEX.id);
    const [local] = await readScoresViaExtensionPage(browser.context, browser.extensionId);
    expect((local as unknown as { orgRater: unknown }).orgRater).toEqual({
      userId: REP.userId,
      name: REP.name,
      orgId: TEST_ORG_ID,
    });
    await page.reload();
    await sidebarOf(page).getByText('In Salesforce').waitFor();
    await sidebarOf(page).getByText(`${REP.name} (verified)`).waitFor();
    const popup = await openPopup();
    await popup.getByText(/Nothing waiting · 1 in Salesforce/).waitFor();
  });

  it('a service worker stopped mid-drain loses nothing and sends nothing twice', async () => {
    const page = await openDeal(GLOBEX.id);
    await scoreAndSave(page, 1);
    await expectEachLocalScoreInOrgOnce();
    server.slowMs = 3000;
    server.fail('slow', 1);
    const upsertsBefore = server.calls.get('PATCH upsert') ?? 0;
    await scoreAndSave(page, 3);
    await until(() => (server.calls.get('PATCH upsert') ?? 0) > upsertsBefore, 'the slow upsert to start');
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Opening the popup wakes the worker, whose start-up drain finds the interrupted send.
    await sendNowFromPopup();
    await expectEachLocalScoreInOrgOnce();
  });

  it('a connection dropped mid-call, then back: each score lands once', async () => {
    const page = await openDeal(GLOBEX.id);
    server.fail('drop-connection');
    await scoreAndSave(page, 1);
    await scoreAndSave(page, 2);
    const popup = await openPopup();
    await popup.getByText(/2 waiting/).waitFor();
    await popup
      .getByLabel('Last Salesforce error')
      .getByText(/could not be reached/)
      .waitFor();
    expect(server.upserts.created).toBe(0);
    server.clearFailures();
    await popup.getByRole('button', { name: 'Send now' }).click();
    await expectEachLocalScoreInOrgOnce();
  });

  it('offline, then online: the popup says the scores wait, and each lands once', async () => {
    const page = await openDeal(GLOBEX.id);
    await browser.context.setOffline(true);
    await scoreAndSave(page, 1);
    await scoreAndSave(page, 2);
    const popup = await openPopup();
    await popup.getByText(/2 waiting/).waitFor();
    await popup
      .getByLabel('Last Salesforce error')
      .getByText(/could not be reached/)
      .waitFor();
    expect(server.calls.get('PATCH upsert') ?? 0).toBe(0);
    await browser.context.setOffline(false);
    await sendNowFromPopup();
    await expectEachLocalScoreInOrgOnce();
    await popup.reload();
    await popup.getByText(/Nothing waiting · 2 in Salesforce/).waitFor();
  });

  it('two tabs saving at once: both scores land once', async () => {
    const [first, second] = await Promise.all([openDeal(GLOBEX.id), openDeal(INITECH.id)]);
    await scoreAndSave(first!, 1);
    await Promise.all([scoreAndSave(first!, 2), scoreAndSave(second!, 3)]);
    await expectEachLocalScoreInOrgOnce();
    expect(server.scores.size).toBe(3);
  });

  it('an expired session pauses sending until the rep logs in again', async () => {
    const page = await openDeal(GLOBEX.id);
    await scoreAndSave(page, 1);
    await expectEachLocalScoreInOrgOnce();
    // The org ends the session: the next send is refused, and the score waits.
    server.sessions = server.sessions.filter((session) => session.token !== REP.token);
    await scoreAndSave(page, 2);
    const popup = await openPopup();
    await popup.getByText(/Paused: .*session has expired/).waitFor();
    expect(server.scores.size).toBe(1);
    // The rep logs in again: a new sid cookie resumes the outbox.
    const renewed = `${TEST_ORG_ID.slice(0, 15)}!AQ4AQRenewedRepSession`;
    server.sessions.push({ ...REP, token: renewed });
    await logIn(renewed);
    await expectEachLocalScoreInOrgOnce();
    expect(server.scores.size).toBe(2);
  });
});
