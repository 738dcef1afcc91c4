import { readActiveDefinitions, readDefinitionsVersion } from '../../lib/db/definitions-repository';
import { recordScore } from '../../lib/db/record-score';
import { readDealHistory } from '../../lib/db/score-repository';
import { readSetting, writeSetting } from '../../lib/db/settings-repository';
import type { DealState, MessageType, RequestOf, Response } from '../../lib/messaging/protocol';
import type { BackgroundServices } from './background-services';
import type { HandlerEffects } from './handle-request';
import { toDefinitionsView } from './definitions-view';

/** Everything the sidebar shows for one deal, including the definitions its latest score used. */
export async function readDealState(services: BackgroundServices, dealKey: string): Promise<DealState> {
  const { db } = services;
  const [{ rater }, active, failure, history] = await Promise.all([
    services.readRater(),
    readActiveDefinitions(db, await services.builtInHash),
    readSetting(db, 'lastDefinitionsFailure'),
    readDealHistory(db, dealKey),
  ]);
  const latestHash = history.scores[0]?.definitions.hash;
  const latestScoreDefinitions =
    latestHash && latestHash !== active.hash
      ? ((await readDefinitionsVersion(db, latestHash))?.definitions ?? null)
      : null;
  return {
    rater,
    active: toDefinitionsView(active),
    definitionsFailure: failure ?? null,
    history: history.scores,
    historyTotal: history.total,
    latestScoreDefinitions,
  };
}

/** Saves a score; the rater comes from policy or settings, never from the message. */
export async function saveScore(
  services: BackgroundServices,
  request: RequestOf<typeof MessageType.saveScore>,
): Promise<Response<typeof MessageType.saveScore>> {
  const { type: _type, ...draft } = request;
  const { rater } = await services.readRater();
  const result = await recordScore(services.db, { ...draft, context: 'deal' }, rater, new Date());
  return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
}

/** Sets the rep's own rater name, unless policy sets it. */
export async function setRater(
  services: BackgroundServices,
  effects: HandlerEffects,
  rater: string,
): Promise<Response<typeof MessageType.setRater>> {
  if ((await services.readRater()).managed) {
    return {
      ok: false,
      error: {
        code: 'managed',
        message: 'Your organisation sets the rater name; it cannot be changed here.',
      },
    };
  }
  await writeSetting(services.db, 'rater', rater);
  await effects.announceStateChange();
  return { ok: true, value: { rater } };
}
