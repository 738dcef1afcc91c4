import { dealCostRows, whereDealTimeGoes } from './deal-cost-report';
import { fmt, signed, table } from './format';
import { largestLoader } from './sizes';
import type { PageCostCell } from './page-cost';
import type { BenchResults, Column, TargetRow } from './results';
import { median, medianDifferenceInterval, medianInterval, quantile, summarize, type Summary } from './stats';

const TARGETS = {
  nonDealScriptMs: 1,
  nonDealHeapMB: 0.5,
  dealInteractiveMs: 150,
  dealMaxTaskMs: 50,
  saveP95Ms: 30,
  switchMs: 300,
} as const;

/** The bootstrap interval of a column's median script time minus a base column's (the bare page's), over their loads. */
function scriptDeltaInterval(base: PageCostCell, column: PageCostCell): string {
  const { low, high } = medianDifferenceInterval(
    base.samples.map((sample) => sample.scriptMs),
    column.samples.map((sample) => sample.scriptMs),
  );
  return `${signed(low, 'ms')} to ${signed(high, 'ms')}`;
}
const kb = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB`;
const count = (value: number) => value.toLocaleString('en-US');

function cellOf(results: BenchResults, column: string, page: string): PageCostCell | undefined {
  return results.pageCost.find((c) => c.column === column && c.page === page);
}

function labelOf(results: BenchResults, kind: Column['kind']): string | null {
  return results.columns.find((column) => column.kind === kind)?.label ?? null;
}

function loadsWithLongTasks(cell: PageCostCell): number {
  return cell.samples.filter((sample) => sample.longTasks > 0).length;
}

/** Compares the run's figures with the targets. */
export function targetRows(results: BenchResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const bare = labelOf(results, 'bare') ?? 'bare';
  const yardstick = labelOf(results, 'yardstick') ?? 'Yardstick';
  const floor = labelOf(results, 'floor');
  const noContentScript = labelOf(results, 'no-content-script');
  const nonDeal = results.pages.find((page) => !page.isDeal);
  const deal = results.pages.find((page) => page.isDeal);

  const nonDealBare = nonDeal && cellOf(results, bare, nonDeal.id);
  const nonDealYardstick = nonDeal && cellOf(results, yardstick, nonDeal.id);
  if (nonDeal && nonDealBare && nonDealYardstick) {
    const b = nonDealBare;
    const y = nonDealYardstick;
    const f = floor ? cellOf(results, floor, nonDeal.id) : undefined;
    const n = noContentScript ? cellOf(results, noContentScript, nonDeal.id) : undefined;
    const scriptDelta = y.scriptMs - b.scriptMs;
    rows.push({
      area: `Non-deal page (${nonDeal.label}): added main-thread script`,
      target: `≤ ${TARGETS.nonDealScriptMs} ms`,
      measured:
        `${signed(scriptDelta, 'ms')} (median ${fmt(b.scriptMs)} → ${fmt(y.scriptMs)} ms, ×${fmt(y.scriptMs / b.scriptMs)}; ` +
        `95% interval ${scriptDeltaInterval(b, y)})` +
        (f
          ? `; an empty content script alone: ${signed(f.scriptMs - b.scriptMs, 'ms')} (${scriptDeltaInterval(b, f)})`
          : '') +
        (n
          ? `; the extension with no content script: ${signed(n.scriptMs - b.scriptMs, 'ms')} (${scriptDeltaInterval(b, n)}), ` +
            `so the loader's own: ${signed(y.scriptMs - n.scriptMs, 'ms')} (${scriptDeltaInterval(n, y)})`
          : ''),
      pass: scriptDelta <= TARGETS.nonDealScriptMs,
    });
    if (results.nonDealTraces.length > 0) {
      const traced = results.nonDealTraces.map((trace) => trace.extensionScriptMs);
      const { low, high } = medianInterval(traced);
      rows.push({
        area: `Non-deal page (${nonDeal.label}): the loader's own main-thread script, traced`,
        target: `≤ ${TARGETS.nonDealScriptMs} ms`,
        measured:
          `median ${fmt(median(traced), 'ms')} (95% interval ${fmt(low)} to ${fmt(high)} ms; ` +
          `p90 ${fmt(quantile(traced, 0.9), 'ms')}; ${traced.length} loads): every chrome-extension:// script event on the page's main thread`,
        pass: median(traced) <= TARGETS.nonDealScriptMs,
      });
    }
    rows.push({
      area: `Non-deal page (${nonDeal.label}): long tasks added`,
      target: 'none',
      measured:
        `loads with a long task: ${loadsWithLongTasks(y)}/${y.runs} (bare ${loadsWithLongTasks(b)}/${b.runs}); ` +
        `longest ${fmt(y.maxLongTaskMs, 'ms')}`,
      pass: loadsWithLongTasks(y) <= loadsWithLongTasks(b),
    });
    const heapDelta = y.heapMB - b.heapMB;
    rows.push({
      area: `Non-deal page (${nonDeal.label}): added JS heap`,
      target: `≤ ${TARGETS.nonDealHeapMB} MB`,
      measured:
        `${signed(heapDelta, 'MB')} (${fmt(b.heapMB)} → ${fmt(y.heapMB)} MB)` +
        (f ? `; an empty content script alone: ${signed(f.heapMB - b.heapMB, 'MB')}` : ''),
      pass: heapDelta <= TARGETS.nonDealHeapMB,
    });
  }

  rows.push(...dealCostRows(results));
  if (results.firstOpensAfterRestart.length > 0) {
    const restarts = results.firstOpensAfterRestart.map((sample) => sample.readyAfterHeader);
    rows.push({
      area: 'Deal page: first deal opened after a browser restart, interactive after the header',
      target: `≤ ${TARGETS.dealInteractiveMs} ms`,
      measured: restartFigures(restarts),
      pass: median(restarts) <= TARGETS.dealInteractiveMs,
    });
  }
  if (results.firstOpen) {
    rows.push({
      area: 'Deal page: first deal opened on a new install (fresh profile), interactive after the header',
      target: `≤ ${TARGETS.dealInteractiveMs} ms`,
      measured: `${fmt(results.firstOpen.readyAfterHeader, 'ms')} (one sample per run)`,
      pass: results.firstOpen.readyAfterHeader <= TARGETS.dealInteractiveMs,
    });
  }
  for (const variant of results.dealOpen) {
    const ready = summarize(variant.samples.map((s) => s.readyAfterHeader));
    rows.push({
      area: `Deal page: sidebar interactive after the header is present (${variant.label})`,
      target: `≤ ${TARGETS.dealInteractiveMs} ms`,
      measured: `median ${fmt(ready.median, 'ms')}, p95 ${fmt(ready.p95, 'ms')} (n=${ready.n})`,
      pass: ready.median <= TARGETS.dealInteractiveMs,
    });
  }
  const dealYardstick = deal && cellOf(results, yardstick, deal.id);
  if (dealYardstick) {
    const y = dealYardstick;
    const traced = results.traces.map((t) => t.maxTaskMs);
    const tracedMax = traced.length ? Math.max(...traced) : Number.NaN;
    const extensionMax = Math.max(0, ...results.traces.map((t) => t.maxExtensionTaskMs));
    rows.push({
      area: 'Deal page: longest main-thread task',
      target: `≤ ${TARGETS.dealMaxTaskMs} ms`,
      measured:
        `traced: longest ${fmt(tracedMax, 'ms')} (running Yardstick's script: ${fmt(extensionMax, 'ms')}, ` +
        `${traced.length} loads); long-task observer: ${loadsWithLongTasks(y)}/${y.runs} loads with a task > 50 ms` +
        (y.maxLongTaskMs > 0 ? ` (longest ${fmt(y.maxLongTaskMs, 'ms')})` : ''),
      pass: (traced.length === 0 || tracedMax <= TARGETS.dealMaxTaskMs) && loadsWithLongTasks(y) === 0,
    });
  }

  const ack = summarize(results.saves.samples.map((s) => s.ackMs));
  const failed = results.saves.failures.length;
  rows.push({
    area: `Save: click → committed in IndexedDB and "Saved at" shown (${ack.n} saves)`,
    target: `p95 ≤ ${TARGETS.saveP95Ms} ms`,
    measured:
      `p50 ${fmt(ack.median, 'ms')}, p95 ${fmt(ack.p95, 'ms')}, max ${fmt(ack.max, 'ms')}` +
      (failed ? `; ${failed} saves never acknowledged` : ''),
    pass: ack.p95 <= TARGETS.saveP95Ms && failed === 0,
  });

  const shown = summarize(results.switches.map((s) => s.shownAfterHeaderMs));
  rows.push({
    area: 'SPA switch: new deal shown after the location change, once its header exists',
    target: `≤ ${TARGETS.switchMs} ms`,
    measured: `median ${fmt(shown.median, 'ms')}, max ${fmt(shown.max, 'ms')} (n=${shown.n})`,
    pass: shown.median <= TARGETS.switchMs,
  });

  const loader = largestLoader(results.sizes);
  if (loader) {
    rows.push({
      area: `Size: the largest loader (${loader.file}), gzip`,
      target: `≤ ${kb(results.loaderBudgetBytes)} ("a few KB")`,
      measured: `${kb(loader.gzip)} gzip (${kb(loader.raw)} raw)`,
      pass: loader.gzip <= results.loaderBudgetBytes,
    });
  }

  for (const scale of results.scaling) {
    const where = `${count(scale.storedScores)} scores stored, ${count(scale.storedDealScores)} on the deal`;
    const saves = summarize(scale.saves.map((s) => s.ackMs));
    rows.push({
      area: `Scaling (${where}): save`,
      target: `p95 ≤ ${TARGETS.saveP95Ms} ms`,
      measured:
        `p50 ${fmt(saves.median, 'ms')}, p95 ${fmt(saves.p95, 'ms')} (${saves.n} saves)` +
        (scale.saveFailures.length ? `; ${scale.saveFailures.length} saves never acknowledged` : ''),
      pass: saves.p95 <= TARGETS.saveP95Ms && scale.saveFailures.length === 0,
    });
    const opens = summarize(scale.opens.map((s) => s.readyAfterHeader));
    rows.push({
      area: `Scaling (${where}): sidebar interactive after the header`,
      target: `≤ ${TARGETS.dealInteractiveMs} ms`,
      measured: `median ${fmt(opens.median, 'ms')}, p95 ${fmt(opens.p95, 'ms')} (n=${opens.n})`,
      pass: opens.median <= TARGETS.dealInteractiveMs,
    });
    const stopped = summarize(scale.workerStoppedOpens.map((s) => s.readyAfterHeader));
    rows.push({
      area: `Scaling (${where}): interactive after the header, service worker stopped first`,
      target: `≤ ${TARGETS.dealInteractiveMs} ms`,
      measured: `median ${fmt(stopped.median, 'ms')}, p95 ${fmt(stopped.p95, 'ms')} (n=${stopped.n})`,
      pass: stopped.median <= TARGETS.dealInteractiveMs,
    });
    rows.push({
      area: `Scaling (${where}): first deal opened after a browser restart`,
      target: `≤ ${TARGETS.dealInteractiveMs} ms`,
      measured: `${restartFigures(scale.restartOpens.map((sample) => sample.readyAfterHeader))} after the header`,
      pass: median(scale.restartOpens.map((sample) => sample.readyAfterHeader)) <= TARGETS.dealInteractiveMs,
    });
  }
  return rows;
}

/** A median over restarts with every sample, e.g. `median 92.1 ms (81.0, 92.1, 140.2; 3 restarts)`. */
function restartFigures(samples: number[]): string {
  const each = [...samples]
    .sort((a, b) => a - b)
    .map((ms) => fmt(ms))
    .join(', ');
  return `median ${fmt(median(samples), 'ms')} (${each}; ${samples.length} ${samples.length === 1 ? 'restart' : 'restarts'})`;
}

const verdict = (pass: boolean | null) => (pass === null ? '—' : pass ? 'met' : '**missed**');

function summaryCells(s: Summary): string[] {
  return [fmt(s.median), fmt(s.p95), fmt(s.max)];
}

/** The targets table as Markdown. */
export function targetsTable(rows: TargetRow[]): string {
  return table(
    ['What', 'Target', 'Measured', 'Verdict'],
    rows.map((row) => [row.area, row.target, row.measured, verdict(row.pass)]),
  );
}

function pageCostTables(results: BenchResults): string {
  const bare = labelOf(results, 'bare') ?? 'bare';
  const metrics: { name: string; pick: (cell: PageCostCell) => number; unit: string }[] = [
    { name: 'Script (ScriptDuration), ms', pick: (c) => c.scriptMs, unit: 'ms' },
    { name: 'All main-thread tasks (TaskDuration), ms', pick: (c) => c.taskMs, unit: 'ms' },
    { name: 'JS heap after GC, MB', pick: (c) => c.heapMB, unit: 'MB' },
    { name: 'Long tasks per load', pick: (c) => c.longTasks, unit: '' },
    { name: 'Long-task time per load, ms', pick: (c) => c.longTaskMs, unit: 'ms' },
    { name: 'Longest long task in any load, ms', pick: (c) => c.maxLongTaskMs, unit: 'ms' },
    { name: 'Load event end, ms', pick: (c) => c.loadMs, unit: 'ms' },
  ];
  return results.pages
    .map((page) => {
      const base = cellOf(results, bare, page.id);
      if (!base) return `#### ${page.label}\n\n_Not measured._`;
      const header = ['Median of ' + base.runs + ' loads', ...results.columns.map((c) => c.label)];
      const rows = metrics.map((metric) => [
        metric.name,
        ...results.columns.map((column) => {
          const cell = cellOf(results, column.label, page.id);
          if (!cell) return 'n/a';
          const value = metric.pick(cell);
          if (column.label === bare) return fmt(value);
          const baseValue = metric.pick(base);
          const ratio = baseValue > 0 ? ` ×${fmt(value / baseValue)}` : '';
          return `${fmt(value)} (${signed(value - baseValue, '')}${ratio})`;
        }),
      ]);
      const kind = page.isDeal ? 'a deal' : 'not a deal';
      return `#### ${page.label} (${kind}) — \`${page.path}\`\n\n${table(header, rows)}`;
    })
    .join('\n\n');
}

function dealOpenTable(results: BenchResults): string {
  const variants = [
    ...(results.firstOpen
      ? [{ label: 'first deal on a new install, fresh profile (1 load)', samples: [results.firstOpen] }]
      : []),
    ...(results.firstOpensAfterRestart.length > 0
      ? [
          {
            label: `first deal after a browser restart (${results.firstOpensAfterRestart.length} restarts)`,
            samples: results.firstOpensAfterRestart,
          },
        ]
      : []),
    ...results.dealOpen,
  ];
  const rows = variants.map((variant) => {
    const s = (pick: (x: (typeof variant.samples)[number]) => number) => summarize(variant.samples.map(pick));
    const ready = s((x) => x.readyAfterHeader);
    return [
      variant.label,
      fmt(s((x) => x.header).median),
      fmt(s((x) => x.host).median),
      fmt(s((x) => x.radios).median),
      fmt(s((x) => x.named).median),
      fmt(s((x) => x.ready).median),
      ...summaryCells(ready),
    ];
  });
  const traces = results.traces
    .map(
      (trace, index) =>
        `load ${index + 1}: ${trace.longestTasksMs
          .slice(0, 5)
          .map((ms) => fmt(ms))
          .join(', ')}` + (trace.longestTaskCulprit ? ` (longest: ${trace.longestTaskCulprit})` : ''),
    )
    .join('; ');
  const extensionScript = results.traces.map((trace) => fmt(trace.extensionScriptMs)).join(', ');
  return (
    table(
      [
        'Header timing',
        'Header present',
        'Sidebar host',
        'Radios',
        'Name shown',
        'Interactive',
        'Interactive − header: median',
        'p95',
        'max',
      ],
      rows,
    ) +
    '\n\nMilestones are medians in ms since navigation start. Longest main-thread tasks of the traced loads (ms): ' +
    (traces || 'none traced') +
    `. Yardstick's own main-thread script per traced load (loader and sidebar): ${extensionScript || 'n/a'} ms.`
  );
}

function saveTable(results: BenchResults): string {
  const s = results.saves.samples;
  const rows = [
    ['Click → "Saving…" rendered', ...summaryCells(summarize(s.map((x) => x.savingMs)))],
    ['Click → committed and "Saved at" shown', ...summaryCells(summarize(s.map((x) => x.ackMs)))],
    ['Click → the new score shown in the history', ...summaryCells(summarize(s.map((x) => x.settledMs)))],
  ];
  const failures = results.saves.failures;
  // Each save adds to the deal's history: the first and last fifth show whether saves slow as it grows.
  const fifth = Math.floor(s.length / 5);
  const byPosition = fifth
    ? ` Save ack p50 over the first ${fifth} saves: ${fmt(median(s.slice(0, fifth).map((x) => x.ackMs)))} ms; ` +
      `over the last ${fifth}: ${fmt(median(s.slice(-fifth).map((x) => x.ackMs)))} ms.`
    : '';
  return (
    table([`${s.length} saves, ms`, 'p50', 'p95', 'max'], rows) +
    `\n\nScores stored before and after the timed saves: ${count(results.saves.storedBefore)} → ` +
    `${count(results.saves.storedAfter)}.` +
    byPosition +
    (failures.length ? ` Saves that never completed: ${failures.join('; ')}.` : '')
  );
}

function switchTable(results: BenchResults): string {
  const groups = [
    {
      label: 'first visit (header renders ~150 ms later)',
      samples: results.switches.filter((s) => !s.cachedView),
    },
    { label: 'cached view (header present at once)', samples: results.switches.filter((s) => s.cachedView) },
  ];
  const rows = groups
    .filter((group) => group.samples.length > 0)
    .map((group) => {
      const m = (pick: (x: (typeof group.samples)[number]) => number) => summarize(group.samples.map(pick));
      const after = m((x) => x.shownAfterHeaderMs);
      return [
        `${group.label}, n=${group.samples.length}`,
        fmt(m((x) => x.headerMs).median),
        fmt(m((x) => x.shownMs).median),
        fmt(after.median),
        fmt(after.max),
        fmt(m((x) => x.interactiveMs).median),
      ];
    });
  return table(
    [
      'Switch',
      'Header present',
      'Name shown',
      'Shown − max(location change, header): median',
      'max',
      'Interactive again',
    ],
    rows,
  );
}

function sizesTable(results: BenchResults): string {
  return table(
    ['Entrypoint', 'File', 'Raw', 'Gzip'],
    results.sizes.map((size) => [size.entrypoint, size.file, kb(size.raw), kb(size.gzip)]),
  );
}

function scalingTable(results: BenchResults): string {
  if (results.scaling.length === 0) return '_Not run._';
  const rows = results.scaling.map((scale) => {
    const saves = summarize(scale.saves.map((s) => s.ackMs));
    const settled = summarize(scale.saves.map((s) => s.settledMs));
    const opens = summarize(scale.opens.map((s) => s.readyAfterHeader));
    const stopped = summarize(scale.workerStoppedOpens.map((s) => s.readyAfterHeader));
    return [
      count(scale.storedScores),
      count(scale.storedDealScores),
      `${fmt(scale.seeding.ms / 1000, 's')}${scale.seeding.reusedCache ? ' (earlier run, reused)' : ''}`,
      `${fmt(saves.median)} / ${fmt(saves.p95)}`,
      `${fmt(settled.median)} / ${fmt(settled.p95)}`,
      `${fmt(opens.median)} / ${fmt(opens.p95)}`,
      `${fmt(stopped.median)} / ${fmt(stopped.p95)}`,
      fmt(median(scale.restartOpens.map((sample) => sample.readyAfterHeader))),
      fmt(median(scale.opens.map((s) => s.heapMB))),
      `${fmt(median(scale.dealCountMs.dealKey))} / ${fmt(median(scale.dealCountMs.compound))}`,
    ];
  });
  return table(
    [
      'Scores stored',
      'On the deal',
      'Seeding took',
      'Save ack p50 / p95, ms',
      'Settled p50 / p95, ms',
      'Interactive − header median / p95, ms',
      'Same, worker stopped first, ms',
      'First open after a restart (median), ms',
      'Page JS heap, MB',
      "Counting the deal's scores: dealKey / [dealKey+savedAt] index, median ms",
    ],
    rows,
  );
}

function machineSection(results: BenchResults): string {
  const m = results.machine;
  return [
    table(
      ['', ''],
      [
        ['CPUs (`nproc`)', m.nproc],
        ['CPU', m.cpuModel],
        ['Chromium', m.chromium],
        ['OS', m.os],
        ['Node', m.node],
        [
          'Load average at start / end (1, 5, 15 min)',
          `${m.loadAtStart.join(', ')} / ${m.loadAtEnd.join(', ')}`,
        ],
      ],
    ),
    '',
    '`free -h`:',
    '',
    '```',
    m.memory,
    '```',
  ].join('\n');
}

/** The generated part of docs/performance.md (and what the bench prints). */
export function markdownReport(results: BenchResults): string {
  const columns = results.columns.map((c) => `- **${c.label}**: ${c.description}`).join('\n');
  return [
    `## Results of the last run`,
    '',
    `Generated by \`${results.command}\` on ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC ` +
      `(${Math.round(results.durationS)} s). Raw samples: \`bench-results/latest.json\`.`,
    '',
    '### Targets against measured figures',
    '',
    ...(results.errors.length
      ? [
          `**${results.errors.length} phase(s) failed**, their figures are missing:`,
          '',
          ...results.errors.map((e) => `- ${e}`),
          '',
        ]
      : []),
    targetsTable(results.targets),
    '',
    'Timing targets are judged on the median, except the save target, which the issue states at p95.',
    '',
    '### Machine',
    '',
    machineSection(results),
    '',
    '### Page cost',
    '',
    `Each page was loaded ${results.options.runs} times per column in a fresh tab (plus one warm-up load), the columns ` +
      `interleaved in random order; metrics were read ${results.options.settleMs} ms after the load event, after a ` +
      'forced garbage collection. Cells: median (difference from the bare page, ratio to it). Columns:',
    '',
    columns,
    '',
    pageCostTables(results),
    '',
    '### Deal page: where the time goes (traced)',
    '',
    whereDealTimeGoes(results),
    '',
    '### Deal page: sidebar against the record header',
    '',
    dealOpenTable(results),
    '',
    '### Save latency',
    '',
    saveTable(results),
    '',
    '### Single-page switch between deals',
    '',
    switchTable(results),
    '',
    '### Sizes',
    '',
    sizesTable(results),
    '',
    '### Scaling',
    '',
    scalingTable(results),
  ].join('\n');
}
