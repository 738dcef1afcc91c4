/** The loaders' one message, apart from the others so that a loader carries no other message name. */
export const INJECT_SIDEBAR_TYPE = 'loader→background:injectSidebar';

/** The custom hosts' loader's question for its host's deal URL patterns, named apart for the same reason. */
export const CUSTOM_DEAL_URLS_TYPE = 'loader→background:getCustomDealUrls';

/**
 * The one message protocol between Yardstick's scripts. A message's `type` names its direction:
 * `<sender>→<receiver>:<action>`; `page` is an extension page (options, popup), `ui` any of ours. The background validates every request with `RequestSchema` in protocol.ts;
 * the names live apart so the few-KB loader can use them without pulling in Zod.
 */
export const MessageType = {
  injectSidebar: INJECT_SIDEBAR_TYPE,
  getReadingContext: 'sidebar→background:getReadingContext',
  getDealState: 'sidebar→background:getDealState',
  getOrgDeal: 'sidebar→background:getOrgDeal',
  getDealHistory: 'sidebar→background:getDealHistory',
  countDealHistory: 'sidebar→background:countDealHistory',
  saveScore: 'sidebar→background:saveScore',
  saveCalibrationScore: 'page→background:saveCalibrationScore',
  setRater: 'ui→background:setRater',
  getSettings: 'page→background:getSettings',
  importDefinitions: 'page→background:importDefinitions',
  useBuiltInDefinitions: 'page→background:useBuiltInDefinitions',
  setDefinitionsUrl: 'page→background:setDefinitionsUrl',
  syncDefinitionsNow: 'page→background:syncDefinitionsNow',
  setSyncInterval: 'page→background:setSyncInterval',
  setRole: 'page→background:setRole',
  setStaleAmountChange: 'page→background:setStaleAmountChange',
  setSidebarPlacement: 'page→background:setSidebarPlacement',
  addCustomCrm: 'page→background:addCustomCrm',
  removeCustomCrm: 'page→background:removeCustomCrm',
  syncCustomCrms: 'page→background:syncCustomCrms',
  backupRestored: 'page→background:backupRestored',
  // Org sync (write-back to the Salesforce org): status, the rep's switch, send now.
  getOrgSyncStatus: 'page→background:getOrgSyncStatus',
  setOrgSync: 'page→background:setOrgSync',
  sendOrgScoresNow: 'page→background:sendOrgScoresNow',
  // Connecting through the policy's connected app (OAuth 2.0 with PKCE) where the org refuses the browser session.
  connectOrgFromPage: 'page→background:connectOrg',
  connectOrgFromSidebar: 'sidebar→background:connectOrg',
  // The deals the rep opened recently whose latest score was made under older definitions.
  listDealsToRescore: 'page→background:listDealsToRescore',
  toggleSidebar: 'background→sidebar:toggle',
  // The keyboard commands: one opens the sidebar and moves focus into it, the other collapses it.
  focusSidebar: 'background→sidebar:focus',
  closeSidebar: 'background→sidebar:close',
  // What content scripts once read from storage.local themselves; it is the background's alone now.
  getCustomDealUrls: CUSTOM_DEAL_URLS_TYPE,
  getSidebarStart: 'sidebar→background:getSidebarStart',
  setSidebarCollapsed: 'sidebar→background:setSidebarCollapsed',
  setSidebarWidth: 'sidebar→background:setSidebarWidth',
  loadDraft: 'sidebar→background:loadDraft',
  storeDraft: 'sidebar→background:storeDraft',
  clearDraft: 'sidebar→background:clearDraft',
  stateChanged: 'background→sidebar:stateChanged',
} as const;

/** The direction prefix of requests only Yardstick's own extension pages may send. */
export const EXTENSION_PAGE_PREFIX = 'page→';

/** Whether only extension pages may send this message: its name says so (`page→…`); content scripts run beside untrusted pages. */
export function isExtensionPageOnly(type: string): boolean {
  return type.startsWith(EXTENSION_PAGE_PREFIX);
}

/**
 * storage.local key the background bumps when definitions or settings change; extension pages watch it
 * (content scripts cannot read storage.local: they are told with `background→sidebar:stateChanged`).
 */
export const STATE_REVISION_KEY = 'stateRevision';

/** storage.local key of the active definitions' criteria as last served (lib/definitions/definitions-preview.ts). */
export const DEFINITIONS_PREVIEW_KEY = 'definitionsPreview';
