import Dexie, { type EntityTable } from 'dexie';
import type { Definitions } from '../definitions/schema-v1';
import type { OrgOutboxRow, OrgSyncStatusRow } from '../org/salesforce/outbox-rows';
import type { ScoreRecord } from '../scoring/score-record';
import { declareSchemaVersions } from './schema-versions';

/** One distinct definitions content ever seen, kept so old scores can be shown against it. */
export interface DefinitionsVersionRow {
  hash: string;
  id: string;
  version: string;
  definitions: Definitions;
  /** Where it came from: `built-in`, `file:<name>` or a URL. */
  source: string;
  firstSeenAt: string;
}

/** A settings entry; values are plain JSON. */
export interface SettingRow {
  key: string;
  value: unknown;
}

/** The extension-origin database. Only the background and extension pages open it. */
export class YardstickDatabase extends Dexie {
  scores!: EntityTable<ScoreRecord, 'id'>;
  definitionsVersions!: EntityTable<DefinitionsVersionRow, 'hash'>;
  settings!: EntityTable<SettingRow, 'key'>;
  /** Scores on their way to a Salesforce org (schema version 2). */
  orgOutbox!: EntityTable<OrgOutboxRow, 'scoreId'>;
  orgSyncStatus!: EntityTable<OrgSyncStatusRow, 'apiOrigin'>;

  constructor(name = 'yardstick') {
    super(name);
    declareSchemaVersions(this);
  }
}
