import { writeSetting } from '../../lib/db/settings-repository';
import { MessageType, type Response } from '../../lib/messaging/protocol';
import type { RaterRole } from '../../lib/scoring/score-record';
import type { BackgroundServices } from './background-services';
import type { HandlerEffects, HandlerSlice } from './handler-context';

/** Sets whether this browser's scores are a rep's or a manager's (validating), unless policy sets it. */
export async function setRole(
  services: BackgroundServices,
  effects: HandlerEffects,
  role: RaterRole,
): Promise<Response<typeof MessageType.setRole>> {
  if ((await services.readRole()).managed) {
    return { ok: false, error: { code: 'managed', message: 'Your organisation sets your role.' } };
  }
  await writeSetting(services.db, 'role', role);
  await effects.announceStateChange();
  return { ok: true, value: { role } };
}

/** Sets by how much a deal's amount may move before its score is stale, unless policy sets it. */
export async function setStaleAmountChange(
  services: BackgroundServices,
  effects: HandlerEffects,
  percent: number,
): Promise<Response<typeof MessageType.setStaleAmountChange>> {
  if ((await services.readStaleAmountChange()).managed) {
    return {
      ok: false,
      error: {
        code: 'managed',
        message: 'Your organisation sets when an amount change makes a score stale.',
      },
    };
  }
  await writeSetting(services.db, 'staleAmountChangePercent', percent);
  await effects.announceStateChange();
  return { ok: true, value: { percent } };
}

/** The extension pages' requests about the viewer's role and when a score goes stale. */
export const roleHandlers: HandlerSlice<
  typeof MessageType.setRole | typeof MessageType.setStaleAmountChange
> = {
  [MessageType.setRole]: ({ role }, { services, effects }) => setRole(services, effects, role),
  [MessageType.setStaleAmountChange]: ({ percent }, { services, effects }) =>
    setStaleAmountChange(services, effects, percent),
};
