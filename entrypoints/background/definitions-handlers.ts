import { activateBuiltInDefinitions, activateDefinitionsText } from '../../lib/db/definitions-repository';
import { readSetting, writeSetting } from '../../lib/db/settings-repository';
import { checkDefinitionsUrl } from '../../lib/definitions/fetch-definitions';
import { MessageType, type Response, type SettingsView } from '../../lib/messaging/protocol';
import type { BackgroundServices } from './background-services';
import { toDefinitionsView } from './definitions-view';
import type { HandlerEffects, HandlerSlice } from './handler-context';
import { toCustomCrmViews } from './crm-host-handlers';
import { readSidebarStart } from './sidebar-start-handlers';

const LOCKED = {
  ok: false,
  error: {
    code: 'managed',
    message: 'Your organisation manages the definitions source; it cannot be changed here.',
  },
} as const;

/** What the options page and popup show. */
export async function readSettingsView(
  services: BackgroundServices,
  effects: HandlerEffects,
): Promise<SettingsView> {
  const { db } = services;
  const [
    rater,
    active,
    failure,
    changedAt,
    config,
    sync,
    policy,
    role,
    staleAmountChange,
    crmHosts,
    sidebarStart,
  ] = await Promise.all([
    services.readRater(),
    services.readActiveDefinitions(),
    readSetting(db, 'lastDefinitionsFailure'),
    readSetting(db, 'lastDefinitionsChangeAt'),
    services.readDefinitionsConfig(),
    readSetting(db, 'syncState'),
    services.readPolicy(),
    services.readRole(),
    services.readStaleAmountChange(),
    effects.crmHosts.inspect(),
    readSidebarStart(effects.localStore),
  ]);
  return {
    rater: rater.rater,
    raterManaged: rater.managed,
    active: toDefinitionsView(active),
    definitionsFailure: failure ?? null,
    lastDefinitionsChangeAt: changedAt ?? null,
    config,
    sync: sync ?? null,
    rejectedPolicyKeys: policy.rejectedKeys,
    role: role.role,
    roleManaged: role.managed,
    staleAmountChangePercent: staleAmountChange.percent,
    staleAmountChangeManaged: staleAmountChange.managed,
    sidebarPlacement: sidebarStart.placement,
    customCrms: toCustomCrmViews(crmHosts),
    customCrmProblems: crmHosts.resolved.problems,
  };
}

/** Validates and activates a file the rep picked; a refused file changes nothing but the error shown. */
export async function importDefinitionsFile(
  services: BackgroundServices,
  effects: HandlerEffects,
  fileName: string,
  text: string,
): Promise<Response<typeof MessageType.importDefinitions>> {
  const config = await services.readDefinitionsConfig();
  if (config.locked) return LOCKED;
  const syntax = /\.ya?ml$/i.test(fileName) ? 'yaml' : /\.json$/i.test(fileName) ? 'json' : undefined;
  const result = await activateDefinitionsText(services.db, text, `file:${fileName}`, new Date(), {
    syntax,
    pinnedSha256: config.pinnedSha256,
  });
  if (result.ok) await writeSetting(services.db, 'definitionsSource', { kind: 'file', name: fileName });
  await effects.announceStateChange();
  if (!result.ok) {
    return {
      ok: false,
      error: { code: 'invalid-definitions', message: result.error.summary, details: result.error },
    };
  }
  return { ok: true, value: toDefinitionsView(result.value) };
}

/** Goes back to the built-in definitions. */
export async function switchToBuiltInDefinitions(
  services: BackgroundServices,
  effects: HandlerEffects,
): Promise<Response<typeof MessageType.useBuiltInDefinitions>> {
  if ((await services.readDefinitionsConfig()).locked) return LOCKED;
  const builtInHash = await services.builtInHash;
  await activateBuiltInDefinitions(services.db, builtInHash, new Date());
  await writeSetting(services.db, 'definitionsSource', { kind: 'built-in' });
  await writeSetting(services.db, 'lastDefinitionsFailure', null);
  await effects.announceStateChange();
  return { ok: true, value: toDefinitionsView(await services.readActiveDefinitions()) };
}

/** Sets the URL to sync definitions from, then syncs at once. */
export async function setDefinitionsUrl(
  services: BackgroundServices,
  effects: HandlerEffects,
  url: string,
): Promise<Response<typeof MessageType.setDefinitionsUrl>> {
  if ((await services.readDefinitionsConfig()).locked) return LOCKED;
  const checked = checkDefinitionsUrl(url);
  if (!checked.ok) return { ok: false, error: checked.error };
  await writeSetting(services.db, 'definitionsSource', { kind: 'url', url: checked.value });
  const outcome = await services.syncDefinitions();
  await effects.announceStateChange();
  return { ok: true, value: outcome };
}

/** Sets the minutes between background syncs, unless policy sets them. */
export async function setSyncInterval(
  services: BackgroundServices,
  effects: HandlerEffects,
  minutes: number,
): Promise<Response<typeof MessageType.setSyncInterval>> {
  if ((await services.readDefinitionsConfig()).managedInterval) {
    return { ok: false, error: { code: 'managed', message: 'Your organisation sets the sync interval.' } };
  }
  await writeSetting(services.db, 'syncIntervalMinutes', minutes);
  await effects.rescheduleSync();
  await effects.announceStateChange();
  return { ok: true, value: { minutes } };
}

/** The extension pages' requests about settings and the definitions source. */
export const definitionsHandlers: HandlerSlice<
  | typeof MessageType.getSettings
  | typeof MessageType.importDefinitions
  | typeof MessageType.useBuiltInDefinitions
  | typeof MessageType.setDefinitionsUrl
  | typeof MessageType.syncDefinitionsNow
  | typeof MessageType.setSyncInterval
> = {
  [MessageType.getSettings]: async (_request, { services, effects }) => ({
    ok: true,
    value: await readSettingsView(services, effects),
  }),
  [MessageType.importDefinitions]: ({ fileName, text }, { services, effects }) =>
    importDefinitionsFile(services, effects, fileName, text),
  [MessageType.useBuiltInDefinitions]: (_request, { services, effects }) =>
    switchToBuiltInDefinitions(services, effects),
  [MessageType.setDefinitionsUrl]: ({ url }, { services, effects }) =>
    setDefinitionsUrl(services, effects, url),
  [MessageType.syncDefinitionsNow]: async (_request, { services, effects }) => {
    const outcome = await services.syncDefinitions();
    await effects.announceStateChange();
    return { ok: true, value: outcome };
  },
  [MessageType.setSyncInterval]: ({ minutes }, { services, effects }) =>
    setSyncInterval(services, effects, minutes),
};
