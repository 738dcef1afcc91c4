import { browser } from 'wxt/browser';
import builtInDefinitionsJson from '../../public/definitions/meddpicc.json';
import { readSetting } from '../../lib/db/settings-repository';
import { storeBuiltInDefinitions } from '../../lib/db/definitions-repository';
import { syncDefinitionsFromUrl } from '../../lib/db/sync-definitions';
import { YardstickDatabase } from '../../lib/db/yardstick-database';
import { resolveDefinitionsConfig, type DefinitionsConfig } from '../../lib/definitions/definitions-config';
import { DEFAULT_FETCH_LIMITS } from '../../lib/definitions/fetch-definitions';
import { DefinitionsV1Schema } from '../../lib/definitions/schema-v1';
import type { SyncOutcome } from '../../lib/definitions/sync-state';
import { readManagedPolicy, type ManagedPolicy } from '../../lib/policy/managed-policy';
import type { RaterRole } from '../../lib/scoring/score-record';
import { DEFAULT_AMOUNT_CHANGE_SHARE } from '../../lib/scoring/staleness';
import { resolveCustomCrms, type ResolvedCustomCrms } from './custom-crm-hosts';

/** The enterprise policy as read, with the keys that were dropped for having the wrong type. */
export interface PolicyState {
  policy: ManagedPolicy;
  rejectedKeys: string[];
}

/** What the background's handlers share. */
export interface BackgroundServices {
  db: YardstickDatabase;
  /** Resolves to the built-in definitions' hash once they are stored. */
  builtInHash: Promise<string>;
  readPolicy(): Promise<PolicyState>;
  /** Definitions settings with policy applied. */
  readDefinitionsConfig(): Promise<DefinitionsConfig>;
  /** The rater every new score is recorded under: policy first, then the rep's own setting. */
  readRater(): Promise<{ rater: string | null; managed: boolean }>;
  /** Syncs from the configured URL; concurrent calls share one run. */
  syncDefinitions(): Promise<SyncOutcome>;
  /** The role new scores are recorded under: policy first, then the setting, else rep. */
  readRole(): Promise<{ role: RaterRole; managed: boolean }>;
  /** The share of the scored amount a deal's amount may move before its score is stale. */
  readStaleAmountChange(): Promise<{ percent: number; managed: boolean }>;
  /** Custom CRM hosts from policy and the rep's settings. */
  readCustomCrms(): Promise<ResolvedCustomCrms>;
}

/** Where the policy comes from; tests pass a fixed one. */
export type PolicySource = () => Promise<unknown>;

/** The browser's enterprise policy for Yardstick; `{}` when there is none or it cannot be read. */
function readBrowserPolicy(): Promise<unknown> {
  return browser.storage.managed.get().catch(() => ({}));
}

/** Opens the database, stores the built-in definitions and wires policy and sync. */
export function createBackgroundServices(
  db = new YardstickDatabase(),
  policySource: PolicySource = readBrowserPolicy,
  fetchImpl: typeof fetch = (...args) => fetch(...args),
): BackgroundServices {
  const builtIn = DefinitionsV1Schema.parse(builtInDefinitionsJson);
  const builtInHash = storeBuiltInDefinitions(db, builtIn, new Date());
  let runningSync: Promise<SyncOutcome> | null = null;

  // The first managed-storage read after a browser start can take seconds, and every handler needs
  // the policy: read it once, at once, and again only when it changes.
  let policyRead: Promise<unknown> | null = policySource();
  if (policySource === readBrowserPolicy) {
    browser.storage.managed?.onChanged?.addListener(() => {
      policyRead = null;
    });
  }
  const readPolicy = async () => readManagedPolicy(await (policyRead ??= policySource()));
  const readDefinitionsConfig = async () => {
    const [{ policy }, source, syncIntervalMinutes] = await Promise.all([
      readPolicy(),
      readSetting(db, 'definitionsSource'),
      readSetting(db, 'syncIntervalMinutes'),
    ]);
    return resolveDefinitionsConfig({ source, syncIntervalMinutes }, policy);
  };

  return {
    db,
    builtInHash,
    readPolicy,
    readDefinitionsConfig,
    async readRater() {
      const { policy } = await readPolicy();
      const managed = policy.raterId ?? policy.raterName;
      if (managed) return { rater: managed, managed: true };
      return { rater: (await readSetting(db, 'rater')) ?? null, managed: false };
    },
    async readRole() {
      const { policy } = await readPolicy();
      if (policy.role) return { role: policy.role, managed: true };
      return { role: (await readSetting(db, 'role')) ?? 'rep', managed: false };
    },
    async readStaleAmountChange() {
      const { policy } = await readPolicy();
      if (policy.staleAmountChangePercent !== undefined)
        return { percent: policy.staleAmountChangePercent, managed: true };
      const percent =
        (await readSetting(db, 'staleAmountChangePercent')) ?? DEFAULT_AMOUNT_CHANGE_SHARE * 100;
      return { percent, managed: false };
    },
    async readCustomCrms() {
      const [{ policy }, repConfigs] = await Promise.all([readPolicy(), readSetting(db, 'customCrms')]);
      return resolveCustomCrms(policy, repConfigs);
    },
    syncDefinitions() {
      runningSync ??= (async () => {
        await builtInHash;
        return syncDefinitionsFromUrl(
          db,
          await readDefinitionsConfig(),
          DEFAULT_FETCH_LIMITS,
          () => new Date(),
          fetchImpl,
        );
      })().finally(() => {
        runningSync = null;
      });
      return runningSync;
    },
  };
}
