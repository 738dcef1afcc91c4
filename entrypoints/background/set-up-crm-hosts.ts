import { browser } from 'wxt/browser';
import { CUSTOM_CRM_ADAPTERS_KEY } from '../../lib/crm/custom-crm-adapters-key';
import type { BackgroundServices } from './background-services';
import { createCrmHostSync, type CrmHostSync } from './crm-host-sync';

/**
 * Runs the loader on custom CRM hosts: re-syncs its runtime registrations at start-up, on install or
 * update, and whenever policy or the granted permissions change. Returns the sync for the handlers.
 */
export function setUpCrmHosts(
  services: BackgroundServices,
  announceStateChange: () => Promise<void>,
): CrmHostSync {
  const crmHosts = createCrmHostSync(services, {
    scripting: browser.scripting,
    permissions: browser.permissions,
    storeAdapterConfigs: (configs) => browser.storage.local.set({ [CUSTOM_CRM_ADAPTERS_KEY]: configs }),
  });
  const syncAndAnnounce = () =>
    void crmHosts
      .sync()
      .then(announceStateChange)
      .catch(() => undefined);
  browser.runtime.onStartup.addListener(syncAndAnnounce);
  browser.runtime.onInstalled.addListener(syncAndAnnounce);
  // A rep can grant or revoke a host elsewhere too (chrome://extensions, the toolbar's site access).
  browser.permissions.onAdded.addListener(syncAndAnnounce);
  browser.permissions.onRemoved.addListener(syncAndAnnounce);
  browser.storage.managed?.onChanged?.addListener(syncAndAnnounce);
  return crmHosts;
}
