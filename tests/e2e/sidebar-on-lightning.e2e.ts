import type { Page } from 'playwright-core';
import { LIGHTNING_ORIGIN, routeLightning } from '../support/browser/crm-fixtures';
import { readStoredScores } from './support/extension-database';
import { launchWithExtension, type ExtensionBrowser } from '../support/browser/launch-browser';
import { recordLoaderVerdicts, waitForNotADeal } from './support/loader-verdicts';
import {
  GLOBEX,
  INITECH,
  MISSING_RECORD_ID,
  UMBRELLA,
  opportunityPath,
} from '../support/browser/lightning-app-records';
import { launcherOf, openEvidenceNote, sidebarHostOf, sidebarOf } from '../support/browser/sidebar-page';

/** The part of `chrome` the forged-request test uses (the e2e tests have no extension types). */
interface ExtensionApis {
  tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
  scripting: {
    executeScript<Args extends unknown[], Result>(injection: {
      target: { tabId: number };
      world: 'ISOLATED';
      args: Args;
      func: (...args: Args) => Promise<Result>;
    }): Promise<{ result: Result }[]>;
  };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(keys: null): Promise<Record<string, unknown>> } };
}

let browser: ExtensionBrowser;
let page: Page;

const sidebar = () => sidebarOf(page);
const dealHeading = () => sidebar().getByRole('heading', { level: 2 });

async function openOpportunity(id: string, query = ''): Promise<void> {
  await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(id)}${query}`);
  await sidebar().waitFor();
}

async function setRaterInSidebar(name: string): Promise<void> {
  await sidebar()
    .getByLabel(/Your name or email/)
    .fill(name);
  await sidebar().getByRole('button', { name: 'Save name' }).click();
  await sidebar().getByRole('button', { name: 'Save score' }).and(page.locator(':enabled')).waitFor();
}

beforeEach(async () => {
  browser = await launchWithExtension();
  await recordLoaderVerdicts(browser.serviceWorker);
  await routeLightning(browser.context, {
    '/lightning/r/Opportunity/0065e00000GlBxAAAV/view':
      'salesforce-lightning/opportunity-with-cached-hidden-record.html',
  });
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterEach(async () => {
  await browser.close();
});

describe('Yardstick on Salesforce Lightning', () => {
  it('appears on an opportunity record and not on a non-deal Lightning page', async () => {
    await openOpportunity(GLOBEX.id);
    await expectText(dealHeading(), GLOBEX.name);
    expect(await sidebarHostOf(page).count()).toBe(1);

    await page.goto(`${LIGHTNING_ORIGIN}/lightning/o/Opportunity/list?filterName=Recent`);
    await page.getByRole('link', { name: INITECH.name }).first().waitFor();
    await waitForNotADeal(browser.serviceWorker, page);
    expect(await sidebarHostOf(page).count()).toBe(0);
  });

  it('reads the active record, not the hidden cached one before it in the DOM', async () => {
    await page.goto(`${LIGHTNING_ORIGIN}/lightning/r/Opportunity/0065e00000GlBxAAAV/view`);
    const expectedName = await page.evaluate(
      () =>
        document
          .querySelector('.windowViewMode-normal.active lightning-formatted-text')
          ?.textContent?.trim() ?? '',
    );
    expect(expectedName).not.toBe('');
    await expectText(dealHeading(), expectedName);
  });

  it('scores several criteria, saves, and after a reload shows the saved levels and the history entry', async () => {
    await openOpportunity(GLOBEX.id);
    await setRaterInSidebar('priya@acme.example');
    await sidebar().getByRole('radiogroup', { name: 'Economic buyer' }).getByRole('radio').nth(2).check();
    await sidebar()
      .getByRole('radiogroup', { name: 'Champion' })
      .getByRole('radio', { name: 'Unknown' })
      .check();
    await sidebar().getByRole('radiogroup', { name: 'Metrics' }).getByRole('radio').nth(3).check();
    await (await openEvidenceNote(sidebar(), 'Metrics')).fill('CFO signed the business case on 3 Nov');
    const total = await sidebar().getByTestId('score-total').textContent();
    await page.keyboard.press('Control+Enter');
    await sidebar()
      .getByText(/^Saved at/)
      .waitFor();

    await page.reload();
    await sidebar().waitFor();
    await expectText(dealHeading(), GLOBEX.name);
    const economicBuyer = sidebar().getByRole('radiogroup', { name: 'Economic buyer' });
    await expectChecked(economicBuyer.getByRole('radio').nth(2));
    await expectChecked(
      sidebar().getByRole('radiogroup', { name: 'Champion' }).getByRole('radio', { name: 'Unknown' }),
    );
    await expectChecked(sidebar().getByRole('radiogroup', { name: 'Metrics' }).getByRole('radio').nth(3));
    expect(await (await openEvidenceNote(sidebar(), 'Metrics')).inputValue()).toBe(
      'CFO signed the business case on 3 Nov',
    );
    const history = sidebar().getByRole('list', { name: 'Saved scores' }).getByRole('listitem');
    expect(await history.count()).toBe(1);
    expect(await history.first().textContent()).toContain(total);
    expect(await history.first().textContent()).toContain('meddpicc 1.1.1');
  });

  it('switches to the next opportunity after single-page navigation', async () => {
    await openOpportunity(GLOBEX.id);
    await expectText(dealHeading(), GLOBEX.name);
    await page.evaluate(
      (path) =>
        (
          window as unknown as { yardstickLightningApp: { navigate(p: string): void } }
        ).yardstickLightningApp.navigate(path),
      opportunityPath(INITECH.id),
    );
    await expectText(dealHeading(), INITECH.name);
    await sidebar().getByText(INITECH.stage, { exact: true }).waitFor();

    await page.goBack();
    await expectText(dealHeading(), GLOBEX.name);
    await page.evaluate(
      (path) =>
        (
          window as unknown as { yardstickLightningApp: { navigate(p: string): void } }
        ).yardstickLightningApp.navigate(path),
      '/lightning/page/home',
    );
    await sidebar().waitFor({ state: 'detached' });
    await page.evaluate(
      (path) =>
        (
          window as unknown as { yardstickLightningApp: { navigate(p: string): void } }
        ).yardstickLightningApp.navigate(path),
      opportunityPath(UMBRELLA.id),
    );
    await expectText(dealHeading(), UMBRELLA.name);
  });

  it('follows the next opportunity after the service worker stops and takes the frame’s relay with it', async () => {
    await openOpportunity(GLOBEX.id);
    await expectText(dealHeading(), GLOBEX.name);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    await page.evaluate(
      (path) =>
        (
          window as unknown as { yardstickLightningApp: { navigate(p: string): void } }
        ).yardstickLightningApp.navigate(path),
      opportunityPath(INITECH.id),
    );
    // The frame opens a new relay first, which starts the worker again: more than a message's wait.
    await dealHeading().filter({ hasText: INITECH.name }).waitFor({ timeout: 15_000 });
    await sidebar().getByText(INITECH.stage, { exact: true }).waitFor();
  });

  it('stores the score in the extension origin and nothing in the CRM page origin', async () => {
    await openOpportunity(GLOBEX.id);
    await setRaterInSidebar('priya@acme.example');
    await sidebar().getByRole('radiogroup', { name: 'Paper process' }).getByRole('radio').nth(1).check();
    await sidebar().getByRole('button', { name: 'Save score' }).click();
    await sidebar()
      .getByText(/^Saved at/)
      .waitFor();

    const stored = await readStoredScores(browser.serviceWorker);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      dealKey: `salesforce-lightning:yardstick-demo:${GLOBEX.id}`,
      rater: 'priya@acme.example',
      definitions: { id: 'meddpicc', version: '1.1.1' },
      deal: { name: { text: GLOBEX.name } },
    });
    expect(stored[0]!.definitions.hash).toMatch(/^[0-9a-f]{64}$/);
    const pageDatabases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(pageDatabases).toEqual([]);
  });

  it('ignores score messages a page script sends', async () => {
    await openOpportunity(GLOBEX.id);
    await setRaterInSidebar('priya@acme.example');
    const attempts = await page.evaluate((extensionId) => {
      const forged = { type: 'sidebar→background:saveScore', saveId: crypto.randomUUID(), answers: [] };
      window.postMessage(forged, '*');
      window.dispatchEvent(new CustomEvent('yardstick:save', { detail: forged }));
      const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome
        ?.runtime;
      let directSend = 'chrome.runtime.sendMessage is not available to the page';
      if (typeof runtime?.sendMessage === 'function') {
        try {
          (runtime.sendMessage as (id: string, m: unknown) => void)(extensionId, forged);
          directSend = 'sent';
        } catch (error) {
          directSend = `threw: ${(error as Error).message}`;
        }
      }
      return directSend;
    }, browser.extensionId);
    expect(attempts).not.toBe('sent');
    await page.waitForTimeout(500);
    expect(await readStoredScores(browser.serviceWorker)).toEqual([]);
  });

  it('refuses a content script another deal’s data, a second rater, and storage.local', async () => {
    await openOpportunity(GLOBEX.id);
    await setRaterInSidebar('priya@acme.example');
    // A script in the extension's isolated world of this tab: what a compromised content script can send.
    const answers = await browser.serviceWorker.evaluate(
      async ({ origin, globexKey, initechKey }) => {
        const { chrome } = globalThis as unknown as { chrome: ExtensionApis };
        const [tab] = await chrome.tabs.query({ url: `${origin}/*` });
        const [injection] = await chrome.scripting.executeScript({
          target: { tabId: tab!.id! },
          world: 'ISOLATED',
          args: [globexKey, initechKey],
          func: async (ownKey: string, otherKey: string) => {
            const { chrome } = globalThis as unknown as { chrome: ExtensionApis };
            const send = (message: unknown) => chrome.runtime.sendMessage(message);
            const storage = await chrome.storage.local.get(null).then(
              (items) => `read ${Object.keys(items).length} keys`,
              (error: Error) => `refused: ${error.message}`,
            );
            return {
              otherState: await send({ type: 'sidebar→background:getDealState', dealKey: otherKey }),
              otherHistory: await send({ type: 'sidebar→background:getDealHistory', dealKey: otherKey }),
              otherDraft: await send({ type: 'sidebar→background:loadDraft', dealKey: otherKey }),
              ownState: await send({ type: 'sidebar→background:getDealState', dealKey: ownKey }),
              rater: await send({ type: 'ui→background:setRater', rater: 'mallory' }),
              storage,
            };
          },
        });
        return injection!.result as unknown as Record<
          string,
          { ok: boolean; error?: { code: string } } | string
        >;
      },
      {
        origin: LIGHTNING_ORIGIN,
        globexKey: `salesforce-lightning:yardstick-demo:${GLOBEX.id}`,
        initechKey: `salesforce-lightning:yardstick-demo:${INITECH.id}`,
      },
    );
    const notThisDeal = { ok: false, error: { code: 'not-this-deal' } };
    expect(answers.otherState).toMatchObject(notThisDeal);
    expect(answers.otherHistory).toMatchObject(notThisDeal);
    expect(answers.otherDraft).toMatchObject(notThisDeal);
    expect(answers.ownState).toMatchObject({ ok: true, value: { rater: 'priya@acme.example' } });
    expect(answers.rater).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(answers.storage).toMatch(/^refused: /);
  });

  it('says so when the record header never renders, and still keys the deal from the URL', async () => {
    await openOpportunity(MISSING_RECORD_ID);
    await sidebar()
      .getByText(/Salesforce did not render this record’s header within 10 s/)
      .waitFor({ timeout: 15_000 });
    await expectText(dealHeading(), `Opportunity ${MISSING_RECORD_ID} (name unknown)`);
  });

  it('explains an opportunity URL whose record id cannot be parsed', async () => {
    await page.goto(`${LIGHTNING_ORIGIN}/lightning/r/Opportunity/not-a-record-id/view`);
    await sidebar()
      .getByRole('alert')
      .getByText(/not a Salesforce opportunity id/)
      .waitFor();
    expect(await sidebar().getByRole('button', { name: 'Save score' }).isDisabled()).toBe(true);
  });

  it('keeps saved scores across a browser restart', async () => {
    await openOpportunity(UMBRELLA.id);
    await setRaterInSidebar('dana@acme.example');
    await sidebar().getByRole('radiogroup', { name: 'Competition' }).getByRole('radio').nth(1).check();
    await sidebar().getByRole('button', { name: 'Save score' }).click();
    await sidebar()
      .getByText(/^Saved at/)
      .waitFor();
    await browser.close({ keepProfile: true });

    browser = await launchWithExtension({ profileDir: browser.profileDir });
    await routeLightning(browser.context);
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await openOpportunity(UMBRELLA.id);
    await sidebar().getByRole('list', { name: 'Saved scores' }).waitFor();
    expect(await sidebar().getByRole('list', { name: 'Saved scores' }).getByRole('listitem').count()).toBe(1);
    await expectChecked(sidebar().getByRole('radiogroup', { name: 'Competition' }).getByRole('radio').nth(1));
  });

  it('collapses to a launcher that keeps its state across reloads', async () => {
    await openOpportunity(GLOBEX.id);
    await sidebar().getByRole('button', { name: 'Collapse Yardstick' }).click();
    await launcherOf(page).waitFor();
    await page.reload();
    await launcherOf(page).click();
    await sidebar().waitFor();
  });
});

async function expectText(locator: ReturnType<Page['locator']>, expected: string): Promise<void> {
  await locator
    .filter({ hasText: expected })
    .waitFor({ timeout: 5_000 })
    .catch(() => undefined);
  expect((await locator.textContent())?.trim()).toBe(expected);
}

async function expectChecked(locator: ReturnType<Page['locator']>): Promise<void> {
  expect(await locator.isChecked()).toBe(true);
}
