import {
  createBackgroundServices,
  type BackgroundServices,
} from '../../../entrypoints/background/background-services';
import { handleRequest } from '../../../entrypoints/background/handle-request';
import { YardstickDatabase } from '../../../lib/db/yardstick-database';
import { RequestSchema, type Request, type Response } from '../../../lib/messaging/protocol';
import { MessageType } from '../../../lib/messaging/protocol-names';
import type { SidebarBackend, UnsavedDraft } from '../../../components/sidebar/sidebar-backend';
import type { OptionsBackend } from '../../../components/options/options-backend';

let databaseCounter = 0;

/** The real background handlers over a fresh fake-indexeddb database, without runtime messaging. */
export function createInMemoryBackground(policy: Record<string, unknown> = {}) {
  const services: BackgroundServices = createBackgroundServices(
    new YardstickDatabase(`test-${++databaseCounter}`),
    async () => policy,
  );
  const stateChanges: number[] = [];
  const listeners = new Set<() => void>();
  const drafts = new Map<string, UnsavedDraft>();
  const send = async <T extends Request['type']>(message: unknown): Promise<Response<T>> => {
    const request = RequestSchema.parse(message);
    return (await handleRequest(request, {}, services, {
      announceStateChange: async () => {
        stateChanges.push(Date.now());
        listeners.forEach((listener) => listener());
      },
      rescheduleSync: async () => undefined,
      scripting: { executeScript: async () => [] },
    })) as Response<T>;
  };
  const sidebar: SidebarBackend = {
    getDealState: (dealKey) => send({ type: MessageType.getDealState, dealKey }),
    saveScore: (input) => send({ type: MessageType.saveScore, ...input }),
    setRater: (rater) => send({ type: MessageType.setRater, rater }),
    loadDraft: async (dealKey) => drafts.get(dealKey) ?? null,
    storeDraft: async (dealKey, draft) => void drafts.set(dealKey, structuredClone(draft)),
    clearDraft: async (dealKey) => void drafts.delete(dealKey),
  };
  const options: OptionsBackend = {
    getSettings: () => send({ type: MessageType.getSettings }),
    setRater: (rater) => send({ type: MessageType.setRater, rater }),
    importDefinitions: (fileName, text) => send({ type: MessageType.importDefinitions, fileName, text }),
    useBuiltInDefinitions: () => send({ type: MessageType.useBuiltInDefinitions }),
    setDefinitionsUrl: (url) => send({ type: MessageType.setDefinitionsUrl, url }),
    syncDefinitionsNow: () => send({ type: MessageType.syncDefinitionsNow }),
    setSyncInterval: (minutes) => send({ type: MessageType.setSyncInterval, minutes }),
    requestHostAccess: async () => true,
    subscribe: (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
  return { services, sidebar, options, stateChanges, drafts, send };
}
