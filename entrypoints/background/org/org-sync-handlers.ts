import { writeSetting } from '../../../lib/db/settings-repository';
import { MessageType } from '../../../lib/messaging/protocol';
import type { HandlerSlice } from '../handler-context';

/** The popup's and options page's org sync requests: status, the rep's switch, send now. */
export const orgSyncHandlers: HandlerSlice<
  typeof MessageType.getOrgSyncStatus | typeof MessageType.setOrgSync | typeof MessageType.sendOrgScoresNow
> = {
  [MessageType.getOrgSyncStatus]: async (_request, { effects }) => ({
    ok: true,
    value: await effects.orgSync.status(),
  }),
  [MessageType.setOrgSync]: async ({ enabled }, { services, effects }) => {
    if ((await effects.orgSync.config()).managed) {
      return {
        ok: false,
        error: {
          code: 'managed',
          message: 'Your organisation decides whether scores go to Salesforce; it cannot be changed here.',
        },
      };
    }
    await writeSetting(services.db, 'orgSync', enabled);
    await effects.announceStateChange();
    return { ok: true, value: await effects.orgSync.status() };
  },
  [MessageType.sendOrgScoresNow]: async (_request, { effects }) => {
    await effects.orgSync.sendNow();
    return { ok: true, value: await effects.orgSync.status() };
  },
};
