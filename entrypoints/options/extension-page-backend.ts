import { browser } from 'wxt/browser';
import type { OptionsBackend } from '../../components/options/options-backend';
import { MessageType, STATE_REVISION_KEY } from '../../lib/messaging/protocol-names';
import { sendRequest } from '../shared/send-request';

/** The options page's and popup's backend: messages to the background, plus permissions and change events. */
export const extensionPageBackend: OptionsBackend = {
  getSettings: () => sendRequest({ type: MessageType.getSettings }),
  getOrgSyncStatus: () => sendRequest({ type: MessageType.getOrgSyncStatus }),
  setOrgSync: (enabled) => sendRequest({ type: MessageType.setOrgSync, enabled }),
  sendOrgScoresNow: () => sendRequest({ type: MessageType.sendOrgScoresNow }),
  connectOrg: (apiOrigin) => sendRequest({ type: MessageType.connectOrgFromPage, apiOrigin }),
  setRater: (rater) => sendRequest({ type: MessageType.setRater, rater }),
  importDefinitions: (fileName, text) => sendRequest({ type: MessageType.importDefinitions, fileName, text }),
  useBuiltInDefinitions: () => sendRequest({ type: MessageType.useBuiltInDefinitions }),
  setDefinitionsUrl: (url) => sendRequest({ type: MessageType.setDefinitionsUrl, url }),
  syncDefinitionsNow: () => sendRequest({ type: MessageType.syncDefinitionsNow }),
  setSyncInterval: (minutes) => sendRequest({ type: MessageType.setSyncInterval, minutes }),
  async requestHostAccess(url) {
    let origin: string;
    try {
      origin = new URL(url).origin;
    } catch {
      return false;
    }
    // No await before request(): it must run inside the click's user gesture. An origin already
    // granted resolves true without a prompt.
    return browser.permissions.request({ origins: [`${origin}/*`] });
  },
  setRole: (role) => sendRequest({ type: MessageType.setRole, role }),
  setStaleAmountChange: (percent) => sendRequest({ type: MessageType.setStaleAmountChange, percent }),
  setSidebarPlacement: (placement) => sendRequest({ type: MessageType.setSidebarPlacement, placement }),
  // Like requestHostAccess: called synchronously from the click, so the user gesture still holds.
  requestHostPattern: (matchPattern) => browser.permissions.request({ origins: [matchPattern] }),
  addCustomCrm: (config) => sendRequest({ type: MessageType.addCustomCrm, config }),
  removeCustomCrm: (urlPattern) => sendRequest({ type: MessageType.removeCustomCrm, urlPattern }),
  syncCustomCrms: () => sendRequest({ type: MessageType.syncCustomCrms }),
  backupRestored: () => sendRequest({ type: MessageType.backupRestored }),
  listDealsToRescore: () => sendRequest({ type: MessageType.listDealsToRescore }),
  subscribe(onChange) {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && STATE_REVISION_KEY in changes) onChange();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
