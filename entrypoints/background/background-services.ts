import { browser } from 'wxt/browser';
import builtInDefinitionsJson from '../../public/definitions/meddpicc.json';
import { readSetting } from '../../lib/db/settings-repository';
import {
  readActiveDefinitions,
  storeBuiltInDefinitions,
  type ActiveDefinitions,
} from '../../lib/db/definitions-repository';
import { syncDefinitionsFromUrl } from '../../lib/db/sync-definitions';
import { YardstickDatabase } from '../../lib/db/yardstick-database';
import { resolveDefinitionsConfig, type DefinitionsConfig } from '../../lib/definitions/definitions-config';
import { explainBlockedFetch } from '../../lib/definitions/explain-blocked-fetch';
import { DEFAULT_FETCH_LIMITS } from '../../lib/definitions/fetch-definitions';
import { DefinitionsV1Schema } from '../../lib/definitions/schema-v1';
import type { SyncOutcome } from '../../lib/definitions/sync-state';
import { readManagedPolicy, type ManagedPolicy } from '../../lib/policy/managed-policy';
import type { RaterRole } from '../../lib/scoring/score-record';
import { DEFAULT_AMOUNT_CHANGE_SHARE } from '../../lib/scoring/staleness';
import { resolveCustomCrms, type ResolvedCustomCrms } from './custom-crm-hosts';
import { createPolicyReader, type PolicySnapshotStore, type PolicySource } from './policy-reader';

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
  /** The active definitions, once the built-in ones are stored (reads started beside it do not wait). */
  readActiveDefinitions(): Promise<ActiveDefinitions>;
  /**
   * The policy. With `lastKnown`, the previous run's copy while the browser still reads it after a
   * start (see policy-reader.ts): for what is shown, never for what is written.
   */
  readPolicy(options?: PolicyReadOptions): Promise<PolicyState>;
  /** Resolves once the first policy read is done: true when the policy changed since the last run. */
  policyChangedSinceLastRun: Promise<boolean>;
  /** Definitions settings with policy applied. */
  readDefinitionsConfig(): Promise<DefinitionsConfig>;
  /** The rater every new score is recorded under: policy first, then the rep's own setting. */
  readRater(options?: PolicyReadOptions): Promise<{ rater: string | null; managed: boolean }>;
  /** Syncs from the configured URL; concurrent calls share one run. */
  syncDefinitions(): Promise<SyncOutcome>;
  /** The role new scores are recorded under: policy first, then the setting, else rep. */
  readRole(options?: PolicyReadOptions): Promise<{ role: RaterRole; managed: boolean }>;
  /** The share of the scored amount a deal's amount may move before its score is stale. */
  readStaleAmountChange(options?: PolicyReadOptions): Promise<{ percent: number; managed: boolean }>;
  /** Custom CRM hosts from policy and the rep's settings. */
  readCustomCrms(options?: PolicyReadOptions): Promise<ResolvedCustomCrms>;
}

/** How fresh a policy read must be. */
export interface PolicyReadOptions {
  /** Accept the previous run's policy while the first read after a browser start is pending. */
  lastKnown?: boolean;
}

const POLICY_SNAPSHOT_KEY = 'lastKnownManagedPolicy';

/** The previous run's policy, in the extension's storage.local. */
const storageSnapshots: PolicySnapshotStore = {
  load: async () => (await browser.storage.local.get(POLICY_SNAPSHOT_KEY))[POLICY_SNAPSHOT_KEY],
  save: (raw) => browser.storage.local.set({ [POLICY_SNAPSHOT_KEY]: raw }),
};

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
  // Chromium takes a while to open a large database after a start (docs/performance.md): start it before anything else.
  db.open().catch(() => undefined);
  const builtIn = DefinitionsV1Schema.parse(builtInDefinitionsJson);
  const builtInHash = storeBuiltInDefinitions(db, builtIn, new Date());
  let runningSync: Promise<SyncOutcome> | null = null;

  const fromBrowser = policySource === readBrowserPolicy;
  const policy = createPolicyReader(policySource, fromBrowser ? storageSnapshots : null);
  if (fromBrowser) browser.storage.managed?.onChanged?.addListener(() => policy.invalidate());
  const readPolicy = async (options: PolicyReadOptions = {}) =>
    readManagedPolicy(await (options.lastKnown ? policy.lastKnown() : policy.current()));
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
    readActiveDefinitions: async () => readActiveDefinitions(db, await builtInHash),
    readPolicy,
    policyChangedSinceLastRun: policy.differsFromSnapshot,
    readDefinitionsConfig,
    async readRater(options) {
      const { policy } = await readPolicy(options);
      const managed = policy.raterId ?? policy.raterName;
      if (managed) return { rater: managed, managed: true };
      return { rater: (await readSetting(db, 'rater')) ?? null, managed: false };
    },
    async readRole(options) {
      const { policy } = await readPolicy(options);
      if (policy.role) return { role: policy.role, managed: true };
      return { role: (await readSetting(db, 'role')) ?? 'rep', managed: false };
    },
    async readStaleAmountChange(options) {
      const { policy } = await readPolicy(options);
      if (policy.staleAmountChangePercent !== undefined)
        return { percent: policy.staleAmountChangePercent, managed: true };
      const percent =
        (await readSetting(db, 'staleAmountChangePercent')) ?? DEFAULT_AMOUNT_CHANGE_SHARE * 100;
      return { percent, managed: false };
    },
    async readCustomCrms(options) {
      const [{ policy }, repConfigs] = await Promise.all([
        readPolicy(options),
        readSetting(db, 'customCrms'),
      ]);
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
          async (url) =>
            explainBlockedFetch(
              url,
              await browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] }),
              fetchImpl,
            ),
        );
      })().finally(() => {
        runningSync = null;
      });
      return runningSync;
    },
  };
}
