import { createOrgSyncHarness } from './org-sync-harness';
import {
  createBackgroundServices,
  type BackgroundServices,
} from '../../../entrypoints/background/background-services';
import { dispatchRequest, type MessageSenderDetails } from '../../../entrypoints/background/dispatch-request';
import type { HandlerEffects, LocalStore } from '../../../entrypoints/background/handler-context';
import { createCrmHostSync, type CrmHostApis } from '../../../entrypoints/background/crm-host-sync';
import type { GenericAdapterConfig } from '../../../lib/crm/generic-adapter';
import { YardstickDatabase } from '../../../lib/db/yardstick-database';
import { CUSTOM_CRM_ADAPTERS_KEY } from '../../../lib/crm/custom-crm-adapters-key';
import { DRAFT_KEY_PREFIX } from '../../../lib/drafts/unsaved-draft';
import { MessageType } from '../../../lib/messaging/protocol-names';
import { typedSender } from '../../../lib/messaging/send-request';
import { createOrgDealReader } from '../../../lib/org/salesforce/org-deal-reading';
import { createOrgSessions } from '../../../lib/org/salesforce/org-sessions';
import type { SidebarBackend } from '../../../components/sidebar/sidebar-backend';
import type { OptionsBackend } from '../../../components/options/options-backend';

let databaseCounter = 0;

const EXTENSION = { id: 'yardstick-test', origin: 'chrome-extension://yardstick-test' };
/** The options page, as runtime messaging names it to the background. */
const OPTIONS_PAGE_SENDER = {
  id: EXTENSION.id,
  url: `${EXTENSION.origin}/options.html`,
  origin: EXTENSION.origin,
};

/** A registered content script as the fake scripting API keeps it. */
export type FakeRegisteredScript = Parameters<CrmHostApis['scripting']['registerContentScripts']>[0][number];

/** What the fake browser knows about custom CRM hosts: granted host patterns and registered scripts. */
export interface FakeCrmHostBrowser {
  granted: Set<string>;
  registered: FakeRegisteredScript[];
  /** What the background last stored for the loader. */
  adapterConfigs: GenericAdapterConfig[] | null;
  /** What the options page asked for, and the answer the fake user gives. */
  requested: string[];
  grantOnRequest: boolean;
}

/** The real background handlers over a fresh fake-indexeddb database, without runtime messaging. */
export function createInMemoryBackground(policy: Record<string, unknown> = {}) {
  const services: BackgroundServices = createBackgroundServices(
    new YardstickDatabase(`test-${++databaseCounter}`),
    async () => policy,
  );
  const crmHostBrowser: FakeCrmHostBrowser = {
    granted: new Set(),
    registered: [],
    adapterConfigs: null,
    requested: [],
    grantOnRequest: true,
  };
  const localStorage = createFakeLocalStore();
  /** The URL a tab's in-page navigation commits to after a request was sent, by tab id. */
  const navigatedTabs = new Map<number, string>();
  const crmHosts = createCrmHostSync(services, {
    scripting: {
      getRegisteredContentScripts: async () => structuredClone(crmHostBrowser.registered),
      registerContentScripts: async (scripts) => {
        for (const script of scripts) {
          if (crmHostBrowser.registered.some((existing) => existing.id === script.id))
            throw new Error(`Duplicate script ID '${script.id}'`);
          crmHostBrowser.registered.push(structuredClone(script));
        }
      },
      unregisterContentScripts: async (filter) => {
        const named = typeof filter === 'object' ? filter.ids : undefined;
        const ids = new Set(named ?? crmHostBrowser.registered.map((script) => script.id));
        crmHostBrowser.registered = crmHostBrowser.registered.filter((script) => !ids.has(script.id));
      },
    },
    permissions: {
      contains: async ({ origins = [] }) => origins.every((origin) => crmHostBrowser.granted.has(origin)),
      remove: async ({ origins = [] }) => {
        origins.forEach((origin) => crmHostBrowser.granted.delete(origin));
        return true;
      },
    },
    storeAdapterConfigs: async (configs) => {
      crmHostBrowser.adapterConfigs = structuredClone(configs);
      await localStorage.store.set({ [CUSTOM_CRM_ADAPTERS_KEY]: configs });
    },
  });
  const stateChanges: number[] = [];
  /** Hashes of the definitions handed to `rememberDefinitionsPreview`, in order. */
  const definitionsPreviews: string[] = [];
  const listeners = new Set<() => void>();
  const effects: HandlerEffects = {
    announceStateChange: async () => {
      stateChanges.push(Date.now());
      listeners.forEach((listener) => listener());
    },
    rescheduleSync: async () => undefined,
    scripting: { executeScript: async () => [] },
    crmHosts,
    localStore: localStorage.store,
    tabUrlAfterNavigation: async (tabId, seenUrl) => navigatedTabs.get(tabId) ?? seenUrl,
    rememberDefinitionsPreview: (active) => {
      definitionsPreviews.push(active.hash);
    },
    orgSync: createOrgSyncHarness(services.db, { policy: {} }).orgSync,
    // No connected app here: connecting says so.
    orgOAuth: {
      connect: async () => ({
        ok: false,
        error: { code: 'no-connected-app', message: 'No connected app is set up.' },
      }),
    },
    // No browser session here: every Salesforce deal stays with the page's reading.
    orgDeals: createOrgDealReader({
      sessions: createOrgSessions({
        readSessionId: async () => null,
        fetch: () => Promise.reject(new TypeError('offline')),
        memory: { read: async () => null, write: async () => {}, forget: async () => {} },
        timeoutMs: 1000,
      }),
      readSessionId: async () => null,
      readCaptureFields: async () => ({ captureFields: [] }),
      now: () => new Date(),
      freshForMs: 60_000,
    }),
  };
  /** What the background answers a message from `sender`, through the same gate and scope as in the browser. */
  const deliverFrom = (sender: MessageSenderDetails, message: unknown): Promise<unknown> =>
    dispatchRequest(message, sender, EXTENSION, services, effects);
  /** What the background answers a message from the options page. */
  const deliver = (message: unknown): Promise<unknown> => deliverFrom(OPTIONS_PAGE_SENDER, message);
  const send = typedSender(deliver);
  /** A typed sender for our content script in a tab whose frame shows `pageUrl`. */
  const contentScriptAt = (pageUrl: string) =>
    typedSender((message) =>
      deliverFrom({ id: EXTENSION.id, url: pageUrl, tab: { id: 7 }, frameId: 0 }, message),
    );
  /** A typed sender for our sidebar frame docked in a tab whose page shows `tabUrl`. */
  const dockedFrameIn = (tabUrl: string) =>
    typedSender((message) =>
      deliverFrom(
        {
          id: EXTENSION.id,
          url: `${EXTENSION.origin}/sidebar-frame.html`,
          origin: EXTENSION.origin,
          tab: { id: 8, url: tabUrl },
          frameId: 3,
        },
        message,
      ),
    );
  const sidebar: SidebarBackend = {
    getDealState: (dealKey) => send({ type: MessageType.getDealState, dealKey }),
    getDealHistory: (dealKey) => send({ type: MessageType.getDealHistory, dealKey }),
    countDealHistory: (dealKey) => send({ type: MessageType.countDealHistory, dealKey }),
    saveScore: (input) => send({ type: MessageType.saveScore, ...input }),
    setRater: (rater) => send({ type: MessageType.setRater, rater }),
    loadDraft: async (dealKey) => {
      const response = await send({ type: MessageType.loadDraft, dealKey });
      return response.ok ? response.value.draft : null;
    },
    storeDraft: (dealKey, draft) => send({ type: MessageType.storeDraft, dealKey, draft }),
    clearDraft: async (dealKey) => void (await send({ type: MessageType.clearDraft, dealKey })),
  };
  const options: OptionsBackend = {
    getSettings: () => send({ type: MessageType.getSettings }),
    getOrgSyncStatus: () => send({ type: MessageType.getOrgSyncStatus }),
    listDealsToRescore: () => send({ type: MessageType.listDealsToRescore }),
    setOrgSync: (enabled) => send({ type: MessageType.setOrgSync, enabled }),
    sendOrgScoresNow: () => send({ type: MessageType.sendOrgScoresNow }),
    connectOrg: (apiOrigin: string) => send({ type: MessageType.connectOrgFromPage, apiOrigin }),
    setRater: (rater) => send({ type: MessageType.setRater, rater }),
    importDefinitions: (fileName, text) => send({ type: MessageType.importDefinitions, fileName, text }),
    useBuiltInDefinitions: () => send({ type: MessageType.useBuiltInDefinitions }),
    setDefinitionsUrl: (url) => send({ type: MessageType.setDefinitionsUrl, url }),
    syncDefinitionsNow: () => send({ type: MessageType.syncDefinitionsNow }),
    setSyncInterval: (minutes) => send({ type: MessageType.setSyncInterval, minutes }),
    requestHostAccess: async () => true,
    setRole: (role) => send({ type: MessageType.setRole, role }),
    setStaleAmountChange: (percent) => send({ type: MessageType.setStaleAmountChange, percent }),
    setSidebarPlacement: (placement) => send({ type: MessageType.setSidebarPlacement, placement }),
    requestHostPattern: async (matchPattern) => {
      crmHostBrowser.requested.push(matchPattern);
      if (crmHostBrowser.grantOnRequest) crmHostBrowser.granted.add(matchPattern);
      return crmHostBrowser.grantOnRequest;
    },
    addCustomCrm: (config) => send({ type: MessageType.addCustomCrm, config }),
    removeCustomCrm: (urlPattern) => send({ type: MessageType.removeCustomCrm, urlPattern }),
    syncCustomCrms: () => send({ type: MessageType.syncCustomCrms }),
    backupRestored: () => send({ type: MessageType.backupRestored }),
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  return {
    services,
    sidebar,
    options,
    stateChanges,
    definitionsPreviews,
    localStorage,
    navigatedTabs,
    /** How many drafts the background keeps. */
    draftCount: () => [...localStorage.items.keys()].filter((key) => key.startsWith(DRAFT_KEY_PREFIX)).length,
    send,
    deliver,
    deliverFrom,
    contentScriptAt,
    dockedFrameIn,
    crmHostBrowser,
    crmHosts,
  };
}

/** An in-memory storage.local; `full` makes every write fail as a full storage does. */
export function createFakeLocalStore() {
  const items = new Map<string, unknown>();
  const state = { full: false };
  const store: LocalStore = {
    get: async (keys) =>
      Object.fromEntries(
        [...items]
          .filter(([key]) => keys === null || keys.includes(key))
          .map(([k, v]) => [k, structuredClone(v)]),
      ),
    set: async (values) => {
      if (state.full) throw new Error('QUOTA_BYTES quota exceeded');
      for (const [key, value] of Object.entries(values)) items.set(key, structuredClone(value));
    },
    remove: async (keys) => {
      for (const key of typeof keys === 'string' ? [keys] : keys) items.delete(key);
    },
  };
  return { store, items, state };
}
