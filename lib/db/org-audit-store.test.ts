// @vitest-environment node
import 'fake-indexeddb/auto';
import type { OrgAuditState } from '../org/salesforce/audit/load-org-audit';
import {
  forgetOrgAuditState,
  OrgAuditDatabase,
  readOrgAuditState,
  saveOrgAuditState,
} from './org-audit-store';

const ACME = 'https://acme.my.salesforce.com';
const state = (scoresSince: string, keys: string[]): OrgAuditState => ({
  formatVersion: 1,
  origin: ACME,
  apiVersion: '62.0',
  queryKey: '{}',
  scoresSince,
  dealsSince: scoresSince,
  rows: keys.map((key) => ({ Id: key, SystemModstamp: scoresSince })),
});

let counter = 0;
let db: OrgAuditDatabase;
beforeEach(() => {
  db = new OrgAuditDatabase(`org-audit-store-${++counter}`);
});
afterEach(() => db.close());

describe('org audit store', () => {
  it('has nothing before the first load', async () => {
    expect(await readOrgAuditState(db, ACME)).toBeNull();
  });

  it('replaces the previous load whole', async () => {
    await saveOrgAuditState(db, ACME, state('2026-12-01T09:00:00.000Z', ['a', 'b']), 1);
    await saveOrgAuditState(db, ACME, state('2026-12-02T09:00:00.000Z', ['a', 'b', 'c']), 2);
    const read = await readOrgAuditState(db, ACME);
    expect(read?.scoresSince).toBe('2026-12-02T09:00:00.000Z');
    expect(read?.rows.map((row) => row.Id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps each org apart and forgets one', async () => {
    await saveOrgAuditState(db, ACME, state('2026-12-01T09:00:00.000Z', ['a']), 1);
    await saveOrgAuditState(
      db,
      'https://globex.my.salesforce.com',
      { ...state('2026-12-01T09:00:00.000Z', ['z']), origin: 'https://globex.my.salesforce.com' },
      1,
    );
    await forgetOrgAuditState(db, ACME);
    expect(await readOrgAuditState(db, ACME)).toBeNull();
    expect((await readOrgAuditState(db, 'https://globex.my.salesforce.com'))?.rows).toHaveLength(1);
  });
});
