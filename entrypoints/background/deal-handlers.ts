import { readDefinitionsVersion } from '../../lib/db/definitions-repository';
import { recordScore } from '../../lib/db/record-score';
import { readOrgScoreStates } from '../../lib/db/org-outbox-repository';
import { countDealScores, readDealHistory } from '../../lib/db/score-repository';
import { readSetting, writeSetting } from '../../lib/db/settings-repository';
import { DEAL_HISTORY_ROWS, DEAL_STATE_HISTORY_ROWS } from '../../lib/messaging/deal-history-rows';
import {
  MessageType,
  type DealHistoryPage,
  type DealState,
  type ReadingContext,
  type RequestOf,
  type Response,
} from '../../lib/messaging/protocol';
import { CrmIdSchema, type DealSnapshot } from '../../lib/crm/deal-snapshot';
import { calibrationSnapshot } from '../../lib/scoring/calibration-case';
import type { BackgroundServices } from './background-services';
import type { HandlerEffects, HandlerSlice, RequestOrigin } from './handler-context';
import { configsForPage } from '../../lib/crm/configs-for-page';
import type { OrgSync } from './org/org-sync';
import { toDefinitionsView } from './definitions-view';
import { adapterConfigsOf } from './custom-crm-hosts';
import { rememberDealOpen } from './rescore-handlers';

// What the sidebar shows may use the previous run's policy for the seconds after a browser start; a
// save reads the current policy, so a score is never recorded under a stale rater or role.
const LAST_KNOWN_POLICY = { lastKnown: true } as const;

/**
 * What the sidebar reads pages with: the active definitions' captureFields and the custom CRM hosts
 * (for a content script, only those that can apply to its page's host).
 */
export async function readReadingContext(
  services: BackgroundServices,
  origin: RequestOrigin,
): Promise<ReadingContext> {
  const [active, customCrms] = await Promise.all([
    services.readActiveDefinitions(),
    services.readCustomCrms(LAST_KNOWN_POLICY),
  ]);
  return {
    captureFields: active.definitions.captureFields ?? [],
    customCrms:
      origin.sender === 'extension-page'
        ? adapterConfigsOf(customCrms.entries)
        : configsForPage(adapterConfigsOf(customCrms.entries), origin.url),
  };
}

/** Everything the sidebar shows for one deal, including the definitions its latest score used. */
export async function readDealState(services: BackgroundServices, dealKey: string): Promise<DealState> {
  const { db } = services;
  const [{ rater }, { role }, staleAmountChange, active, failure, history] = await Promise.all([
    services.readRater(LAST_KNOWN_POLICY),
    services.readRole(LAST_KNOWN_POLICY),
    services.readStaleAmountChange(LAST_KNOWN_POLICY),
    services.readActiveDefinitions(),
    readSetting(db, 'lastDefinitionsFailure'),
    readDealHistory(db, dealKey, DEAL_STATE_HISTORY_ROWS),
  ]);
  const latestHash = history.scores[0]?.definitions.hash;
  const latestScoreDefinitions =
    latestHash && latestHash !== active.hash
      ? ((await readDefinitionsVersion(db, latestHash))?.definitions ?? null)
      : null;
  const historyOrgStates = await readOrgScoreStates(
    db,
    history.scores.map((score) => score.id),
  );
  return {
    rater,
    role,
    amountChangeShare: staleAmountChange.percent / 100,
    active: toDefinitionsView(active),
    definitionsFailure: failure ?? null,
    history: history.scores,
    historyTotal: history.total,
    latestScoreDefinitions,
    historyOrgStates,
  };
}

/** The deal's newest `DEAL_HISTORY_ROWS` scores: asked after the deal is shown, when its first page was full. */
export async function readLongerDealHistory(
  services: BackgroundServices,
  dealKey: string,
): Promise<DealHistoryPage> {
  const { scores, total } = await readDealHistory(services.db, dealKey, DEAL_HISTORY_ROWS);
  const historyOrgStates = await readOrgScoreStates(
    services.db,
    scores.map((score) => score.id),
  );
  return { dealKey, scores, total, historyOrgStates };
}

/** How many scores a deal has: asked after the deal is shown, when its first page of history was full. */
export async function countDealHistory(
  services: BackgroundServices,
  dealKey: string,
): Promise<{ dealKey: string; total: number }> {
  return { dealKey, total: await countDealScores(services.db, dealKey) };
}

/**
 * Saves a score; the rater and their role come from policy or settings, never from the message.
 * With org sync on for the deal's org, the score carries the org-verified rater and is queued for the
 * org in the same transaction; the drain starts after the answer, and waits with its own transactions
 * while the save runs.
 */
export async function saveScore(
  services: BackgroundServices,
  request: RequestOf<typeof MessageType.saveScore>,
  orgSync: OrgSync,
  origin: Partial<RequestOrigin> = {},
): Promise<Response<typeof MessageType.saveScore>> {
  const { type: _type, ...draft } = request;
  const { saved, toOrg } = await orgSync.saving(async () => {
    const [{ rater }, { role }, org] = await Promise.all([
      services.readRater(),
      services.readRole(),
      orgSync.saveTarget(draft.deal, origin.cookieStoreId),
    ]);
    const saved = await recordScore(services.db, { ...draft, context: 'deal' }, rater, new Date(), role, org);
    return { saved, toOrg: org !== null };
  });
  if (saved.ok && toOrg) void orgSync.drain();
  return saved.ok ? { ok: true, value: saved.value } : { ok: false, error: saved.error };
}

/** Saves a blind calibration score of one of the definitions' calibration cases. */
export async function saveCalibrationScore(
  services: BackgroundServices,
  request: RequestOf<typeof MessageType.saveCalibrationScore>,
): Promise<Response<typeof MessageType.saveCalibrationScore>> {
  const version = await readDefinitionsVersion(services.db, request.definitionsHash);
  const deal = version ? calibrationSnapshot(version.definitions, request.caseId, new Date()) : null;
  if (!deal) {
    return {
      ok: false,
      error: {
        code: 'unknown-case',
        message: `"${request.caseId}" is not a calibration case of these definitions.`,
      },
    };
  }
  const { rater } = await services.readRater();
  const { saveId, definitionsHash, answers } = request;
  const result = await recordScore(
    services.db,
    { saveId, deal, definitionsHash, answers, context: 'calibration' },
    rater,
    new Date(),
  );
  return result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error };
}

/**
 * Sets the rep's own rater name, unless policy sets it. A content script (beside an untrusted page) may
 * only give the first name; changing it takes the options page.
 */
export async function setRater(
  services: BackgroundServices,
  effects: HandlerEffects,
  rater: string,
  origin: RequestOrigin,
): Promise<Response<typeof MessageType.setRater>> {
  const current = await services.readRater();
  if (current.managed) {
    return {
      ok: false,
      error: {
        code: 'managed',
        message: 'Your organisation sets the rater name; it cannot be changed here.',
      },
    };
  }
  if (origin.sender !== 'extension-page' && current.rater !== null) {
    return {
      ok: false,
      error: {
        code: 'forbidden',
        message: 'Your name is already set; change it in Yardstick’s options.',
      },
    };
  }
  await writeSetting(services.db, 'rater', rater);
  await effects.announceStateChange();
  return { ok: true, value: { rater } };
}

/** The sidebar's requests about deals, and the rater it may set. */
export const dealHandlers: HandlerSlice<
  | typeof MessageType.getReadingContext
  | typeof MessageType.getDealState
  | typeof MessageType.getDealHistory
  | typeof MessageType.countDealHistory
  | typeof MessageType.saveScore
  | typeof MessageType.saveCalibrationScore
  | typeof MessageType.setRater
> = {
  [MessageType.getReadingContext]: async (_request, { services, origin }) => ({
    ok: true,
    value: await readReadingContext(services, origin),
  }),
  [MessageType.getDealState]: async ({ dealKey }, { services, effects, origin }) => {
    // Org sync: the opened deal's session gets linked (so a save can carry the verified rater) and
    // lifts a pause that waited for a new session.
    if (origin.url)
      void effects.orgSync.dealOpened({ crm: crmOfDealKey(dealKey), url: origin.url }, origin.cookieStoreId);
    // The rep's own opens only (the sidebar docked in the deal's tab): extension pages in their own tab
    // or window read deals too (the audit, a manager's view).
    if (origin.sender !== 'extension-page')
      void rememberDealOpen(effects.localStore, dealKey, new Date()).catch(() => undefined);
    const state = await readDealState(services, dealKey);
    effects.rememberDefinitionsPreview(state.active);
    return { ok: true, value: state };
  },
  [MessageType.getDealHistory]: async ({ dealKey }, { services }) => ({
    ok: true,
    value: await readLongerDealHistory(services, dealKey),
  }),
  [MessageType.countDealHistory]: async ({ dealKey }, { services }) => ({
    ok: true,
    value: await countDealHistory(services, dealKey),
  }),
  [MessageType.saveScore]: (request, { services, effects, origin }) =>
    saveScore(services, request, effects.orgSync, origin),
  [MessageType.saveCalibrationScore]: (request, { services }) => saveCalibrationScore(services, request),
  [MessageType.setRater]: ({ rater }, { services, effects, origin }) =>
    setRater(services, effects, rater, origin),
};

// The deal key starts with its CRM's id (`salesforce-lightning:<domain>:<id>`).
function crmOfDealKey(dealKey: string): DealSnapshot['crm'] {
  const parsed = CrmIdSchema.safeParse(dealKey.split(':')[0]);
  return parsed.success ? parsed.data : 'generic';
}
