import { browser } from 'wxt/browser';
import type { OptionsBackend } from '../../components/options/options-backend';
import { MessageType, STATE_REVISION_KEY } from '../../lib/messaging/protocol-names';

/** The options page's and popup's backend: messages to the background, plus permissions and change events. */
export const extensionPageBackend: OptionsBackend = {
  getSettings: () => browser.runtime.sendMessage({ type: MessageType.getSettings }),
  setRater: (rater) => browser.runtime.sendMessage({ type: MessageType.setRater, rater }),
  importDefinitions: (fileName, text) =>
    browser.runtime.sendMessage({ type: MessageType.importDefinitions, fileName, text }),
  useBuiltInDefinitions: () => browser.runtime.sendMessage({ type: MessageType.useBuiltInDefinitions }),
  setDefinitionsUrl: (url) => browser.runtime.sendMessage({ type: MessageType.setDefinitionsUrl, url }),
  syncDefinitionsNow: () => browser.runtime.sendMessage({ type: MessageType.syncDefinitionsNow }),
  setSyncInterval: (minutes) => browser.runtime.sendMessage({ type: MessageType.setSyncInterval, minutes }),
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
  setRole: (role) => browser.runtime.sendMessage({ type: MessageType.setRole, role }),
  setStaleAmountChange: (percent) =>
    browser.runtime.sendMessage({ type: MessageType.setStaleAmountChange, percent }),
  // Like requestHostAccess: called synchronously from the click, so the user gesture still holds.
  requestHostPattern: (matchPattern) => browser.permissions.request({ origins: [matchPattern] }),
  addCustomCrm: (config) => browser.runtime.sendMessage({ type: MessageType.addCustomCrm, config }),
  removeCustomCrm: (urlPattern) =>
    browser.runtime.sendMessage({ type: MessageType.removeCustomCrm, urlPattern }),
  syncCustomCrms: () => browser.runtime.sendMessage({ type: MessageType.syncCustomCrms }),
  subscribe(onChange) {
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && STATE_REVISION_KEY in changes) onChange();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};
