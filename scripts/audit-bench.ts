/**
 * Audit benchmark: `npx tsx scripts/audit-bench.ts [rows...]` (default 10k, 100k, 1M score rows).
 * A "score row" is one rating of one criterion by one rater at one moment: a line of the ratings
 * CSV (8 criteria per score). Each size runs in its own process so that peak memory is its own.
 * Prints generation time, the full audit's time (α with 1000 bootstrap replicates, κ, ICC, bias,
 * drift, predictive validity, slices) and the CSV import time, with peak RSS.
 */
import '../lib/zod-jitless';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AuditOutcome, AuditScore } from '../lib/audit/audit-input';
import { runAudit } from '../lib/audit/run-audit';
import { seededRandom } from '../lib/audit/seeded-random';
import { mergeImports } from '../lib/exchange/merge-imports';
import { readRatingsCsv } from '../lib/exchange/read-ratings-csv';

const CRITERIA = [
  'metrics',
  'economic_buyer',
  'decision_criteria',
  'decision_process',
  'paper_process',
  'pain',
  'champion',
  'competition',
];
const RATERS = 50;
const RATERS_PER_DEAL = 4;
const SCORES_PER_RATER_AND_DEAL = 1.25;

/** Deterministic synthetic data with `rows` score rows: agreement, bias, outcomes and segments. */
export function generate(rows: number): { scores: AuditScore[]; outcomes: AuditOutcome[] } {
  const random = seededRandom(rows);
  const scoresWanted = Math.round(rows / CRITERIA.length);
  const deals = Math.max(1, Math.round(scoresWanted / (RATERS_PER_DEAL * SCORES_PER_RATER_AND_DEAL)));
  const scores: AuditScore[] = [];
  const outcomes: AuditOutcome[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let d = 0; scores.length < scoresWanted; d = (d + 1) % deals) {
    const truth = CRITERIA.map(() => Math.floor(random() * 4));
    const first = Math.floor(random() * RATERS);
    for (let k = 0; k < RATERS_PER_DEAL && scores.length < scoresWanted; k++) {
      const rater = (first + k * 7) % RATERS;
      const versions = random() < SCORES_PER_RATER_AND_DEAL - 1 ? 2 : 1;
      for (let v = 0; v < versions && scores.length < scoresWanted; v++) {
        const answers = CRITERIA.map((criterion, c) => {
          const r = random();
          const level = r < 0.08 ? null : r < 0.78 ? truth[c]! : Math.floor(random() * 4);
          return {
            criterion,
            level: level === null ? null : Math.min(3, level + (rater % 10 === 0 ? 1 : 0)),
          };
        });
        const known = answers.filter((a) => a.level !== null);
        scores.push({
          id: `s${scores.length}`,
          deal: `deal-${d}`,
          rater: `rater-${rater}`,
          context: 'deal',
          scoredAt: start + Math.floor(random() * 180) * 86_400_000 + scores.length * 1000,
          definitionsVersion: random() < 0.7 ? 'meddpicc@2' : 'meddpicc@1',
          total: (100 * known.reduce((sum, a) => sum + a.level!, 0)) / (3 * CRITERIA.length),
          answers,
        });
      }
    }
    if (scores.length >= scoresWanted) break;
  }
  for (let d = 0; d < deals; d += 2) {
    const quality = d % 4;
    outcomes.push({
      deal: `deal-${d}`,
      won: random() < 0.2 + 0.2 * quality,
      segments: {
        region: ['amer', 'emea', 'apac', 'latam'][d % 4]!,
        lead_source: ['inbound', 'outbound', 'partner'][d % 3]!,
      },
    });
  }
  return { scores, outcomes };
}

function toCsv(scores: readonly AuditScore[]): string {
  const lines = ['deal,rater,criterion,level,scored_at,definitions_version'];
  for (const s of scores) {
    const at = new Date(s.scoredAt!).toISOString();
    for (const a of s.answers)
      lines.push(`${s.deal},${s.rater},${a.criterion},${a.level ?? ''},${at},${s.definitionsVersion}`);
  }
  return `${lines.join('\n')}\n`;
}

function measureOne(rows: number): Record<string, number> {
  let t = performance.now();
  const { scores, outcomes } = generate(rows);
  const generateMs = performance.now() - t;
  t = performance.now();
  const report = runAudit({ scores, outcomes, criteria: CRITERIA }, { asOf: Date.UTC(2024, 6, 1) });
  const auditMs = performance.now() - t;
  if (report.counts.ratings !== scores.length * CRITERIA.length) throw new Error('row count mismatch');
  const auditRss = process.resourceUsage().maxRSS / 1024;
  const csv = toCsv(scores);
  t = performance.now();
  const read = readRatingsCsv('bench.csv', csv);
  if (!read.ok) throw new Error(read.error.summary);
  const merged = mergeImports([{ kind: 'ratings', file: 'bench.csv', rows: read.value }]);
  if (!merged.ok) throw new Error('merge failed');
  const importMs = performance.now() - t;
  return {
    rows: scores.length * CRITERIA.length,
    scores: scores.length,
    deals: new Set(scores.map((s) => s.deal)).size,
    generateMs,
    auditMs,
    auditPeakRssMb: auditRss,
    csvImportMs: importMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
}

const here = fileURLToPath(import.meta.url);
if (process.argv[1] === here) {
  const single = process.argv.indexOf('--one');
  if (single >= 0) {
    console.log(JSON.stringify(measureOne(Number(process.argv[single + 1]))));
  } else {
    const sizes = process.argv
      .slice(2)
      .map(Number)
      .filter((n) => n > 0);
    const results = (sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000]).map((rows) => {
      const child = spawnSync(process.execPath, [...process.execArgv, here, '--one', String(rows)], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      if (child.status !== 0) throw new Error(child.stderr);
      return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
    });
    const f = (n: number, d = 0) => n.toFixed(d);
    console.log(
      '| score rows | scores | deals | audit (ms) | ms per 1k rows | peak RSS after audit (MB) | CSV import (ms) | peak RSS (MB) |',
    );
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of results) {
      console.log(
        `| ${r.rows} | ${r.scores} | ${r.deals} | ${f(r.auditMs!)} | ${f((1000 * r.auditMs!) / r.rows!, 3)} | ${f(r.auditPeakRssMb!)} | ${f(r.csvImportMs!)} | ${f(r.peakRssMb!)} |`,
      );
    }
  }
}
