/**
 * Opens the demo: Chromium with the production build (`npm run build`, exactly what a user installs)
 * on a Lightning-like opportunity page served at a real Salesforce URL through routing. Headed when a
 * display exists; otherwise it takes a screenshot and says how to see it live (xvfb-run). Exits
 * non-zero when the sidebar never shows the deal, so `.ci/fresh-clone-demo` can check it.
 */
import path from 'node:path';
import { launchWithExtension, PRODUCTION_EXTENSION_DIR } from '../tests/support/browser/launch-browser';
import { LIGHTNING_ORIGIN, routeLightning } from '../tests/support/browser/crm-fixtures';
import { productionSidebarOf } from '../tests/support/browser/production-sidebar';
import { DEMO_OPPORTUNITY_PATH, GLOBEX } from '../tests/support/browser/lightning-app-records';

const headed = Boolean(process.env.DISPLAY) && process.env.YARDSTICK_DEMO_HEADLESS !== '1';
const url = `${LIGHTNING_ORIGIN}${DEMO_OPPORTUNITY_PATH}`;

const browser = await launchWithExtension({ headless: !headed, extensionDir: PRODUCTION_EXTENSION_DIR });
await routeLightning(browser.context);
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(url);
// The production sidebar is our extension page, framed in the CRM page behind a closed shadow root.
try {
  const sidebar = await productionSidebarOf(page, 20_000);
  await sidebar.getByRole('heading', { level: 2, name: GLOBEX.name }).waitFor({ timeout: 20_000 });
} catch (error) {
  await browser.close();
  throw error;
}

if (headed) {
  console.log(`Yardstick demo is open at ${url}`);
  console.log('Score the deal in the sidebar; close the browser window (or press Ctrl+C) to end the demo.');
  await new Promise<void>((resolve) => {
    browser.context.on('close', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await browser.close().catch(() => undefined);
} else {
  const screenshot = path.resolve('demo-screenshot.png');
  await page.screenshot({ path: screenshot });
  await browser.close();
  console.log(`No display found, so the demo ran headless and saved a screenshot: ${screenshot}`);
  console.log('To use it live on a machine without a display: xvfb-run -a npm run demo');
}
