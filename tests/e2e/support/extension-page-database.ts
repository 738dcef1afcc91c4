import type { BrowserContext } from 'playwright-core';
import type { StoredScore } from './extension-database';

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
    return await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('yardstick');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        return await new Promise<StoredScore[]>((resolve, reject) => {
          const request = db.transaction('scores').objectStore('scores').getAll();
          request.onsuccess = () => resolve(request.result as StoredScore[]);
          request.onerror = () => reject(request.error);
        });
      } finally {
        db.close();
      }
    });
  } finally {
    await page.close();
  }
}
