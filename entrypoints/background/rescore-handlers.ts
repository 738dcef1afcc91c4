import { readDefinitionsVersion } from '../../lib/db/definitions-repository';
import { readDealHistory } from '../../lib/db/score-repository';
import type { Definitions } from '../../lib/definitions/schema-v1';
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

/** The recently opened deals whose latest score was made under definitions that score differently from the active ones. */
export async function listDealsToRescore(
  services: BackgroundServices,
  store: LocalStore,
  now: Date,
): Promise<DealToRescore[]> {
  const opens = readRecentDealOpens((await store.get([RECENT_DEAL_OPENS_KEY]))[RECENT_DEAL_OPENS_KEY]);
  const active = await services.readActiveDefinitions();
  // Most deals were scored under one of a few versions: each is read once.
  const versions = new Map<string, Promise<Definitions | undefined>>();
  const definitionsByHash = (hash: string) => {
    let version = versions.get(hash);
    if (!version) {
      version = readDefinitionsVersion(services.db, hash).then((row) => row?.definitions);
      versions.set(hash, version);
    }
    return version;
  };
  const deals = await Promise.all(
    recentlyOpened(opens, now).map(async ({ dealKey, openedAt }) => {
      const { scores } = await readDealHistory(services.db, dealKey, 1);
      const latest = scores[0];
      const scoredUnder =
        latest && latest.definitions.hash !== active.hash
          ? await definitionsByHash(latest.definitions.hash)
          : undefined;
      return dealToRescore(latest, active, scoredUnder, openedAt);
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
