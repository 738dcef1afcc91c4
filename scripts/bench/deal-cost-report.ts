import { fmt, signed, table } from './format';
import type { PageCostCell } from './page-cost';
import type { BenchResults, Column, TargetRow } from './results';
import { median, medianDifferenceInterval, quantile } from './stats';
import { WORK_KINDS, type TimeByKind } from './trace-breakdown';
import type { TaskTrace } from './trace-tasks';

/** Issue #19 item 6: the deal page's added main-thread script, and the heap kept from before. */
export const DEAL_TARGETS = { addedScriptMs: 15, heapMB: 10 } as const;

/** A column's added script on the deal page over the bare page: median, p95 of its loads, interval. */
export interface AddedScript {
  label: string;
  kind: Column['kind'];
  medianMs: number;
  p95Ms: number;
  low: number;
  high: number;
  loads: number;
}

function dealCell(results: BenchResults, column: string): PageCostCell | undefined {
  const deal = results.pages.find((page) => page.isDeal);
  return deal && results.pageCost.find((cell) => cell.column === column && cell.page === deal.id);
}

/**
 * Yardstick's, the eager build's and each peer's added `ScriptDuration` on the deal page: each load
 * minus the bare page's median, so the p95 is the bad load's, not a difference of two tails.
 */
export function addedDealScript(results: BenchResults): AddedScript[] {
  const bareColumn = results.columns.find((column) => column.kind === 'bare');
  const bare = bareColumn && dealCell(results, bareColumn.label);
  if (!bare || bare.samples.length === 0) return [];
  const bareScript = bare.samples.map((sample) => sample.scriptMs);
  const bareMedian = median(bareScript);
  return results.columns
    .filter((column) => column.kind === 'yardstick' || column.kind === 'eager' || column.kind === 'peer')
    .flatMap((column) => {
      const cell = dealCell(results, column.label);
      if (!cell || cell.samples.length === 0) return [];
      const script = cell.samples.map((sample) => sample.scriptMs);
      const { low, high } = medianDifferenceInterval(bareScript, script);
      return [
        {
          label: column.label,
          kind: column.kind,
          medianMs: median(script) - bareMedian,
          p95Ms: quantile(script, 0.95) - bareMedian,
          low,
          high,
          loads: script.length,
        },
      ];
    });
}

const medianOf = (traces: TaskTrace[], pick: (trace: TaskTrace) => number) => median(traces.map(pick));

/** The target rows of the deal page's cost: the CRM page's added script per column, the frame's own work, the heap. */
export function dealCostRows(results: BenchResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const added = addedDealScript(results);
  const yardstick = added.find((column) => column.kind === 'yardstick');
  const peers = added.filter((column) => column.kind === 'peer');
  for (const column of added) {
    const figures =
      `median ${signed(column.medianMs, 'ms')}, p95 ${signed(column.p95Ms, 'ms')} ` +
      `(95% interval of the median ${signed(column.low, 'ms')} to ${signed(column.high, 'ms')}; ${column.loads} loads)`;
    if (column === yardstick) {
      const peerNote = peers.length
        ? `; peers in this run: ${peers.map((peer) => `${peer.label} ${signed(peer.medianMs, 'ms')}`).join(', ')}`
        : '; no peer in this run (`--peer <dir>`)';
      rows.push({
        area: "Deal page, the CRM page's main thread: added script (ScriptDuration), Yardstick",
        target: `≤ ${DEAL_TARGETS.addedScriptMs} ms median, and no higher than a peer's in the same run`,
        measured: figures + peerNote,
        pass:
          column.medianMs <= DEAL_TARGETS.addedScriptMs &&
          peers.every((peer) => column.medianMs <= peer.medianMs),
      });
    } else {
      rows.push({
        area: `Deal page, the CRM page's main thread: added script (ScriptDuration), ${column.label}`,
        target: 'reported beside Yardstick',
        measured: figures,
        pass: null,
      });
    }
  }
  const framed = results.traces.filter((trace) => trace.frame !== null);
  if (framed.length > 0) {
    rows.push({
      area: "Deal page, the sidebar frame's own process (not the CRM page): main-thread work, traced",
      target: 'reported (off the CRM page)',
      measured:
        `median per load: tasks ${fmt(
          medianOf(framed, (t) => t.frame?.totalTaskMs ?? 0),
          'ms',
        )} (CPU ${fmt(
          medianOf(framed, (t) => t.frame?.cpuTaskMs ?? 0),
          'ms',
        )}), ` +
        `script and compile ${fmt(
          medianOf(framed, (t) => t.frame?.scriptMs ?? 0),
          'ms',
        )}, ` +
        `longest task ${fmt(
          medianOf(framed, (t) => t.frame?.maxTaskMs ?? 0),
          'ms',
        )} (${framed.length} traced loads)`,
      pass: null,
    });
  }
  const bareColumn = results.columns.find((column) => column.kind === 'bare');
  const yardstickColumn = results.columns.find((column) => column.kind === 'yardstick');
  const bare = bareColumn && dealCell(results, bareColumn.label);
  const page = yardstickColumn && dealCell(results, yardstickColumn.label);
  if (bare && page) {
    const pageDelta = page.heapMB - bare.heapMB;
    const frameHeaps = results.dealOpen
      .flatMap((variant) => variant.samples.map((sample) => sample.frameHeapMB))
      .filter(Number.isFinite);
    const frameHeap = frameHeaps.length ? median(frameHeaps) : 0;
    rows.push({
      area: 'Deal page: added JS heap, the CRM page plus the sidebar frame',
      target: `≤ ${DEAL_TARGETS.heapMB} MB`,
      measured:
        `${fmt(pageDelta + frameHeap, 'MB')}: CRM page ${signed(pageDelta, 'MB')} (${fmt(bare.heapMB)} → ${fmt(page.heapMB)} MB), ` +
        `frame ${frameHeaps.length ? fmt(frameHeap, 'MB') : 'not measured'} (median of ${frameHeaps.length} opens, after GC)`,
      pass: pageDelta + frameHeap <= DEAL_TARGETS.heapMB,
    });
  }
  return rows;
}

function medianByKey(records: Record<string, number>[], keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [key, median(records.map((record) => record[key] ?? 0))]));
}

function topFiles(records: Record<string, number>[], limit = 6): [string, number][] {
  const files = [...new Set(records.flatMap((record) => Object.keys(record)))];
  return Object.entries(medianByKey(records, files))
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit);
}

/** Where the traced deal loads spent their time: Yardstick's work on the CRM page against the frame's own thread. */
export function whereDealTimeGoes(results: BenchResults): string {
  const traces = results.traces;
  if (traces.length === 0) return '_No traced deal loads._';
  const framed = traces.flatMap((trace) => (trace.frame ? [trace.frame] : []));
  const kindMedians = (records: TimeByKind[]) => medianByKey(records, WORK_KINDS) as TimeByKind;
  const page = {
    wall: kindMedians(traces.map((t) => t.pageExtension.wall.byKind)),
    cpu: kindMedians(traces.map((t) => t.pageExtension.cpu.byKind)),
  };
  const frame = {
    wall: kindMedians(framed.map((f) => f.wall.byKind)),
    cpu: kindMedians(framed.map((f) => f.cpu.byKind)),
  };
  const sum = (byKind: TimeByKind) => WORK_KINDS.reduce((total, kind) => total + byKind[kind], 0);
  const frameCell = (value: number) => (framed.length ? fmt(value) : 'n/a');
  const kinds = table(
    [
      `Median of ${traces.length} traced loads, ms (wall / CPU)`,
      "CRM page's main thread: Yardstick's subtrees",
      "Sidebar frame's main thread (its own process)",
    ],
    [
      ...WORK_KINDS.map((kind) => [
        kind,
        `${fmt(page.wall[kind])} / ${fmt(page.cpu[kind])}`,
        `${frameCell(frame.wall[kind])} / ${frameCell(frame.cpu[kind])}`,
      ]),
      [
        'all',
        `${fmt(sum(page.wall))} / ${fmt(sum(page.cpu))}`,
        `${frameCell(median(framed.map((f) => f.totalTaskMs)))} / ${frameCell(median(framed.map((f) => f.cpuTaskMs)))}`,
      ],
    ],
  );
  const files = (records: Record<string, number>[]) =>
    topFiles(records)
      .map(([file, ms]) => `\`${file}\` ${fmt(ms)}`)
      .join(', ') || 'none';
  return (
    kinds +
    '\n\nExclusive time: an event counts once, under its own kind or its enclosing one (a layout forced by a ' +
    "script counts as layout). The CRM page's column counts only the subtrees that run a chrome-extension:// " +
    "script (the loader, the dock and its page reading), not the page's own reflow when the dock takes its width; " +
    'the frame\'s column counts every task of its thread ("all" there: every top-level task). ' +
    'CPU time leaves out the time other processes held the core, which on a loaded machine is most of the wall time. ' +
    `Script and compile CPU time by file, medians (ms): CRM page ${files(traces.map((t) => t.pageExtension.cpu.byFile))}; ` +
    `frame ${files(framed.map((f) => f.cpu.byFile))}.`
  );
}
