import type Dexie from 'dexie';

/** One shipped version of the database schema, with the upgrade that brings data to it. */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: Parameters<ReturnType<Dexie['version']>['upgrade']>[0];
}

/**
 * Every schema version ever shipped, oldest first. Never edit a shipped entry: add a new one with
 * an upgrade step, a fixture in tests/fixtures/db/, and the migration test picks it up.
 */
export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      scores: '&id, dealKey, [dealKey+savedAt], savedAt, rater, definitions.hash',
      definitionsVersions: '&hash, [id+version], firstSeenAt',
      settings: '&key',
    },
  },
  {
    // Org sync: one outbox row per score bound for a Salesforce org, and each org's sync status.
    version: 2,
    stores: {
      orgOutbox: '&scoreId, state, [apiOrigin+state]',
      orgSyncStatus: '&apiOrigin',
    },
  },
  {
    // The drain reads its next batch of due scores through this index (waiting rows only: the others
    // have no nextAttemptAt), so it never loads a whole outbox, and saves never wait behind it.
    version: 3,
    stores: {
      orgOutbox: '&scoreId, state, [apiOrigin+state], [apiOrigin+state+entry.nextAttemptAt]',
    },
  },
];

/** Declares the given schema versions on a Dexie instance. */
export function declareSchemaVersions(db: Dexie, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): void {
  for (const { version, stores, upgrade } of versions) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
}
