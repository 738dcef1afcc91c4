import type { WxtBrowser } from 'wxt/browser';
import { MessageType, type Request, type Response } from '../../lib/messaging/protocol';
import type { BackgroundServices } from './background-services';
import {
  importDefinitionsFile,
  readSettingsView,
  setDefinitionsUrl,
  setSyncInterval,
  switchToBuiltInDefinitions,
} from './definitions-handlers';
import { readDealState, saveScore, setRater } from './deal-handlers';
import { injectSidebar } from './inject-sidebar';

/** Where a request came from, as far as the handlers need to know. */
export interface RequestOrigin {
  tabId?: number;
  frameId?: number;
}

/** Side effects the handlers trigger outside the database. */
export interface HandlerEffects {
  /** Tells open sidebars and pages that what they show may have changed. */
  announceStateChange(): Promise<void>;
  /** Re-creates the sync alarm after the interval changed. */
  rescheduleSync(): Promise<void>;
  scripting: Pick<WxtBrowser['scripting'], 'executeScript'>;
}

/** Runs one validated request and returns its response; expected failures are values. */
export async function handleRequest(
  request: Request,
  origin: RequestOrigin,
  services: BackgroundServices,
  effects: HandlerEffects,
): Promise<Response<Request['type']>> {
  switch (request.type) {
    case MessageType.injectSidebar:
      return { ok: true, value: await injectSidebar(effects.scripting, origin) };
    case MessageType.getDealState:
      return { ok: true, value: await readDealState(services, request.dealKey) };
    case MessageType.saveScore:
      return saveScore(services, request);
    case MessageType.setRater:
      return setRater(services, effects, request.rater);
    case MessageType.getSettings:
      return { ok: true, value: await readSettingsView(services) };
    case MessageType.importDefinitions:
      return importDefinitionsFile(services, effects, request.fileName, request.text);
    case MessageType.useBuiltInDefinitions:
      return switchToBuiltInDefinitions(services, effects);
    case MessageType.setDefinitionsUrl:
      return setDefinitionsUrl(services, effects, request.url);
    case MessageType.syncDefinitionsNow: {
      const outcome = await services.syncDefinitions();
      await effects.announceStateChange();
      return { ok: true, value: outcome };
    }
    case MessageType.setSyncInterval:
      return setSyncInterval(services, effects, request.minutes);
  }
}
