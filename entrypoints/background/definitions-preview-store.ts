import { browser } from 'wxt/browser';
import { definitionsPreviewOf } from '../../lib/definitions/definitions-preview';
import type { DefinitionsView } from '../../lib/messaging/protocol';
import { DEFINITIONS_PREVIEW_KEY } from '../../lib/messaging/protocol-names';

/**
 * Writes the active definitions' criteria to storage.local when they differ from the last written
 * (once per service-worker start at most, otherwise only after definitions change).
 */
export function createDefinitionsPreviewStore(): (active: DefinitionsView) => void {
  let writtenHash: string | null = null;
  return (active) => {
    if (active.hash === writtenHash) return;
    writtenHash = active.hash;
    const preview = definitionsPreviewOf(active.hash, active.definitions.criteria);
    browser.storage.local.set({ [DEFINITIONS_PREVIEW_KEY]: preview }).catch(() => {
      writtenHash = null;
    });
  };
}
