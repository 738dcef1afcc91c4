import Dexie, { type EntityTable } from 'dexie';
import type { OrgAuditState } from '../org/salesforce/audit/load-org-audit';

/** One org's last complete load for the audit page, under the origin the manager picked. */
export interface OrgAuditStateRow {
  /** The API origin the rows came from. */
  origin: string;
  state: OrgAuditState;
  /** When the load that wrote it finished (epoch ms). */
  savedAt: number;
}

/**
 * The audit page's own store (extension origin), a database apart from the rep's scores so that a
 * manager's team rows never mix with the rep's own and its schema evolves on its own.
 */
export class OrgAuditDatabase extends Dexie {
  orgAuditStates!: EntityTable<OrgAuditStateRow, 'origin'>;

  constructor(name = 'yardstick-org-audit') {
    super(name);
    this.version(1).stores({ orgAuditStates: 'origin' });
  }
}

/** The last complete load of `origin`, or null before the first one. */
export async function readOrgAuditState(db: OrgAuditDatabase, origin: string): Promise<OrgAuditState | null> {
  return (await db.orgAuditStates.get(origin))?.state ?? null;
}

/**
 * Replaces the org's state in one write, only after a load finished: a cancelled or failed load
 * never calls it, so the store keeps the previous complete load and nothing half-written.
 */
export async function saveOrgAuditState(
  db: OrgAuditDatabase,
  origin: string,
  state: OrgAuditState,
  savedAt: number,
): Promise<void> {
  await db.orgAuditStates.put({ origin, state, savedAt });
}

/** Forgets what was read from an org (the next load reads it whole). */
export async function forgetOrgAuditState(db: OrgAuditDatabase, origin: string): Promise<void> {
  await db.orgAuditStates.delete(origin);
}
