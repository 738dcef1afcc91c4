import type { DealOpenSample } from './deal-open';
import type { MachineInfo } from './machine';
import type { BenchOptions } from './options';
import type { PageCostCell } from './page-cost';
import type { SaveRun } from './save-latency';
import type { ScalingResult } from './scaling';
import type { FileSize } from './sizes';
import type { SwitchSample } from './spa-switch';
import type { TaskTrace } from './trace-tasks';

/** A column of the page-cost bench. */
export interface Column {
  label: string;
  kind: 'bare' | 'yardstick' | 'floor' | 'no-content-script' | 'eager' | 'peer';
  extensionDir: string | null;
  description: string;
}

/** How the deal page was timed. */
export interface DealOpenVariant {
  id: 'header-150ms' | 'header-at-load' | 'worker-stopped';
  label: string;
  query: string;
  /** Stop the extension's service worker before each load (as after 30 s idle). */
  stopWorker: boolean;
  samples: DealOpenSample[];
}

/** One row of the targets table. */
export interface TargetRow {
  area: string;
  target: string;
  measured: string;
  /** null: reported, no pass/fail. */
  pass: boolean | null;
}

/** Everything one run measured; saved as JSON under bench-results/. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  durationS: number;
  command: string;
  options: BenchOptions;
  machine: MachineInfo;
  columns: Column[];
  pages: { id: string; label: string; path: string; isDeal: boolean }[];
  pageCost: PageCostCell[];
  /** The first deal opened after the browser started on a fresh profile: a new install. */
  firstOpen: DealOpenSample | null;
  /** The first deal opened after the browser restarted on a profile that ran Yardstick before. */
  /** The first deal opened after each browser restart (small database). */
  firstOpensAfterRestart: DealOpenSample[];
  dealOpen: DealOpenVariant[];
  /** Traced loads of the deal page and of the non-deal page, with Yardstick. */
  traces: TaskTrace[];
  nonDealTraces: TaskTrace[];
  saves: SaveRun & { storedBefore: number; storedAfter: number };
  switches: SwitchSample[];
  sizes: FileSize[];
  loaderBudgetBytes: number;
  scaling: ScalingResult[];
  /** Phases that failed (the run went on without them). */
  errors: string[];
  targets: TargetRow[];
}
