import type { Page, Worker } from 'playwright-core';
import { NOT_A_DEAL_TYPE } from '../../../entrypoints/crm-loaders/page-loader-env';

/** A loader's "not a deal", as the e2e builds send it: the page's URL and its document's time origin. */
interface NotADeal {
  url: string;
  timeOrigin: number;
}

interface VerdictScope {
  notADeal?: NotADeal[];
  chrome: { runtime: { onMessage: { addListener(listener: (message: unknown) => void): void } } };
}

/** Starts recording, in the service worker, each page a loader found is not a deal. Call once per launch. */
export async function recordLoaderVerdicts(serviceWorker: Worker): Promise<void> {
  await serviceWorker.evaluate((type) => {
    const scope = globalThis as unknown as VerdictScope;
    if (scope.notADeal) return;
    const seen: NotADeal[] = (scope.notADeal = []);
    scope.chrome.runtime.onMessage.addListener((message) => {
      const verdict = message as { type?: unknown } & NotADeal;
      if (verdict.type === type) seen.push({ url: verdict.url, timeOrigin: verdict.timeOrigin });
    });
  }, NOT_A_DEAL_TYPE);
}

/** Waits until the loader on `page` found that the document it shows now, at its URL now, is not a deal. */
export async function waitForNotADeal(serviceWorker: Worker, page: Page): Promise<void> {
  const shown = { url: page.url(), timeOrigin: await page.evaluate(() => performance.timeOrigin) };
  for (let attempt = 0; attempt < 200; attempt++) {
    const seen = await serviceWorker.evaluate(() => (globalThis as unknown as VerdictScope).notADeal ?? []);
    if (seen.some((v) => v.url === shown.url && v.timeOrigin === shown.timeOrigin)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`the loader never said ${shown.url} is not a deal`);
}
