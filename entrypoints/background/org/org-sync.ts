import {
  liftOutboxPause,
  readOrgScoreStates,
  readOrgSyncSummary,
  readSyncStatuses,
} from '../../../lib/db/org-outbox-repository';
import type { OrgSave } from '../../../lib/db/record-score';
import { readSetting } from '../../../lib/db/settings-repository';
import type { YardstickDatabase } from '../../../lib/db/yardstick-database';
import type { DealSnapshot } from '../../../lib/crm/deal-snapshot';
import type { OrgSyncStatusView } from '../../../lib/messaging/org-sync-protocol';
import type { OrgSessions } from '../../../lib/org/salesforce/org-sessions';
import type { Backoff } from '../../../lib/org/salesforce/outbox';
import type { OrgScoreState } from '../../../lib/org/salesforce/outbox-rows';
import {
  apiOriginOfDeal,
  myDomainOf,
  orgAllowed,
  resolveOrgSyncConfig,
  type OrgSyncConfig,
} from '../../../lib/org/salesforce/org-sync-config';
import type { PeekedSession } from '../../../lib/org/salesforce/peek-link';
import type { ManagedPolicy } from '../../../lib/policy/managed-policy';
import { drainAllOutboxes, type OrgDrainResult } from './org-outbox-drain';

/** What org sync needs from the browser, injected so the whole of it runs in Node tests too. */
export interface OrgSyncDeps {
  db: YardstickDatabase;
  readPolicy(): Promise<ManagedPolicy>;
  sessions: OrgSessions;
  /** The session cookie's org and, once linked, its user: no network. */
  peekSession(apiOrigin: string, cookieStoreId?: string): Promise<PeekedSession | null>;
  /** Runs `drain` so that no two drains overlap, even across overlapping wake-ups (navigator.locks). */
  exclusive<T>(drain: () => Promise<T>): Promise<T>;
  /** Arms the wake-up for the earliest time an outbox wants to run; null clears it. */
  scheduleWake(at: number | null): Promise<void>;
  now(): number;
  backoff: Backoff;
  /** Told after each drain, so open sidebars and the popup show the new states. */
  onDrained?(results: OrgDrainResult[]): void;
}

/** Org sync as the background's handlers use it. */
export interface OrgSync {
  config(): Promise<OrgSyncConfig>;
  /** Where a deal's new score goes besides the local history, or null when it stays local. */
  saveTarget(deal: Pick<DealSnapshot, 'crm' | 'url'>, cookieStoreId?: string): Promise<OrgSave | null>;
  /** Runs a save; while any runs, the drain starts no transaction, so the save never queues behind one. */
  saving<T>(save: () => Promise<T>): Promise<T>;
  /** Drains now, or once more after the running drain: resolves when the outbox is quiet. */
  drain(): Promise<void>;
  /** A Salesforce deal was opened: its session may be new (lifts a session pause) and gets linked. */
  dealOpened(deal: Pick<DealSnapshot, 'crm' | 'url'>, cookieStoreId?: string): Promise<void>;
  /** The org session cookie of a host changed: a paused outbox may go on. */
  sessionChanged(cookieDomain: string): Promise<void>;
  /** The rep connected an org through the connected app: its session pause is lifted, then a drain. */
  orgConnected(apiOrigin: string): Promise<void>;
  /** The rep asked to send now: waits and pauses are lifted, then a drain. */
  sendNow(): Promise<void>;
  scoreStates(scoreIds: readonly string[]): Promise<Record<string, OrgScoreState>>;
  status(): Promise<OrgSyncStatusView>;
}

/** Creates org sync over the database and the rep's sessions. */
export function createOrgSync(deps: OrgSyncDeps): OrgSync {
  let running: Promise<void> | null = null;
  let again = false;
  const linking = new Map<string, Promise<unknown>>();
  let savesUnderWay = 0;
  const whenSettled: (() => void)[] = [];
  const savesSettled = () =>
    savesUnderWay === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenSettled.push(resolve));

  const config = async () =>
    resolveOrgSyncConfig(await deps.readPolicy(), await readSetting(deps.db, 'orgSync'));

  const drainOnce = async () => {
    const { apiLimitShare } = await config();
    const results = await deps.exclusive(() =>
      drainAllOutboxes({
        db: deps.db,
        sessions: deps.sessions,
        now: deps.now,
        backoff: deps.backoff,
        apiLimitShare: async () => apiLimitShare,
        savesSettled,
      }),
    );
    const wakes = results.flatMap((result) => (result.wakeAt === null ? [] : [result.wakeAt]));
    await deps.scheduleWake(wakes.length > 0 ? Math.min(...wakes) : null);
    deps.onDrained?.(results);
  };

  const drain = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await drainOnce();
      } while (again);
    })().finally(() => {
      running = null;
    });
    return running;
  };

  const liftPauses = async (trigger: 'new-session' | 'manual', apiOrigins: readonly string[] | null) => {
    for (const status of await readSyncStatuses(deps.db)) {
      if (apiOrigins && !apiOrigins.includes(status.apiOrigin)) continue;
      await liftOutboxPause(deps.db, status.apiOrigin, trigger, deps.now());
    }
  };

  return {
    config,
    async saving(save) {
      savesUnderWay += 1;
      try {
        return await save();
      } finally {
        savesUnderWay -= 1;
        if (savesUnderWay === 0) for (const resolve of whenSettled.splice(0)) resolve();
      }
    },
    async saveTarget(deal, cookieStoreId) {
      const settings = await config();
      const apiOrigin = apiOriginOfDeal(deal);
      if (!settings.enabled || !apiOrigin) return null;
      // A link started when the deal opened may still be on its way: the rater it verifies is worth the wait.
      await linking.get(apiOrigin);
      const session = await deps.peekSession(apiOrigin, cookieStoreId);
      if (!session || !orgAllowed(settings, session.orgId, myDomainOf(apiOrigin))) return null;
      const user = session.user?.orgId === session.orgId ? session.user : null;
      return {
        target: { apiOrigin, orgId: session.orgId, cookieStoreId: cookieStoreId ?? null },
        rater: user ? { userId: user.userId, name: user.name, orgId: user.orgId } : null,
      };
    },
    drain,
    async dealOpened(deal, cookieStoreId) {
      const settings = await config();
      const apiOrigin = apiOriginOfDeal(deal);
      if (!settings.enabled || !apiOrigin) return;
      const link = deps.sessions
        .forApiOrigin(apiOrigin, cookieStoreId)
        .finally(() => linking.delete(apiOrigin));
      linking.set(apiOrigin, link);
      if ((await link).ok) await liftPauses('new-session', [apiOrigin]);
      await drain();
    },
    async sessionChanged(cookieDomain) {
      const domain = cookieDomain.replace(/^\./, '');
      const origins = (await readSyncStatuses(deps.db))
        .map((status) => status.apiOrigin)
        .filter((origin) => new URL(origin).hostname.endsWith(domain));
      if (origins.length === 0) return;
      await liftPauses('new-session', origins);
      await drain();
    },
    async orgConnected(apiOrigin) {
      await liftPauses('new-session', [apiOrigin]);
      await drain();
    },
    async sendNow() {
      await liftPauses('manual', null);
      await drain();
    },
    scoreStates: (scoreIds) => readOrgScoreStates(deps.db, scoreIds),
    async status() {
      const [settings, summary] = await Promise.all([config(), readOrgSyncSummary(deps.db)]);
      const errors = summary.statuses
        .flatMap((status) => (status.lastError ? [{ ...status.lastError, apiOrigin: status.apiOrigin }] : []))
        .sort((a, b) => b.at.localeCompare(a.at));
      const paused = summary.statuses.find((status) => status.pause);
      return {
        enabled: settings.enabled,
        managed: settings.managed,
        waiting: summary.waiting,
        failed: summary.failed,
        inOrg: summary.inOrg,
        lastError: errors[0] ?? null,
        pause: paused?.pause
          ? {
              apiOrigin: paused.apiOrigin,
              reason: paused.pause.reason,
              message: paused.pause.error?.message ?? paused.lastError?.message ?? '',
            }
          : null,
        connectedAppAvailable: settings.connectedAppClientId !== null,
        connectOrigin:
          settings.connectedAppClientId !== null && paused?.pause?.error?.code === 'session-refused-for-api'
            ? paused.apiOrigin
            : null,
      };
    },
  };
}
