import type { GenericAdapterConfig } from '../../lib/crm/generic-adapter';
import type { SidebarPlacement } from '../../lib/messaging/dock-protocol';
import type { MessageType, Response } from '../../lib/messaging/protocol';
import type { RaterRole } from '../../lib/scoring/score-record';

/** What the options page and popup need from the background and the browser. */
export interface OptionsBackend {
  getSettings(): Promise<Response<typeof MessageType.getSettings>>;
  setRater(rater: string): Promise<Response<typeof MessageType.setRater>>;
  importDefinitions(fileName: string, text: string): Promise<Response<typeof MessageType.importDefinitions>>;
  useBuiltInDefinitions(): Promise<Response<typeof MessageType.useBuiltInDefinitions>>;
  setDefinitionsUrl(url: string): Promise<Response<typeof MessageType.setDefinitionsUrl>>;
  syncDefinitionsNow(): Promise<Response<typeof MessageType.syncDefinitionsNow>>;
  setSyncInterval(minutes: number): Promise<Response<typeof MessageType.setSyncInterval>>;
  /** Asks the user for access to the definitions host; resolves to whether it was granted. */
  requestHostAccess(url: string): Promise<boolean>;
  setRole(role: RaterRole): Promise<Response<typeof MessageType.setRole>>;
  setStaleAmountChange(percent: number): Promise<Response<typeof MessageType.setStaleAmountChange>>;
  /** Puts the sidebar beside the CRM page (reflowed) or over it, in this browser. */
  setSidebarPlacement(placement: SidebarPlacement): Promise<Response<typeof MessageType.setSidebarPlacement>>;
  /**
   * Asks the user for a custom CRM host's permission (a match pattern such as `https://crm.acme.com/*`).
   * Must be called inside the click, before any await; resolves to whether it was granted.
   */
  requestHostPattern(matchPattern: string): Promise<boolean>;
  addCustomCrm(config: GenericAdapterConfig): Promise<Response<typeof MessageType.addCustomCrm>>;
  removeCustomCrm(urlPattern: string): Promise<Response<typeof MessageType.removeCustomCrm>>;
  /** Has the background run the loader on every custom host whose permission is now granted. */
  syncCustomCrms(): Promise<Response<typeof MessageType.syncCustomCrms>>;
  /** Tells the background a backup was restored into the database, so it re-registers custom hosts and announces the change. */
  backupRestored(): Promise<Response<typeof MessageType.backupRestored>>;
  /** Org sync at a glance: scores waiting, the last error. */
  getOrgSyncStatus(): Promise<Response<typeof MessageType.getOrgSyncStatus>>;
  /** The rep's own switch for writing scores to the Salesforce org (unless policy decides). */
  setOrgSync(enabled: boolean): Promise<Response<typeof MessageType.setOrgSync>>;
  /** Sends waiting scores now, lifting waits and pauses. */
  sendOrgScoresNow(): Promise<Response<typeof MessageType.sendOrgScoresNow>>;
  /** Connects an org that refuses the browser session through the policy's connected app (sign-in window). */
  connectOrg(apiOrigin: string): Promise<Response<typeof MessageType.connectOrgFromPage>>;
  /** The deals the rep opened recently whose latest score was made under older definitions. */
  listDealsToRescore(): Promise<Response<typeof MessageType.listDealsToRescore>>;
  /** Calls `onChange` whenever the background announces a change; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void;
}
