import '../../lib/zod-jitless';
import { defineBackground } from '#imports';
import { browser } from 'wxt/browser';
import { announceStateChange } from './announce-state-change';
import { createBackgroundServices } from './background-services';
import { createDefinitionsPreviewStore } from './definitions-preview-store';
import { setUpCrmHosts } from './set-up-crm-hosts';
import { setUpDefinitionsSync } from './set-up-definitions-sync';
import { setUpDockRelay } from './set-up-dock-relay';
import { setUpMessages } from './set-up-messages';
import { setUpOrgDeals } from './set-up-org-deals';
import { setUpOrgOAuth } from './org/set-up-org-oauth';
import { setUpOrgAuditPort } from './org/set-up-org-audit-port';
import { setUpOrgSync } from './org/set-up-org-sync';
import { setUpPolicyRefresh } from './set-up-policy-refresh';
import { setUpSidebarToggle } from './set-up-sidebar-toggle';
import { setUpStorageAccess } from './set-up-storage-access';
import { tabUrlAfterNavigation } from './tab-url-after-navigation';

export default defineBackground(() => {
  // Listeners are registered synchronously so a woken service worker sees the event that woke it.
  const localStore = setUpStorageAccess();
  const services = createBackgroundServices();
  const { rescheduleSync } = setUpDefinitionsSync(services, announceStateChange);
  const crmHosts = setUpCrmHosts(services, announceStateChange);
  const orgOAuth = setUpOrgOAuth(services);
  const orgSync = setUpOrgSync(services, announceStateChange, orgOAuth.grants);
  setUpMessages(services, {
    announceStateChange,
    rescheduleSync,
    scripting: browser.scripting,
    crmHosts,
    localStore,
    tabUrlAfterNavigation,
    rememberDefinitionsPreview: createDefinitionsPreviewStore(),
    orgDeals: setUpOrgDeals(services, orgOAuth.grants),
    orgSync,
    orgOAuth,
  });
  setUpOrgAuditPort(services, orgOAuth);
  setUpSidebarToggle();
  setUpDockRelay();
  setUpPolicyRefresh(services, announceStateChange);
});
