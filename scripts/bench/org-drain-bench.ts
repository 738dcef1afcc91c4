/**
 * Org write-back benchmark: `npm run bench:org [scores]` (default 10,000).
 *
 * Runs in Node: the background's real org-sync modules (createOrgSync, the drain, the outbox rows,
 * the REST client) on fake-indexeddb, with the Salesforce REST test server over real HTTP on
 * 127.0.0.1; only cookies, storage.session, alarms and locks are in-memory stand-ins (the unit tests'
 * harness). fake-indexeddb is an IndexedDB written in JavaScript, so times include its own cost.
 *
 * Measures: API calls and wall time to drain N waiting scores, and the save latency (recordScore, the
 * background's save with its outbox row, as deal-handlers calls it) at idle and while the drain runs.
 */
import '../../lib/zod-jitless';
import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import builtInJson from '../../public/definitions/meddpicc.json';
import { storeBuiltInDefinitions } from '../../lib/db/definitions-repository';
import { recordScore, type OrgSave } from '../../lib/db/record-score';
import { newOutboxRow } from '../../lib/org/salesforce/outbox-rows';
import { YardstickDatabase } from '../../lib/db/yardstick-database';
import { DefinitionsV1Schema, type Definitions } from '../../lib/definitions/schema-v1';
import type { DealSnapshot } from '../../lib/crm/deal-snapshot';
import type { ScoreRecord } from '../../lib/scoring/score-record';
import { createOrgSyncHarness } from '../../tests/unit/helpers/org-sync-harness';
import { TEST_SESSIONS } from '../../tests/support/salesforce-test-org';
import { startSalesforceTestServer } from '../../tests/support/salesforce-test-server';

const COUNT = Number(process.argv[2] ?? 10_000);
const API_ORIGIN = 'https://acme.my.salesforce.com';
const DEAL_URL = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000AbCdEAAV/view';
const SAVES = 40;

function deal(): DealSnapshot {
  return {
    crm: 'salesforce-lightning',
    instance: 'acme',
    recordId: '0065g00000AbCdEAAV',
    dealKey: 'salesforce-lightning:acme:0065g00000AbCdEAAV',
    url: DEAL_URL,
    name: { text: 'Globex — Data Platform Renewal', strategy: 'api' },
    stage: { text: 'Proposal/Price Quote', strategy: 'api' },
    amount: { text: 'USD 1,250,000.00', strategy: 'api', value: 1_250_000, currency: 'USD' },
    closeDate: { text: '1/31/2027', strategy: 'api', iso: '2027-01-31' },
    owner: { text: 'Dana Rep', strategy: 'api' },
    readAt: new Date().toISOString(),
  };
}

function answersFor(definitions: Definitions) {
  return definitions.criteria.map((criterion, index) => ({
    criterionId: criterion.id,
    level: index % 3 === 0 ? null : criterion.levels[index % criterion.levels.length]!.value,
    evidence: index % 3 === 0 ? '' : `Observed in the ${index + 1} Nov call: the customer named a target.`,
  }));
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function main(): Promise<void> {
  const server = await startSalesforceTestServer();
  const db = new YardstickDatabase(`org-bench-${Date.now()}`);
  const harness = createOrgSyncHarness(db, { rewriteOrigin: () => server.httpOrigin });
  // Saves are stamped with the real time, so the drain's clock is the real one too.
  Object.defineProperty(harness.clock, 'now', { get: () => Date.now() });
  harness.cookies.set(API_ORIGIN, TEST_SESSIONS[0]!.token);
  const definitions = DefinitionsV1Schema.parse(builtInJson);
  const hash = await storeBuiltInDefinitions(db, definitions, new Date());
  await harness.orgSync.dealOpened({ crm: 'salesforce-lightning', url: DEAL_URL });
  const org: OrgSave = (await harness.orgSync.saveTarget({ crm: 'salesforce-lightning', url: DEAL_URL }))!;
  const callsAfterLink = [...server.calls.values()].reduce((a, b) => a + b, 0);

  // N scores saved while offline: already in the database with their outbox rows.
  const template = await recordScore(
    db,
    {
      saveId: randomUUID(),
      deal: deal(),
      definitionsHash: hash,
      answers: answersFor(definitions),
      context: 'deal',
    },
    'dana@acme.example',
    new Date(),
    'rep',
    org,
  );
  if (!template.ok) throw new Error(template.error.message);
  const seeded = Date.now();
  for (let start = 1; start < COUNT; start += 1000) {
    const batch: ScoreRecord[] = [];
    for (let index = start; index < Math.min(COUNT, start + 1000); index++)
      batch.push({ ...template.value, id: randomUUID() });
    await db.transaction('rw', db.scores, db.orgOutbox, async () => {
      await db.scores.bulkAdd(batch);
      await db.orgOutbox.bulkAdd(batch.map((score) => newOutboxRow(score.id, org.target, new Date())));
    });
  }
  const seedMs = Date.now() - seeded;

  const save = async () => {
    const started = performance.now();
    const saved = await recordScore(
      db,
      {
        saveId: randomUUID(),
        deal: deal(),
        definitionsHash: hash,
        answers: answersFor(definitions),
        context: 'deal',
      },
      'dana@acme.example',
      new Date(),
      'rep',
      await harness.orgSync.saveTarget({ crm: 'salesforce-lightning', url: DEAL_URL }),
    );
    if (!saved.ok) throw new Error(saved.error.message);
    return performance.now() - started;
  };
  // Idle saves go in too (they wait in the outbox like the rest).
  const idle: number[] = [];
  for (let index = 0; index < SAVES; index++) idle.push(await save());

  const drainStarted = performance.now();
  let draining = true;
  const drained = harness.orgSync.drain().finally(() => {
    draining = false;
  });
  const during: number[] = [];
  while (draining && during.length < SAVES) {
    during.push(await save());
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await drained;
  // Saves made during the drain are picked up by the drain's second round.
  await harness.orgSync.drain();
  const drainMs = performance.now() - drainStarted;
  const local = await db.scores.count();
  const calls = [...server.calls.values()].reduce((a, b) => a + b, 0) - callsAfterLink;

  const rows: [string, string][] = [
    ['scores waiting at start', String(COUNT + SAVES)],
    ['scores in org after drain', `${server.scores.size} of ${local} local`],
    ['created / updated', `${server.upserts.created} / ${server.upserts.updated}`],
    [
      'API calls to drain (target ≤ 50)',
      `${calls} (${[...server.calls].map(([route, n]) => `${route} ${n}`).join(', ')}; link calls before: ${callsAfterLink})`,
    ],
    ['drain wall time', `${(drainMs / 1000).toFixed(1)} s`],
    ['seeding N scores + rows', `${(seedMs / 1000).toFixed(1)} s`],
    [
      'save latency idle (median / p95)',
      `${percentile(idle, 50).toFixed(1)} / ${percentile(idle, 95).toFixed(1)} ms`,
    ],
    [
      `save latency during drain, ${during.length} saves (median / p95)`,
      `${during.length ? percentile(during, 50).toFixed(1) : '-'} / ${during.length ? percentile(during, 95).toFixed(1) : '-'} ms`,
    ],
  ];
  console.log(`Org write-back drain, Node ${process.version}, fake-indexeddb, test server over HTTP\n`);
  for (const [label, value] of rows) console.log(`${label.padEnd(52)} ${value}`);
  db.close();
  await server.close();
}

await main();
