import { LIGHTNING_ORIGIN, routeLightning } from '../support/browser/crm-fixtures';
import { ClosedShadowSidebar, withAttribute, withText } from '../support/browser/closed-shadow-sidebar';
import { readStoredScores } from './support/extension-database';
import {
  PRODUCTION_EXTENSION_DIR,
  launchWithExtension,
  type ExtensionBrowser,
} from '../support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../support/browser/lightning-app-records';
import { setRaterInOptions } from '../support/browser/sidebar-page';

const EVIDENCE = 'CFO said the 14% churn target is the board goal';

let browser: ExtensionBrowser;

beforeEach(async () => {
  // The production build itself: its sidebar sits in a closed shadow root.
  browser = await launchWithExtension({ extensionDir: PRODUCTION_EXTENSION_DIR });
  await routeLightning(browser.context);
});

afterEach(async () => {
  await browser.close();
});

describe('A CRM page’s own scripts against the production sidebar', () => {
  it('cannot read the sidebar, forge a save through it, or find scores in the page origin', async () => {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await setRaterInOptions(page, browser.extensionId, 'priya@acme.example');
    // A hostile page patches attachShadow before anything else runs, to capture closed roots.
    await page.addInitScript(() => {
      const captured: ShadowRoot[] = [];
      const attachShadow = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
        const root = attachShadow.call(this, init);
        captured.push(root);
        return root;
      };
      (window as unknown as { capturedRoots: ShadowRoot[] }).capturedRoots = captured;
    });
    await page.goto(`${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`);

    const sidebar = await ClosedShadowSidebar.attach(page);
    await sidebar.waitForText(new RegExp(GLOBEX.name));
    await sidebar.click(withText('SPAN', 'Quantified'));
    await sidebar.click(withText('BUTTON', '✎ Evidence for Metrics'));
    await sidebar.waitForNode(withAttribute('TEXTAREA', 'aria-label', 'Evidence for Metrics'));
    await sidebar.type(withAttribute('TEXTAREA', 'aria-label', 'Evidence for Metrics'), EVIDENCE);
    await sidebar.click(withText('BUTTON', 'Save score'));
    await sidebar.waitForText(/Saved at/);
    // An unsaved change that a forged Ctrl+Enter or click would save.
    await sidebar.click(withText('SPAN', 'Met'));
    await sidebar.waitForText(/Unsaved changes/);

    const seen = await page.evaluate((evidence) => {
      const host = document.querySelector('yardstick-sidebar')!;
      const captured = (window as unknown as { capturedRoots: ShadowRoot[] }).capturedRoots;
      const forged = { type: 'sidebar→background:saveScore', saveId: crypto.randomUUID(), answers: [] };
      window.postMessage(forged, '*');
      for (const target of [host, document.body, window]) {
        target.dispatchEvent(
          new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, composed: true }),
        );
      }
      // The sidebar is fixed to the viewport's right edge, its Save button at the bottom right.
      const atSaveButton = document.elementFromPoint(window.innerWidth - 40, window.innerHeight - 20);
      (atSaveButton as HTMLElement | null)?.click();
      let reattach = 'allowed';
      try {
        host.attachShadow({ mode: 'open' });
      } catch (error) {
        reattach = (error as DOMException).name;
      }
      return {
        shadowRoot: host.shadowRoot,
        capturedOurRoot: captured.some((root) => root.host === host),
        elementAtSaveButton: atSaveButton?.localName ?? null,
        reattach,
        evidenceInPageHtml: document.documentElement.outerHTML.includes(evidence),
        evidenceInPageText: document.body.innerText.includes(evidence),
        evidenceInSerializedHtml: document.body
          .getHTML({ serializableShadowRoots: true, shadowRoots: captured })
          .includes(evidence),
      };
    }, EVIDENCE);
    const pageDatabases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    await page.waitForTimeout(500);

    expect(seen).toEqual({
      shadowRoot: null,
      capturedOurRoot: false,
      elementAtSaveButton: 'yardstick-sidebar',
      reattach: 'NotSupportedError',
      evidenceInPageHtml: false,
      evidenceInPageText: false,
      evidenceInSerializedHtml: false,
    });
    expect(pageDatabases).toEqual([]);
    await sidebar.waitForText(/Unsaved changes/);
    const stored = await readStoredScores(browser.serviceWorker);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers.find((a) => a.criterionId === 'metrics')).toMatchObject({
      evidence: EVIDENCE,
    });
  });
});
