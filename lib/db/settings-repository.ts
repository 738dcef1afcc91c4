import type { LocalDefinitionsSource } from '../definitions/definitions-config';
import type { DefinitionsError } from '../definitions/definitions-problem';
import type { SyncState } from '../definitions/sync-state';
import type { GenericAdapterConfig } from '../crm/generic-adapter';

export type { SyncState } from '../definitions/sync-state';
import type { YardstickDatabase } from './yardstick-database';

/** The last failed attempt to load definitions, kept until a later attempt succeeds. */
export interface DefinitionsFailure {
  at: string;
  source: string;
  error: DefinitionsError;
}

/** Settings with their types; absent keys read as `undefined`. */
export interface Settings {
  rater: string;
  activeDefinitionsHash: string;
  lastDefinitionsFailure: DefinitionsFailure | null;
  lastDefinitionsChangeAt: string;
  definitionsSource: LocalDefinitionsSource;
  syncIntervalMinutes: number;
  syncState: SyncState;
  /** Custom CRM hosts the rep added in options (policy ones are read from policy, never stored). */
  customCrms: GenericAdapterConfig[];
  /** `manager`: scores saved in this browser are validating ratings. */
  role: 'rep' | 'manager';
  /** An amount change larger than this percentage of the scored amount makes a score stale. */
  staleAmountChangePercent: number;
  /** The rep's own choice to write scores to the Salesforce org (policy `orgSync` beats it). */
  orgSync: boolean;
}

/** Reads one setting. */
export async function readSetting<K extends keyof Settings>(
  db: YardstickDatabase,
  key: K,
): Promise<Settings[K] | undefined> {
  const row = await db.settings.get(key);
  return row?.value as Settings[K] | undefined;
}

/** Writes one setting. */
export async function writeSetting<K extends keyof Settings>(
  db: YardstickDatabase,
  key: K,
  value: Settings[K],
): Promise<void> {
  await db.settings.put({ key, value });
}
