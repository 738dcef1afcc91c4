import { createOrgSyncHarness } from './org-sync-harness';
import {
  createBackgroundServices,
  type BackgroundServices,
} from '../../../entrypoints/background/background-services';
import { handleRequest } from '../../../entrypoints/background/handle-request';
import type { HandlerContext } from '../../../entrypoints/background/handler-context';
import { createCrmHostSync, type CrmHostApis } from '../../../entrypoints/background/crm-host-sync';
import type { GenericAdapterConfig } from '../../../lib/crm/generic-adapter';
import { YardstickDatabase } from '../../../lib/db/yardstick-database';
import { MessageType } from '../../../lib/messaging/protocol-names';
import { gateRequest } from '../../../lib/messaging/request-gate';
import { typedSender } from '../../../lib/messaging/send-request';
import type { SidebarBackend, UnsavedDraft } from '../../../components/sidebar/sidebar-backend';
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
    },
  });
  const stateChanges: number[] = [];
  /** Hashes of the definitions handed to `rememberDefinitionsPreview`, in order. */
  const definitionsPreviews: string[] = [];
  const listeners = new Set<() => void>();
  const drafts = new Map<string, UnsavedDraft>();
  const context: HandlerContext = {
    services,
    origin: {},
    effects: {
      announceStateChange: async () => {
        stateChanges.push(Date.now());
        listeners.forEach((listener) => listener());
      },
      rescheduleSync: async () => undefined,
      scripting: { executeScript: async () => [] },
      crmHosts,
      rememberDefinitionsPreview: (active) => {
        definitionsPreviews.push(active.hash);
      },
      orgSync: createOrgSyncHarness(services.db, { policy: {} }).orgSync,
    },
  };
  /** What the background answers a message from the options page, through the same gate as in the browser. */
  const deliver = async (message: unknown): Promise<unknown> => {
    const decision = gateRequest(message, OPTIONS_PAGE_SENDER, EXTENSION);
    if (decision.verdict === 'ignore') return undefined;
    if (decision.verdict === 'refuse') return { ok: false, error: decision.error };
    return handleRequest(decision.request, context);
  };
  const send = typedSender(deliver);
  const sidebar: SidebarBackend = {
    getDealState: (dealKey) => send({ type: MessageType.getDealState, dealKey }),
    getDealHistory: (dealKey) => send({ type: MessageType.getDealHistory, dealKey }),
    countDealHistory: (dealKey) => send({ type: MessageType.countDealHistory, dealKey }),
    saveScore: (input) => send({ type: MessageType.saveScore, ...input }),
    setRater: (rater) => send({ type: MessageType.setRater, rater }),
    loadDraft: async (dealKey) => drafts.get(dealKey) ?? null,
    storeDraft: async (dealKey, draft) => void drafts.set(dealKey, structuredClone(draft)),
    clearDraft: async (dealKey) => void drafts.delete(dealKey),
  };
  const options: OptionsBackend = {
    getSettings: () => send({ type: MessageType.getSettings }),
    getOrgSyncStatus: () => send({ type: MessageType.getOrgSyncStatus }),
    setOrgSync: (enabled) => send({ type: MessageType.setOrgSync, enabled }),
    sendOrgScoresNow: () => send({ type: MessageType.sendOrgScoresNow }),
    setRater: (rater) => send({ type: MessageType.setRater, rater }),
    importDefinitions: (fileName, text) => send({ type: MessageType.importDefinitions, fileName, text }),
    useBuiltInDefinitions: () => send({ type: MessageType.useBuiltInDefinitions }),
    setDefinitionsUrl: (url) => send({ type: MessageType.setDefinitionsUrl, url }),
    syncDefinitionsNow: () => send({ type: MessageType.syncDefinitionsNow }),
    setSyncInterval: (minutes) => send({ type: MessageType.setSyncInterval, minutes }),
    requestHostAccess: async () => true,
    setRole: (role) => send({ type: MessageType.setRole, role }),
    setStaleAmountChange: (percent) => send({ type: MessageType.setStaleAmountChange, percent }),
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
    drafts,
    send,
    deliver,
    crmHostBrowser,
    crmHosts,
  };
}
