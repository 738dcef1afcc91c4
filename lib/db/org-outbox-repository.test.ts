// @vitest-environment node
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OutboxEntry } from '../org/salesforce/outbox';
import type { OrgOutboxRow, OrgSyncStatusRow } from '../org/salesforce/outbox-rows';
import type { ScoreRecord } from '../scoring/score-record';
import {
  liftOutboxPause,
  markInFlight,
  OUTBOX_SLICE_SIZE,
  originsWithOpenRows,
  readDueBatch,
  readEarliestWait,
  recoverInterruptedSends,
  saveBatchOutcome,
} from './org-outbox-repository';
import { YardstickDatabase } from './yardstick-database';

const ACME = 'https://acme.my.salesforce.com';
const GLOBEX = 'https://globex.my.salesforce.com';
const NOW = Date.parse('2026-12-01T09:00:00Z');
const template = (
  JSON.parse(
    readFileSync(path.resolve(import.meta.dirname, '../../tests/fixtures/db/schema-v1.json'), 'utf8'),
  ) as { tables: { scores: ScoreRecord[] } }
).tables.scores[0]!;

let counter = 0;
let db: YardstickDatabase;
beforeEach(() => {
  db = new YardstickDatabase(`outbox-repository-${++counter}`);
});
afterEach(() => db.close());

const waiting = (scoreId: string, nextAttemptAt: number, uncertain = false): OutboxEntry => ({
  scoreId,
  state: 'waiting',
  attempts: 0,
  nextAttemptAt,
  uncertain,
  lastError: null,
});

async function put(apiOrigin: string, ...entries: OutboxEntry[]): Promise<void> {
  const rows: OrgOutboxRow[] = entries.map((entry, index) => ({
    scoreId: entry.scoreId,
    apiOrigin,
    orgId: '00D5g000004abcDEAQ',
    cookieStoreId: null,
    queuedAt: new Date(NOW - 60_000 + index).toISOString(),
    state: entry.state,
    entry,
  }));
  await db.scores.bulkAdd(entries.map((entry) => ({ ...template, id: entry.scoreId })));
  await db.orgOutbox.bulkAdd(rows);
}

const status = (apiOrigin: string, extra: Partial<OrgSyncStatusRow> = {}): OrgSyncStatusRow => ({
  apiOrigin,
  orgId: '00D5g000004abcDEAQ',
  pause: null,
  lastError: null,
  apiUsage: null,
  ...extra,
});

describe('readDueBatch', () => {
  it('reads only the org’s due waiting rows, soonest due first, at most the limit, with their scores', async () => {
    await put(
      ACME,
      waiting('late', NOW + 1),
      waiting('b', NOW - 10),
      waiting('a', NOW - 20),
      waiting('c', NOW),
    );
    await put(ACME, { scoreId: 'done', state: 'in-org', orgRecordId: 'a0X', created: true, at: NOW });
    await put(GLOBEX, waiting('other-org', NOW - 30));
    const batch = await readDueBatch(db, ACME, NOW, 2);
    expect([...batch.rows.keys()]).toEqual(['a', 'b']);
    expect([...batch.scores.keys()].sort()).toEqual(['a', 'b']);
    // The state machine sees the batch oldest saved first.
    expect(batch.state.entries.map((entry) => entry.scoreId)).toEqual(['b', 'a']);
    const all = await readDueBatch(db, ACME, NOW, 200);
    expect([...all.rows.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('carries the pause of the status row', async () => {
    await put(ACME, waiting('a', NOW));
    const pause = { reason: 'limit', until: NOW + 1, error: null } as const;
    await db.orgSyncStatus.put(status(ACME, { pause }));
    expect((await readDueBatch(db, ACME, NOW, 200)).state.pause).toEqual(pause);
  });
});

describe('the rest of the outbox’s reads and writes', () => {
  it('finds the soonest wait, and every origin with open rows', async () => {
    expect(await readEarliestWait(db, ACME)).toBeNull();
    await put(ACME, waiting('later', NOW + 5000), waiting('sooner', NOW + 1000));
    await put(GLOBEX, { scoreId: 's', state: 'sending', attempts: 1, uncertain: false });
    await put('https://initech.my.salesforce.com', {
      scoreId: 'f',
      state: 'failed',
      failure: { statusCode: 'X', message: 'no', fields: [] },
      at: NOW,
    });
    expect(await readEarliestWait(db, ACME)).toBe(NOW + 1000);
    expect(await originsWithOpenRows(db)).toEqual([ACME, GLOBEX]);
  });

  it('marks a batch in flight in the status row only, and the outcome clears it', async () => {
    await put(ACME, waiting('a', NOW), waiting('b', NOW));
    await markInFlight(db, status(ACME), ['a', 'b']);
    expect((await db.orgSyncStatus.get(ACME))?.inFlight).toEqual(['a', 'b']);
    expect((await db.orgOutbox.toArray()).map((row) => row.state)).toEqual(['waiting', 'waiting']);
    const batch = await readDueBatch(db, ACME, NOW, 200);
    const done: OutboxEntry = { scoreId: 'a', state: 'in-org', orgRecordId: 'a0X1', created: true, at: NOW };
    await saveBatchOutcome(
      db,
      batch,
      { ...batch.state, entries: [done, batch.state.entries[1]!] },
      status(ACME),
    );
    expect((await db.orgSyncStatus.get(ACME))?.inFlight).toBeNull();
    expect(await db.orgOutbox.get('a')).toMatchObject({ state: 'in-org', entry: done });
    expect((await db.orgOutbox.get('b'))?.state).toBe('waiting');
  });

  it('after a stopped worker, the batch in flight and old "sending" rows wait again, to be checked first', async () => {
    await put(ACME, waiting('flown', NOW - 5), waiting('untouched', NOW - 5), {
      scoreId: 'stuck',
      state: 'sending',
      attempts: 2,
      uncertain: false,
    });
    await db.orgSyncStatus.put(status(ACME, { inFlight: ['flown'] }));
    await recoverInterruptedSends(db, ACME, NOW);
    expect((await db.orgOutbox.get('flown'))?.entry).toEqual({
      ...waiting('flown', NOW, true),
      attempts: 1,
    });
    expect((await db.orgOutbox.get('stuck'))?.entry).toEqual({ ...waiting('stuck', NOW, true), attempts: 2 });
    expect((await db.orgOutbox.get('untouched'))?.entry).toEqual(waiting('untouched', NOW - 5));
    expect((await db.orgSyncStatus.get(ACME))?.inFlight).toBeNull();
  });

  it('"Send now" lifts the pause and makes scores in backoff due; a new session leaves the limit pause', async () => {
    await put(ACME, waiting('backoff', NOW + 60_000), waiting('due', NOW - 1));
    const pause = { reason: 'limit', until: NOW + 3_600_000, error: null } as const;
    await db.orgSyncStatus.put(status(ACME, { pause }));
    await liftOutboxPause(db, ACME, 'new-session', NOW);
    expect((await db.orgSyncStatus.get(ACME))?.pause).toEqual(pause);
    await liftOutboxPause(db, ACME, 'manual', NOW);
    expect((await db.orgSyncStatus.get(ACME))?.pause).toBeNull();
    expect((await db.orgOutbox.get('backoff'))?.entry).toEqual(waiting('backoff', NOW));
    expect((await db.orgOutbox.get('due'))?.entry).toEqual(waiting('due', NOW - 1));
  });
});

describe('a batch in slices, so a save waits behind one small transaction only', () => {
  const many = (count: number) =>
    Array.from({ length: count }, (_, index) =>
      waiting(`s${String(index).padStart(3, '0')}`, NOW - 1000 + index),
    );

  it('reads 200 due rows and their scores in slices, a turn for saves before each, in due order', async () => {
    await put(ACME, ...many(210));
    let turns = 0;
    const batch = await readDueBatch(db, ACME, NOW, 200, async () => {
      turns += 1;
      // A save landing between slices: a new score and its row, not due yet, must not join the batch.
      if (turns === 2) await put(ACME, waiting(`saved-${turns}`, NOW));
    });
    expect(turns).toBe(200 / OUTBOX_SLICE_SIZE);
    expect([...batch.rows.keys()]).toEqual(many(200).map((entry) => entry.scoreId));
    expect(batch.scores.size).toBe(200);
  });

  it('leaves out a row that stopped waiting between the key read and its slice', async () => {
    await put(ACME, ...many(60));
    const batch = await readDueBatch(db, ACME, NOW, 200, async () => {
      const row = await db.orgOutbox.get('s059');
      if (row?.state === 'waiting') await db.orgOutbox.put({ ...row, state: 'failed' });
    });
    expect(batch.rows.size).toBe(59);
    expect(batch.rows.has('s059')).toBe(false);
    expect(batch.scores.has('s059')).toBe(false);
  });

  it('writes the outcome in slices and clears the in-flight marker last', async () => {
    await put(ACME, ...many(60));
    const ids = many(60).map((entry) => entry.scoreId);
    await markInFlight(db, status(ACME), ids);
    const batch = await readDueBatch(db, ACME, NOW, 200);
    const sent = batch.state.entries.map((entry): OutboxEntry => ({
      scoreId: entry.scoreId,
      state: 'in-org',
      orgRecordId: 'a0X',
      created: true,
      at: NOW,
    }));
    const seen: { inOrg: number; inFlight: number }[] = [];
    await saveBatchOutcome(db, batch, { ...batch.state, entries: sent }, status(ACME), async () => {
      seen.push({
        inOrg: await db.orgOutbox.where('state').equals('in-org').count(),
        inFlight: (await db.orgSyncStatus.get(ACME))?.inFlight?.length ?? 0,
      });
    });
    expect(seen).toEqual([
      { inOrg: 0, inFlight: 60 },
      { inOrg: 25, inFlight: 60 },
      { inOrg: 50, inFlight: 60 },
      { inOrg: 60, inFlight: 60 },
    ]);
    expect((await db.orgSyncStatus.get(ACME))?.inFlight).toBeNull();
  });

  it('a worker stopped between outcome slices leaves only the unwritten rows to be checked with the org', async () => {
    await put(ACME, ...many(60));
    const ids = many(60).map((entry) => entry.scoreId);
    await markInFlight(db, status(ACME), ids);
    const batch = await readDueBatch(db, ACME, NOW, 200);
    const sent = batch.state.entries.map((entry): OutboxEntry => ({
      scoreId: entry.scoreId,
      state: 'in-org',
      orgRecordId: 'a0X',
      created: true,
      at: NOW,
    }));
    let turns = 0;
    const stopped = saveBatchOutcome(db, batch, { ...batch.state, entries: sent }, status(ACME), async () => {
      turns += 1;
      if (turns === 2) throw new Error('worker stopped');
    });
    await expect(stopped).rejects.toThrow('worker stopped');
    await recoverInterruptedSends(db, ACME, NOW + 1);
    const rows = await db.orgOutbox.toArray();
    expect(rows.filter((row) => row.state === 'in-org')).toHaveLength(OUTBOX_SLICE_SIZE);
    const toCheck = rows.filter((row) => row.entry.state === 'waiting' && row.entry.uncertain);
    expect(toCheck).toHaveLength(60 - OUTBOX_SLICE_SIZE);
    expect((await db.orgSyncStatus.get(ACME))?.inFlight).toBeNull();
  });
});
