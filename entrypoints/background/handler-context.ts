import type { WxtBrowser } from 'wxt/browser';
import type { DefinitionsView, RequestOf, RequestType, Response } from '../../lib/messaging/protocol';
import type { BackgroundServices } from './background-services';
import type { CrmHostSync } from './crm-host-sync';
import type { OrgSync } from './org/org-sync';

/** Where a request came from, as far as the handlers need to know. */
export interface RequestOrigin {
  tabId?: number;
  frameId?: number;
  /** The sending frame's URL (a content script's page). */
  url?: string;
  /** The tab's cookie store, where the browser names one (Firefox containers). */
  cookieStoreId?: string;
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
  /** Keeps the active definitions' criteria where sidebars can lay them out before the database answers. */
  rememberDefinitionsPreview(active: DefinitionsView): void;
  /** Writes scores back to the Salesforce org through the outbox. */
  orgSync: OrgSync;
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
