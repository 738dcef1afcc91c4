import { readSetting, writeSetting } from '../../lib/db/settings-repository';
import { MessageType, type CustomCrmView, type RequestOf, type Response } from '../../lib/messaging/protocol';
import type { BackgroundServices } from './background-services';
import type { CrmHostSyncResult } from './crm-host-sync';
import { checkRepCustomCrm } from './custom-crm-hosts';
import type { HandlerEffects, HandlerSlice } from './handler-context';

type CustomCrmsResponse = Response<typeof MessageType.syncCustomCrms>;

/** The custom CRM hosts as the options page shows them. */
export function toCustomCrmViews({ resolved, status }: CrmHostSyncResult): CustomCrmView[] {
  return resolved.entries.map((entry) => {
    const hostStatus = entry.matchPattern === null ? undefined : status.get(entry.matchPattern);
    return {
      source: entry.source,
      matchPattern: entry.matchPattern,
      config: entry.config ?? null,
      granted: hostStatus?.granted ?? false,
      active: hostStatus?.registered ?? false,
      error: hostStatus?.error ?? null,
    };
  });
}

/**
 * Adds a rep's custom CRM host, then runs the loader there if its permission is granted (the options
 * page asks for it in the same click, before sending this).
 */
export async function addCustomCrm(
  services: BackgroundServices,
  effects: HandlerEffects,
  request: RequestOf<typeof MessageType.addCustomCrm>,
): Promise<CustomCrmsResponse> {
  const checked = checkRepCustomCrm(request.config);
  if (!checked.ok) return { ok: false, error: { code: 'invalid-custom-crm', message: checked.error } };
  const { entries } = await services.readCustomCrms();
  const policyEntry = entries.find(
    (entry) => entry.source === 'policy' && entry.config?.urlPattern === checked.value.urlPattern,
  );
  if (policyEntry) {
    return {
      ok: false,
      error: { code: 'managed', message: 'Your organisation already configures this CRM host.' },
    };
  }
  const stored = (await readSetting(services.db, 'customCrms')) ?? [];
  const others = stored.filter((config) => config.urlPattern !== checked.value.urlPattern);
  await writeSetting(services.db, 'customCrms', [...others, checked.value]);
  return syncAndView(effects);
}

/** Removes a rep's custom CRM host: the loader stops running there and an unneeded permission is given back. */
export async function removeCustomCrm(
  services: BackgroundServices,
  effects: HandlerEffects,
  urlPattern: string,
): Promise<CustomCrmsResponse> {
  const stored = (await readSetting(services.db, 'customCrms')) ?? [];
  const removed = stored.find((config) => config.urlPattern === urlPattern);
  if (!removed) {
    const managed = (await services.readCustomCrms()).entries.some(
      (entry) => entry.source === 'policy' && entry.config?.urlPattern === urlPattern,
    );
    return {
      ok: false,
      error: managed
        ? {
            code: 'managed',
            message: 'Your organisation configures this CRM host; it cannot be removed here.',
          }
        : { code: 'not-found', message: 'That custom CRM host is not configured.' },
    };
  }
  await writeSetting(
    services.db,
    'customCrms',
    stored.filter((config) => config !== removed),
  );
  const response = await syncAndView(effects);
  const pattern = checkRepCustomCrm(removed);
  if (pattern.ok) await effects.crmHosts.releaseHost(pattern.matchPattern);
  return response;
}

/** Re-syncs the loader registrations (after the options page got a permission) and returns the hosts. */
export async function syncAndView(effects: HandlerEffects): Promise<CustomCrmsResponse> {
  const views = toCustomCrmViews(await effects.crmHosts.sync());
  await effects.announceStateChange();
  return { ok: true, value: views };
}

/** The extension pages' requests about custom CRM hosts. */
export const crmHostHandlers: HandlerSlice<
  typeof MessageType.addCustomCrm | typeof MessageType.removeCustomCrm | typeof MessageType.syncCustomCrms
> = {
  [MessageType.addCustomCrm]: (request, { services, effects }) => addCustomCrm(services, effects, request),
  [MessageType.removeCustomCrm]: ({ urlPattern }, { services, effects }) =>
    removeCustomCrm(services, effects, urlPattern),
  [MessageType.syncCustomCrms]: (_request, { effects }) => syncAndView(effects),
};
