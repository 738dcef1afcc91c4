/**
 * Data-safety benchmark: `npx tsx scripts/data-bench.ts [scores]` (default 100,000).
 *
 * Runs in Node on fake-indexeddb (an in-memory IndexedDB written in JavaScript), not in a browser:
 * the figures include fake-indexeddb's own cost and are a guide to the code's cost, not the time a
 * rep waits in Chrome. Scores are realistic MEDDPICC records (8 criteria, evidence text, a Lightning
 * deal snapshot), all by one rater so that "Export my scores" exports every one of them.
 *
 * Measures: "Export my scores" as bundle JSON (read + checksum + serialise), backup (read every
 * table + checksum + serialise), restore into an empty database (verify + one write transaction),
 * and restoring the same backup again (verify + compare, nothing written). Prints a table.
 */
import '../lib/zod-jitless';
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../lib/audit/seeded-random';
import { createBackup } from '../lib/db/backup';
import { exportScoresBundle } from '../lib/db/export-scores';
import { restoreBackup } from '../lib/db/restore';
import { YardstickDatabase } from '../lib/db/yardstick-database';
import { hashDefinitions } from '../lib/definitions/content-hash';
import { parseDefinitions } from '../lib/definitions/parse-definitions';
import type { Definitions } from '../lib/definitions/schema-v1';
import { readBackup } from '../lib/exchange/read-backup';
import { bundleToJson } from '../lib/exchange/write-bundle';
import { computeScore } from '../lib/scoring/compute-score';
import type { ScoreRecord } from '../lib/scoring/score-record';

const here = path.dirname(fileURLToPath(import.meta.url));
const RATER = 'dana.whitfield@acme.example';
const EVIDENCE = [
  'CFO confirmed the 18% churn reduction target in the 12 May call; numbers in the shared sheet.',
  'Champion set up the meeting with procurement herself and shared the org chart.',
  'Security review scheduled for next week; legal has our MSA redlines.',
  'They named two competitors and their shortlist criteria in writing.',
  'Economic buyer (VP Ops) attended the demo and asked about rollout timing.',
  'Pain: manual reconciliation costs the team 3 FTE; said so on the discovery call.',
];

/** Deterministic realistic score records against `definitions`. */
export function generateScores(definitions: Definitions, hash: string, count: number): ScoreRecord[] {
  const random = seededRandom(count);
  const start = Date.UTC(2024, 0, 1);
  const scores: ScoreRecord[] = [];
  for (let i = 0; i < count; i++) {
    const recordId = `006Dn${String(i % 5000).padStart(10, '0')}AAA`;
    const dealKey = `salesforce-lightning:acme:${recordId}`;
    const answers = definitions.criteria.map((criterion) => {
      const r = random();
      const level = r < 0.1 ? null : criterion.levels[Math.floor(random() * criterion.levels.length)]!.value;
      return {
        criterionId: criterion.id,
        level,
        evidence: level === null ? '' : EVIDENCE[Math.floor(random() * EVIDENCE.length)]!,
      };
    });
    const result = computeScore(definitions, answers);
    const savedAt = new Date(start + i * 60_000).toISOString();
    scores.push({
      id: uuidFor(i),
      dealKey,
      rater: RATER,
      context: 'deal',
      deal: {
        crm: 'salesforce-lightning',
        instance: 'acme',
        recordId,
        dealKey,
        url: `https://acme.lightning.force.com/lightning/r/Opportunity/${recordId}/view`,
        name: { text: `Globex — Data Platform ${i % 5000}`, strategy: 'highlights.primaryField' },
        stage: { text: 'Proposal/Price Quote', strategy: 'path.current' },
        amount: {
          text: 'USD 1,250,000.00',
          strategy: 'highlights.item:Amount',
          value: 1_250_000,
          currency: 'USD',
        },
        closeDate: { text: '1/31/2027', strategy: 'highlights.item:Close Date', iso: '2027-01-31' },
        owner: { text: 'Dana Whitfield', strategy: 'details.Owner' },
        readAt: savedAt,
      },
      definitions: { id: definitions.id, version: definitions.version, hash },
      answers,
      total: result.total,
      ceiling: result.ceiling,
      band: { id: result.band.id, label: result.band.label },
      savedAt,
    });
  }
  return scores;
}

function uuidFor(i: number): string {
  return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
}

interface Timing {
  label: string;
  wallMs: number;
  cpuMs: number;
  note: string;
}

async function timed<T>(
  timings: Timing[],
  label: string,
  run: () => Promise<T>,
  note: (value: T) => string = () => '',
): Promise<T> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await run();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  timings.push({ label, wallMs, cpuMs: (used.user + used.system) / 1000, note: note(value) });
  return value;
}

const mib = (text: string) => `${(Buffer.byteLength(text) / 1024 / 1024).toFixed(1)} MiB`;

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 100_000);
  const parsed = parseDefinitions(
    readFileSync(path.join(here, '../public/definitions/meddpicc.json'), 'utf8'),
  );
  if (!parsed.ok) throw new Error(parsed.error.summary);
  const definitions = parsed.value;
  const hash = await hashDefinitions(definitions);
  const now = new Date('2026-11-22T12:00:00Z');
  const timings: Timing[] = [];

  const source = new YardstickDatabase('bench-source');
  await timed(
    timings,
    'seed the database (setup, not measured work)',
    async () => {
      const scores = generateScores(definitions, hash, count);
      await source.transaction('rw', source.scores, source.definitionsVersions, source.settings, async () => {
        await source.definitionsVersions.add({
          hash,
          id: definitions.id,
          version: definitions.version,
          definitions,
          source: 'built-in',
          firstSeenAt: now.toISOString(),
        });
        await source.settings.bulkAdd([
          { key: 'rater', value: RATER },
          { key: 'activeDefinitionsHash', value: hash },
        ]);
        await source.scores.bulkAdd(scores);
      });
    },
    () => `${count.toLocaleString('en-US')} scores`,
  );

  // Each step drops what it made before the next, so one step's garbage does not slow the next.
  await timed(
    timings,
    'export my scores: bundle JSON',
    async () => bundleToJson((await exportScoresBundle(source, RATER, now)).bundle),
    mib,
  );
  let backup: string | null = await timed(
    timings,
    'back up: whole database',
    () => createBackup(source, now),
    mib,
  );
  source.close();
  await source.delete();

  await timed(
    timings,
    '  restore step 1 alone: verify the file',
    () => readBackup('backup.json', backup!),
    (read) => (read.ok ? 'valid' : read.error.summary),
  );
  const target = new YardstickDatabase('bench-target');
  const first = await timed(timings, 'restore into an empty database', () =>
    restoreBackup(target, backup!, now),
  );
  if (!first.ok) throw new Error(first.error.summary);
  timings.at(-1)!.note = `${first.value.scores.added.toLocaleString('en-US')} added`;
  const again = await timed(timings, 'restore the same backup again', () =>
    restoreBackup(target, backup!, now),
  );
  if (!again.ok) throw new Error(again.error.summary);
  timings.at(-1)!.note = `${again.value.scores.unchanged.toLocaleString('en-US')} unchanged, none written`;
  backup = null;
  const restoredCount = await target.scores.count();

  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  console.log(
    `Yardstick data bench: ${count.toLocaleString('en-US')} MEDDPICC scores; Node ${process.version} on fake-indexeddb (in-memory IndexedDB in JavaScript, not a browser)`,
  );
  console.log(`${'step'.padEnd(46)} ${'wall'.padStart(9)} ${'CPU'.padStart(9)}  note`);
  for (const t of timings) {
    console.log(
      `${t.label.padEnd(46)} ${seconds(t.wallMs).padStart(9)} ${seconds(t.cpuMs).padStart(9)}  ${t.note}`,
    );
  }
  console.log(
    `scores in the restored database: ${restoredCount.toLocaleString('en-US')}; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} CPUs`,
  );
  if (restoredCount !== count) throw new Error('restore lost scores');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
