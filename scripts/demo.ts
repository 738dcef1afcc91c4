/**
 * Opens the demo: Chromium with the built extension on a Lightning-like opportunity page served at
 * a real Salesforce URL through routing. Headed when a display exists; otherwise it takes a
 * screenshot and says how to see it live (xvfb-run).
 */
import path from 'node:path';
import { launchWithExtension } from '../tests/e2e/support/launch-browser';
import { LIGHTNING_ORIGIN, routeLightning } from '../tests/e2e/support/crm-fixtures';
import { DEMO_OPPORTUNITY_PATH } from '../tests/e2e/support/lightning-app-records';

const headed = Boolean(process.env.DISPLAY) && process.env.YARDSTICK_DEMO_HEADLESS !== '1';
const url = `${LIGHTNING_ORIGIN}${DEMO_OPPORTUNITY_PATH}`;

const browser = await launchWithExtension({ headless: !headed });
await routeLightning(browser.context);
const page = browser.context.pages()[0] ?? (await browser.context.newPage());
await page.goto(url);
await page.getByRole('complementary', { name: 'Yardstick' }).waitFor({ timeout: 20_000 });

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
