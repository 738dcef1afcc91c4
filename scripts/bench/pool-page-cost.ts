/**
 * Pools the page-cost loads of several bench runs (their results JSON files) and prints, per page and
 * column, the median script time and what it adds over the bare page, with a bootstrap 95% interval.
 * One run's 30 loads per column leave an interval about a millisecond wide; pooling runs narrows it.
 *
 *   npm run bench:pool -- bench-results/results-A.json bench-results/results-B.json …
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchResults } from './results';
import { median, medianDifferenceInterval, medianInterval } from './stats';

const BARE = 'bare';
const YARDSTICK = 'Yardstick';
/** The same build without page code: Yardstick minus this column is the loader's own cost. */
const NO_CONTENT_SCRIPT = 'no content script';

const files = process.argv.slice(2).filter((arg) => arg !== '--');
if (files.length === 0) {
  console.error('Usage: npm run bench:pool -- <results.json> [<results.json> …]');
  process.exit(2);
}

const runs = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as BenchResults);
const pooled = new Map<string, number[]>();
const perRun = new Map<string, number[]>();
const key = (page: string, column: string) => `${page}\u0000${column}`;
for (const run of runs) {
  for (const cell of run.pageCost) {
    const scripts = cell.samples.map((sample) => sample.scriptMs);
    pooled.set(key(cell.page, cell.column), [...(pooled.get(key(cell.page, cell.column)) ?? []), ...scripts]);
    const bare = run.pageCost.find((other) => other.page === cell.page && other.column === BARE);
    if (bare)
      perRun.set(key(cell.page, cell.column), [
        ...(perRun.get(key(cell.page, cell.column)) ?? []),
        median(scripts) - median(bare.samples.map((sample) => sample.scriptMs)),
      ]);
  }
}

const ms = (value: number) => `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
console.log(
  `Pooled page cost over ${runs.length} runs: ${files.map((file) => path.basename(file)).join(', ')}\n`,
);
console.log(
  '| Page | Column | Loads | Median script, ms | Added over bare, ms | 95% interval, ms | Each run, ms |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
const pages = [...new Set(runs.flatMap((run) => run.pageCost.map((cell) => cell.page)))];
const columns = [...new Set(runs.flatMap((run) => run.pageCost.map((cell) => cell.column)))];
for (const page of pages) {
  const bare = pooled.get(key(page, BARE)) ?? [];
  for (const column of columns) {
    const scripts = pooled.get(key(page, column));
    if (!scripts) continue;
    const isBare = column === BARE;
    const { low, high } = medianDifferenceInterval(bare, scripts);
    const added = isBare ? '' : ms(median(scripts) - median(bare));
    const interval = isBare ? '' : `${ms(low)} to ${ms(high)}`;
    const each = isBare ? '' : (perRun.get(key(page, column)) ?? []).map(ms).join(', ');
    console.log(
      `| ${page} | ${column} | ${scripts.length} | ${median(scripts).toFixed(2)} | ${added} | ${interval} | ${each} |`,
    );
  }
}

const loaderRows = pages.flatMap((page) => {
  const without = pooled.get(key(page, NO_CONTENT_SCRIPT));
  const yardstick = pooled.get(key(page, YARDSTICK));
  if (!without || !yardstick) return [];
  const { low, high } = medianDifferenceInterval(without, yardstick);
  return [
    `| ${page} | ${yardstick.length} | ${ms(median(yardstick) - median(without))} | ${ms(low)} to ${ms(high)} |`,
  ];
});
if (loaderRows.length > 0) {
  console.log(
    `\nThe loader's own cost: ${YARDSTICK} minus ${NO_CONTENT_SCRIPT}, in the runs that have both.\n`,
  );
  console.log('| Page | Loads | Added, ms | 95% interval, ms |');
  console.log('| --- | --- | --- | --- |');
  for (const row of loaderRows) console.log(row);
}

const traced = runs.flatMap((run) => run.nonDealTraces.map((trace) => trace.extensionScriptMs));
if (traced.length > 0) {
  const { low, high } = medianInterval(traced);
  console.log(
    `\nThe loader's own script on the non-deal page, traced: median ${median(traced).toFixed(2)} ms ` +
      `(95% interval ${low.toFixed(2)} to ${high.toFixed(2)} ms) over ${traced.length} loads.`,
  );
}
