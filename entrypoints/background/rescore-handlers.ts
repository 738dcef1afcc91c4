import { readDealHistory } from '../../lib/db/score-repository';
import { MessageType } from '../../lib/messaging/protocol';
import {
  dealToRescore,
  readRecentDealOpens,
  recentlyOpened,
  withDealOpened,
  type DealToRescore,
} from '../../lib/scoring/deals-to-rescore';
import type { BackgroundServices } from './background-services';
import type { HandlerSlice, LocalStore } from './handler-context';

/** The storage.local key of when the rep last opened each deal. */
export const RECENT_DEAL_OPENS_KEY = 'recentDealOpens';

/** Remembers that the rep opened a deal now, for the popup's list of deals to re-score. */
export async function rememberDealOpen(store: LocalStore, dealKey: string, now: Date): Promise<void> {
  const opens = readRecentDealOpens((await store.get([RECENT_DEAL_OPENS_KEY]))[RECENT_DEAL_OPENS_KEY]);
  await store.set({ [RECENT_DEAL_OPENS_KEY]: withDealOpened(opens, dealKey, now) });
}

/** The recently opened deals whose latest score was made under other definitions than the active ones. */
export async function listDealsToRescore(
  services: BackgroundServices,
  store: LocalStore,
  now: Date,
): Promise<DealToRescore[]> {
  const opens = readRecentDealOpens((await store.get([RECENT_DEAL_OPENS_KEY]))[RECENT_DEAL_OPENS_KEY]);
  const active = await services.readActiveDefinitions();
  const deals = await Promise.all(
    recentlyOpened(opens, now).map(async ({ dealKey, openedAt }) => {
      const { scores } = await readDealHistory(services.db, dealKey, 1);
      return dealToRescore(scores[0], active.hash, openedAt);
    }),
  );
  return deals.filter((deal): deal is DealToRescore => deal !== null);
}

/** The popup's list of deals to re-score. */
export const rescoreHandlers: HandlerSlice<typeof MessageType.listDealsToRescore> = {
  [MessageType.listDealsToRescore]: async (_request, { services, effects }) => ({
    ok: true,
    value: await listDealsToRescore(services, effects.localStore, new Date()),
  }),
};
