import type { BrowserContext } from 'playwright-core';
import { readAllScoresHere, type StoredScore } from './extension-database';

/**
 * Reads every score from the extension's IndexedDB through an extension page. Unlike the service
 * worker handle, this survives the worker being stopped and restarted.
 */
export async function readScoresViaExtensionPage(
  context: BrowserContext,
  extensionId: string,
): Promise<StoredScore[]> {
  const page = await context.newPage();
  try {
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return await page.evaluate(readAllScoresHere);
  } finally {
    await page.close();
  }
}
