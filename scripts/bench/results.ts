import type { DealOpenSample } from './deal-open';
import type { MachineInfo } from './machine';
import type { BenchOptions } from './options';
import type { PageCostCell } from './page-cost';
import type { SaveSample } from './save-latency';
import type { ScalingResult } from './scaling';
import type { FileSize } from './sizes';
import type { SwitchSample } from './spa-switch';
import type { TaskTrace } from './trace-tasks';

/** A column of the page-cost bench. */
export interface Column {
  label: string;
  kind: 'bare' | 'yardstick' | 'floor' | 'eager' | 'peer';
  extensionDir: string | null;
  description: string;
}

/** How the deal page was timed. */
export interface DealOpenVariant {
  id: 'header-150ms' | 'header-at-load';
  label: string;
  query: string;
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
  dealOpen: DealOpenVariant[];
  traces: TaskTrace[];
  saves: { samples: SaveSample[]; storedBefore: number; storedAfter: number };
  switches: SwitchSample[];
  sizes: FileSize[];
  loaderBudgetBytes: number;
  scaling: ScalingResult[];
  targets: TargetRow[];
}
