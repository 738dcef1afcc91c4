import type { WxtBrowser } from 'wxt/browser';
import {
  activateBuiltInDefinitions,
  activateDefinitionsText,
  readActiveDefinitions,
  type ActiveDefinitions,
} from '../../lib/db/definitions-repository';
import { recordScore } from '../../lib/db/record-score';
import { readDealHistory } from '../../lib/db/score-repository';
import { readSetting, writeSetting } from '../../lib/db/settings-repository';
import {
  MessageType,
  type DefinitionsView,
  type Request,
  type RequestOf,
  type Response,
} from '../../lib/messaging/protocol';
import type { BackgroundServices } from './background-services';
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
  scripting: Pick<WxtBrowser['scripting'], 'executeScript'>;
}

/** Runs one validated request and returns its response; expected failures are values. */
export async function handleRequest(
  request: Request,
  origin: RequestOrigin,
  services: BackgroundServices,
  effects: HandlerEffects,
): Promise<Response<Request['type']>> {
  const { db } = services;
  const builtInHash = await services.builtInHash;
  switch (request.type) {
    case MessageType.injectSidebar:
      return { ok: true, value: await injectSidebar(effects.scripting, origin) };
    case MessageType.getDealState: {
      const [rater, active, failure, history] = await Promise.all([
        readSetting(db, 'rater'),
        readActiveDefinitions(db, builtInHash),
        readSetting(db, 'lastDefinitionsFailure'),
        readDealHistory(db, request.dealKey),
      ]);
      return {
        ok: true,
        value: {
          rater: rater ?? null,
          active: toView(active),
          definitionsFailure: failure ?? null,
          history: history.scores,
          historyTotal: history.total,
        },
      };
    }
    case MessageType.saveScore:
      return saveScore(request, services);
    case MessageType.setRater:
      await writeSetting(db, 'rater', request.rater);
      await effects.announceStateChange();
      return { ok: true, value: { rater: request.rater } };
    case MessageType.getSettings: {
      const [rater, active, failure, changedAt] = await Promise.all([
        readSetting(db, 'rater'),
        readActiveDefinitions(db, builtInHash),
        readSetting(db, 'lastDefinitionsFailure'),
        readSetting(db, 'lastDefinitionsChangeAt'),
      ]);
      return {
        ok: true,
        value: {
          rater: rater ?? null,
          active: toView(active),
          definitionsFailure: failure ?? null,
          lastDefinitionsChangeAt: changedAt ?? null,
        },
      };
    }
    case MessageType.importDefinitions: {
      const result = await activateDefinitionsText(db, request.text, `file:${request.fileName}`, new Date());
      await effects.announceStateChange();
      if (!result.ok) {
        return {
          ok: false,
          error: { code: 'invalid-definitions', message: result.error.summary, details: result.error },
        };
      }
      return { ok: true, value: toView(result.value) };
    }
    case MessageType.useBuiltInDefinitions: {
      await activateBuiltInDefinitions(db, builtInHash, new Date());
      await effects.announceStateChange();
      return { ok: true, value: toView(await readActiveDefinitions(db, builtInHash)) };
    }
  }
}

async function saveScore(
  request: RequestOf<typeof MessageType.saveScore>,
  services: BackgroundServices,
): Promise<Response<typeof MessageType.saveScore>> {
  const { type: _type, ...draft } = request;
  const result = await recordScore(services.db, { ...draft, context: 'deal' }, new Date());
  return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
}

function toView(active: ActiveDefinitions): DefinitionsView {
  return {
    hash: active.hash,
    source: active.source,
    isBuiltIn: active.isBuiltIn,
    definitions: active.definitions,
  };
}
