import type { Page } from 'playwright-core';
import { productionSidebarFrame as sidebarFrame } from '../support/browser/production-sidebar';
import { LIGHTNING_ORIGIN, routeLightning } from '../support/browser/crm-fixtures';
import { readStoredScores } from './support/extension-database';
import {
  PRODUCTION_EXTENSION_DIR,
  launchWithExtension,
  type ExtensionBrowser,
} from '../support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../support/browser/lightning-app-records';
import { openEvidenceNote, setRaterInOptions } from '../support/browser/sidebar-page';

const EVIDENCE = 'CFO said the 14% churn target is the board goal';

/** What the hostile page keeps of its attacks (window.__attack). */
interface AttackLog {
  internals: { shadowRoot: ShadowRoot | null }[];
  capturedRoots: ShadowRoot[];
  typed: string[];
  messages: string[];
}

let browser: ExtensionBrowser;

beforeEach(async () => {
  // The production build itself: its dock's shadow root is closed.
  browser = await launchWithExtension({ extensionDir: PRODUCTION_EXTENSION_DIR });
  await routeLightning(browser.context);
});

afterEach(async () => {
  await browser.close();
});

/** Runs before any script of the page: the three attacks of issue #19, and a log of what they get. */
async function installAttacks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const log: AttackLog = { internals: [], capturedRoots: [], typed: [], messages: [] };
    (window as unknown as { __attack: AttackLog }).__attack = log;
    // 1. Taking the closed root: a custom element class under the old host's name, and attachShadow patched.
    customElements.define(
      'yardstick-sidebar',
      class extends HTMLElement {
        constructor() {
          super();
          log.internals.push(this.attachInternals());
        }
      },
    );
    const attachShadow = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
      const root = attachShadow.call(this, init);
      log.capturedRoots.push(root);
      return root;
    };
    // 2. Reading the keystrokes: capture-phase listeners on the document and the window.
    for (const target of [document, window]) {
      for (const type of ['beforeinput', 'input', 'keydown', 'keypress', 'keyup', 'compositionend']) {
        target.addEventListener(
          type,
          (event) => {
            const data = (event as InputEvent).data ?? (event as KeyboardEvent).key ?? '';
            log.typed.push(data);
          },
          { capture: true },
        );
      }
    }
    // 3. The kill switch's first half: what the extension announces to the page.
    window.addEventListener('message', (event) => log.messages.push(JSON.stringify(event.data)), true);
  });
}

describe('A CRM page’s own scripts against the production sidebar', () => {
  it('cannot take the UI’s DOM, read what the rep types, drive a save, or remove the sidebar for good', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await setRaterInOptions(page, browser.extensionId, 'priya@acme.example');
    await installAttacks(page);
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);

    const frame = await sidebarFrame(page);
    const sidebar = frame.getByRole('complementary', { name: 'Yardstick' });
    await sidebar.getByRole('heading', { level: 2, name: GLOBEX.name }).waitFor();
    await sidebar.getByRole('radiogroup', { name: 'Metrics' }).getByRole('radio').nth(2).check();
    // Typed key by key, as a rep types: every keystroke goes to the frame's document.
    await (await openEvidenceNote(sidebar, 'Metrics')).pressSequentially(EVIDENCE);
    await sidebar.getByRole('button', { name: 'Save score' }).click();
    await sidebar.getByText(/^Saved at/).waitFor();
    // An unsaved change that a forged Ctrl+Enter or click would save.
    await sidebar.getByRole('radiogroup', { name: 'Metrics' }).getByRole('radio').nth(3).check();
    await sidebar.getByText(/Unsaved changes/).waitFor();

    const seen = await page.evaluate(
      ({ evidence, extensionId }) => {
        const log = (window as unknown as { __attack: AttackLog }).__attack;
        // What the page's listeners caught while the rep typed, before the page forges keys of its own.
        const typedSeen = log.typed.join('');
        const host = document.querySelector('[data-yardstick-dock]');
        // Every iframe the page can find, in its document and in every shadow root it captured.
        const frames = [document, ...log.capturedRoots].flatMap((root) => [
          ...root.querySelectorAll('iframe'),
        ]);
        const readableFrames = frames.filter((each) => {
          try {
            return each.contentDocument !== null;
          } catch {
            return false;
          }
        });
        // Forged input: a click at the Save button's place, Ctrl+Enter everywhere, messages to every frame.
        const atSaveButton = document.elementFromPoint(window.innerWidth - 60, window.innerHeight - 24);
        (atSaveButton as HTMLElement | null)?.click();
        for (const target of [host, document.body, document, window]) {
          target?.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
          );
        }
        for (let i = 0; i < window.frames.length; i++) {
          window.frames[i]!.postMessage({ type: 'dock→frame:page', state: { status: 'not-a-deal' } }, '*');
        }
        // 3. The kill switch: WXT's start event, replayed for every name a Yardstick script could have.
        for (const script of ['sidebar', 'sidebar-dock', 'content']) {
          const type = `${extensionId}:${script}:wxt:content-script-started`;
          document.dispatchEvent(
            new CustomEvent(type, { detail: { contentScriptName: script, messageId: 'x' } }),
          );
          window.postMessage(
            { type: 'wxt:content-script-started', contentScriptName: script, messageId: 'x' },
            '*',
          );
        }
        return {
          internalsRoots: log.internals.map((internals) => internals.shadowRoot !== null),
          hostShadowRoot: host?.shadowRoot ?? null,
          capturedOurRoot: log.capturedRoots.some((root) => root.host === host),
          readableFrames: readableFrames.length,
          elementAtSaveButton: atSaveButton === host,
          typedSeen,
          extensionAnnounced: log.messages.some((m) => m.includes(extensionId) || m.includes('wxt:')),
          evidenceInPage: document.documentElement.outerHTML.includes(evidence),
        };
      },
      { evidence: EVIDENCE, extensionId: browser.extensionId },
    );

    expect(seen).toEqual({
      internalsRoots: [],
      hostShadowRoot: null,
      capturedOurRoot: false,
      readableFrames: 0,
      elementAtSaveButton: true,
      typedSeen: '',
      extensionAnnounced: false,
      evidenceInPage: false,
    });
    // Nothing forged was saved, and the sidebar still shows the deal with the rep's unsaved change.
    await sidebar.getByText(/Unsaved changes/).waitFor();
    await sidebar.getByRole('heading', { level: 2, name: GLOBEX.name }).waitFor();
    const stored = await readStoredScores(browser.serviceWorker);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers.find((a) => a.criterionId === 'metrics')).toMatchObject({ evidence: EVIDENCE });
    expect(await page.evaluate(async () => (await indexedDB.databases()).length)).toBe(0);

    // Removing the dock does not remove the sidebar for good: it comes back with the deal.
    await page.evaluate(() => document.querySelector('[data-yardstick-dock]')?.remove());
    await expect.poll(() => page.locator('[data-yardstick-dock]').count()).toBe(1);
    const again = await sidebarFrame(page);
    await again
      .getByRole('complementary', { name: 'Yardstick' })
      .getByRole('heading', { level: 2, name: GLOBEX.name })
      .waitFor();
  });
});
