import { browser } from 'wxt/browser';
import { dropExpiredDrafts } from './draft-handlers';
import type { LocalStore } from './handler-context';

/**
 * Closes storage.local to content scripts (drafts, custom hosts, the last known policy are the
 * background's; content scripts ask it by message, scoped to their page), and drops expired drafts
 * when the browser starts or the extension is installed or updated. Returns the store for the handlers.
 */
export function setUpStorageAccess(): LocalStore {
  // Content scripts share the CRM page's process: one the page compromised could read every deal's drafts.
  // Firefox has no storage.local.setAccessLevel (docs/firefox.md): there its content scripts keep access,
  // and calling the missing method would stop the whole background before its listeners are set up.
  const local = browser.storage.local as Partial<Pick<typeof browser.storage.local, 'setAccessLevel'>>;
  if (typeof local.setAccessLevel === 'function') {
    void local.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  }
  const store: LocalStore = browser.storage.local;
  const dropExpired = () => void dropExpiredDrafts(store, new Date()).catch(() => undefined);
  browser.runtime.onStartup.addListener(dropExpired);
  browser.runtime.onInstalled.addListener(dropExpired);
  return store;
}
