/**
 * Makes the sidebar's screenshots for docs/screenshots (`npm run screenshots`): headless Chromium with
 * the production build (`npm run build`, what a user installs) on the CRM fixtures served at their real
 * hosts, as scripts/demo.ts opens them. Each file is listed with one line in docs/screenshots/README.md.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { DYNAMICS, HUBSPOT } from '../tests/support/browser/crm-app-records';
import { LIGHTNING_ORIGIN, routeCrmApps, routeLightning } from '../tests/support/browser/crm-fixtures';
import { launchWithExtension, PRODUCTION_EXTENSION_DIR } from '../tests/support/browser/launch-browser';
import { GLOBEX, opportunityPath } from '../tests/support/browser/lightning-app-records';
import { productionSidebarFrame } from '../tests/support/browser/production-sidebar';
import { setRaterInOptions, setSidebarPlacementInOptions } from '../tests/support/browser/sidebar-page';
import { reweightedMeddpiccText } from '../tests/support/reweighted-meddpicc';

const OUT_DIR = path.resolve(import.meta.dirname, '../docs/screenshots');
const WIDE = { width: 1400, height: 900 };
const LAPTOP = { width: 1366, height: 650 };

const CRMS = [
  { name: 'lightning', url: `${LIGHTNING_ORIGIN}${opportunityPath(GLOBEX.id)}`, deal: GLOBEX.name },
  { name: 'hubspot', url: `${HUBSPOT.origin}${HUBSPOT.deals[0]!.path}`, deal: HUBSPOT.deals[0]!.name },
  { name: 'dynamics365', url: `${DYNAMICS.origin}${DYNAMICS.deals[0]!.path}`, deal: DYNAMICS.deals[0]!.name },
] as const;

const began = performance.now();
mkdirSync(OUT_DIR, { recursive: true });
const browser = await launchWithExtension({ headless: true, extensionDir: PRODUCTION_EXTENSION_DIR });
try {
  await routeLightning(browser.context);
  await routeCrmApps(browser.context);
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await setRaterInOptions(page, browser.extensionId, 'priya@acme.example');

  for (const placement of ['beside', 'over'] as const) {
    await setSidebarPlacementInOptions(page, browser.extensionId, placement);
    for (const crm of CRMS) {
      await openDeal(page, crm.url, crm.deal);
      await shoot(page, `${crm.name}-${placement === 'beside' ? 'docked' : 'overlay'}`);
    }
  }
  await setSidebarPlacementInOptions(page, browser.extensionId, 'beside');

  const frame = await openDeal(page, CRMS[0].url, GLOBEX.name);
  await shoot(page, 'compact-1400x900');

  await page.setViewportSize(LAPTOP);
  for (const [criterion, level] of [
    ['Metrics', 3],
    ['Economic buyer', 3],
    ['Decision criteria', 2],
    ['Decision process', 2],
    ['Identify pain', 3],
    ['Champion', 3],
  ] as const) {
    await frame.getByRole('radiogroup', { name: criterion }).getByRole('radio').nth(level).check();
  }
  await frame.getByRole('button', { name: 'Save score' }).click();
  await frame.getByText(/^Saved at/).waitFor();
  await shoot(page, 'compact-1366x650');

  await page.setViewportSize(WIDE);
  await importChangedDefinitions(page);
  const changed = await openDeal(page, CRMS[0].url, GLOBEX.name);
  await changed.getByTestId('saved-versus-now').waitFor();
  await changed.getByRole('button', { name: /^Re-score with/ }).click();
  await changed.getByRole('group', { name: 'Changed criteria' }).waitFor();
  await shoot(page, 'honest-after-change');

  const narrow = await openDeal(page, CRMS[0].url, GLOBEX.name);
  await narrow.getByRole('separator', { name: 'Resize Yardstick' }).press('Home');
  await narrow.locator('[role="separator"][aria-valuenow="280"]').waitFor();
  await shoot(page, 'narrow-280');
} finally {
  await browser.close();
}

/** Opens a deal page and waits until the sidebar's frame shows the deal with its criteria enabled. */
async function openDeal(page: Page, url: string, dealName: string): Promise<Frame> {
  await page.goto(url);
  const frame = await productionSidebarFrame(page, 20_000);
  await frame.getByRole('heading', { level: 2, name: dealName }).waitFor({ timeout: 20_000 });
  await frame
    .getByRole('radiogroup')
    .first()
    .getByRole('radio')
    .first()
    .and(frame.locator(':enabled'))
    .waitFor();
  // Every fixture shows its stage: a shot taken before the reading that carries it would show "stage unknown".
  await frame.waitForFunction(() => !document.body.innerText.includes('stage unknown'), undefined, {
    timeout: 15_000,
  });
  return frame;
}

async function shoot(page: Page, name: string): Promise<void> {
  const file = path.join(OUT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  console.log(
    `screenshot: ${path.relative(process.cwd(), file)} (${((performance.now() - began) / 1000).toFixed(1)} s)`,
  );
}

/** Imports the built-in MEDDPICC's next version with two criteria reweighted, as a team's admin would. */
async function importChangedDefinitions(page: Page): Promise<void> {
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByLabel(/Import a definitions file/).setInputFiles({
    name: 'meddpicc-team.json',
    mimeType: 'application/json',
    buffer: Buffer.from(reweightedMeddpiccText()),
  });
  await page.getByText(/^Now scoring against .* 1\.2\.0\.$/).waitFor();
}
