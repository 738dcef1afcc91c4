import type { Worker } from 'playwright-core';

/** A score row as the e2e tests inspect it. */
export interface StoredScore {
  id: string;
  dealKey: string;
  rater: string;
  role?: 'rep' | 'manager';
  total: number;
  answers: { criterionId: string; level: number | null; evidence: string }[];
  definitions: { id: string; version: string; hash: string };
  deal: { name: { text: string | null }; segments?: Record<string, { text: string | null }> };
}

/**
 * Reads every score from IndexedDB of the origin it runs in. Passed to `evaluate` of the service
 * worker or of an extension page, so it stays self-contained.
 */
export const readAllScoresHere = async (): Promise<StoredScore[]> => {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('yardstick');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  try {
    if (!db.objectStoreNames.contains('scores')) return [];
    return await new Promise<StoredScore[]>((resolve, reject) => {
      const request = db.transaction('scores').objectStore('scores').getAll();
      request.onsuccess = () => resolve(request.result as StoredScore[]);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
};

/** Reads every score from the extension origin's IndexedDB, through its service worker. */
export async function readStoredScores(serviceWorker: Worker): Promise<StoredScore[]> {
  return serviceWorker.evaluate(readAllScoresHere);
}
