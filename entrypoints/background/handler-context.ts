import type { WxtBrowser } from 'wxt/browser';
import type { DefinitionsView, RequestOf, RequestType, Response } from '../../lib/messaging/protocol';
import type { OrgDealReader } from '../../lib/org/salesforce/org-deal-reading';
import type { SenderKind } from '../../lib/messaging/trusted-sender';
import type { BackgroundServices } from './background-services';
import type { CrmHostSync } from './crm-host-sync';
import type { OrgSync } from './org/org-sync';
import type { OrgOAuth } from './org/set-up-org-oauth';

/** Where a request came from, as far as the handlers need to know. */
export interface RequestOrigin {
  /** An extension page, or a content script beside an untrusted page. */
  sender: SenderKind;
  tabId?: number;
  frameId?: number;
  /** The sending frame's URL (`sender.url`): a content script's requests are scoped to the deal it shows. */
  url?: string;
  /** The sender tab's cookie store (Firefox containers, private windows); undefined in Chrome. */
  cookieStoreId?: string;
}

/** The extension's storage.local: the background's alone (content scripts are shut out of it at start). */
export interface LocalStore {
  get(keys: string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** Side effects the handlers trigger outside the database. */
export interface HandlerEffects {
  /** Tells open sidebars and pages that what they show may have changed. */
  announceStateChange(): Promise<void>;
  /** Re-creates the sync alarm after the interval changed. */
  rescheduleSync(): Promise<void>;
  scripting: Pick<WxtBrowser['scripting'], 'executeScript'>;
  /** Runs the loader on custom CRM hosts. */
  crmHosts: CrmHostSync;
  /**
   * The tab's URL once an in-page navigation away from `seenUrl` commits, or `seenUrl` if none does soon:
   * a sidebar asks for the next deal as soon as the page's URL changes, before the browser's tab URL has.
   */
  tabUrlAfterNavigation(tabId: number, seenUrl: string | undefined): Promise<string | undefined>;
  /** Where drafts and the sidebar's settings are kept. */
  localStore: LocalStore;
  /** Keeps the active definitions' criteria where sidebars can lay them out before the database answers. */
  rememberDefinitionsPreview(active: DefinitionsView): void;
  /** Reads Salesforce deals through the org's API, once per deal a tab opens. */
  orgDeals: OrgDealReader;
  /** Writes scores back to the Salesforce org through the outbox. */
  orgSync: OrgSync;
  /** Connects orgs that refuse the browser session through the policy's connected app. */
  orgOAuth: Pick<OrgOAuth, 'connect'>;
}

/** What every handler is given besides its request. */
export interface HandlerContext {
  services: BackgroundServices;
  effects: HandlerEffects;
  origin: RequestOrigin;
}

/** One request type's handler: it can only answer with that type's response. */
export type RequestHandler<T extends RequestType> = (
  request: RequestOf<T>,
  context: HandlerContext,
) => Promise<Response<T>>;

/** The background's handlers, one per request type; each handler file provides its slice. */
export type RequestHandlers = { [T in RequestType]: RequestHandler<T> };

/** The handlers of some request types: the slice one handler file provides. */
export type HandlerSlice<T extends RequestType> = Pick<RequestHandlers, T>;
