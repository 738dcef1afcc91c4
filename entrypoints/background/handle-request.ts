import type { WxtBrowser } from 'wxt/browser';
import { MessageType, type DefinitionsView, type Request, type Response } from '../../lib/messaging/protocol';
import type { BackgroundServices } from './background-services';
import {
  importDefinitionsFile,
  readSettingsView,
  setDefinitionsUrl,
  setSyncInterval,
  switchToBuiltInDefinitions,
} from './definitions-handlers';
import {
  countDealHistory,
  readDealState,
  readLongerDealHistory,
  readReadingContext,
  saveCalibrationScore,
  saveScore,
  setRater,
} from './deal-handlers';
import { addCustomCrm, removeCustomCrm, syncAndView } from './crm-host-handlers';
import type { CrmHostSync } from './crm-host-sync';
import { injectSidebar } from './inject-sidebar';
import { setRole, setStaleAmountChange } from './role-handlers';

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
  /** Runs the loader on custom CRM hosts. */
  crmHosts: CrmHostSync;
  /** Keeps the active definitions' criteria where sidebars can lay them out before the database answers. */
  rememberDefinitionsPreview(active: DefinitionsView): void;
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
    case MessageType.getReadingContext:
      return { ok: true, value: await readReadingContext(services) };
    case MessageType.getDealState: {
      const state = await readDealState(services, request.dealKey);
      effects.rememberDefinitionsPreview(state.active);
      return { ok: true, value: state };
    }
    case MessageType.getDealHistory:
      return { ok: true, value: await readLongerDealHistory(services, request.dealKey) };
    case MessageType.countDealHistory:
      return { ok: true, value: await countDealHistory(services, request.dealKey) };
    case MessageType.saveScore:
      return saveScore(services, request);
    case MessageType.saveCalibrationScore:
      return saveCalibrationScore(services, request);
    case MessageType.setRater:
      return setRater(services, effects, request.rater);
    case MessageType.getSettings:
      return { ok: true, value: await readSettingsView(services, effects) };
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
    case MessageType.setRole:
      return setRole(services, effects, request.role);
    case MessageType.setStaleAmountChange:
      return setStaleAmountChange(services, effects, request.percent);
    case MessageType.addCustomCrm:
      return addCustomCrm(services, effects, request);
    case MessageType.removeCustomCrm:
      return removeCustomCrm(services, effects, request.urlPattern);
    case MessageType.syncCustomCrms:
      return syncAndView(effects);
  }
}
