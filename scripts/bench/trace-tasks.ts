import type { CDPSession } from 'playwright-core';
import { scriptTimeByFile, timeByKind, type Clock, type SpanEvent, type TimeByKind } from './trace-breakdown';

/** A thread's counted time by kind of work and by script file (ms). */
export interface Breakdown {
  byKind: TimeByKind;
  byFile: Record<string, number>;
}

/** One Chromium trace event (the subset the bench reads). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs), when the trace records it. */
  tdur?: number;
  args?: Record<string, unknown> & {
    name?: string;
    data?: Record<string, unknown>;
    beginData?: Record<string, unknown>;
  };
}

/** Main-thread tasks of the CRM page's renderer during one traced load. */
export interface TaskTrace {
  /** Every top-level task, longest first (ms, rounded), at most 10. */
  longestTasksMs: number[];
  maxTaskMs: number;
  /** The longest task that ran extension script (a chrome-extension:// URL inside it), 0 if none. */
  maxExtensionTaskMs: number;
  /** Main-thread time of tasks that ran extension script (ms). */
  extensionTaskMs: number;
  /**
   * Main-thread time of the extension's own script: compiling and running chrome-extension://
   * scripts and the callbacks into them (outermost such events only, so nothing counts twice).
   */
  extensionScriptMs: number;
  /** The longest event with a script URL inside the longest task, e.g. `EvaluateScript content-scripts/sidebar.js`. */
  longestTaskCulprit: string | null;
  /** The longest events inside the longest task by name, e.g. `Layout 61.2 ms`, at most 6 (nested events overlap). */
  longestTaskParts: string[];
  tasks: number;
  /** Main-thread time of every top-level task (ms). */
  totalTaskMs: number;
  /** Total blocking time: the sum of each task's time over 50 ms (ms). */
  blockingMs: number;
  /**
   * The same three on the main thread's CPU time rather than the wall clock: on a shared machine a
   * task's wall time also counts the time other processes held the CPU (ms).
   */
  cpu: { totalTaskMs: number; blockingMs: number; maxTaskMs: number };
  /** The extension's work on the CRM page's main thread (loader, dock, page reading), by kind and by script file (ms). */
  pageExtension: Record<Clock, Breakdown>;
  /**
   * The sidebar frame's renderer main thread (our extension page, its own process), null when the load
   * framed no sidebar: all its tasks, its script, and the same by kind and by script file (ms).
   */
  frame:
    | ({
        totalTaskMs: number;
        /** The same tasks on the thread's CPU time. */
        cpuTaskMs: number;
        maxTaskMs: number;
        /** Script and compile, wall clock. */
        scriptMs: number;
      } & Record<Clock, Breakdown>)
    | null;
}

/** A task longer than this blocks input, as Lighthouse's total blocking time counts it. */
const BLOCKING_THRESHOLD_MS = 50;

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink',
];

/** Starts tracing on a page's CDP session; the returned function stops it and analyses the page's main thread. */
export async function startTaskTrace(cdp: CDPSession, pageHost: string): Promise<() => Promise<TaskTrace>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (event) => events.push(...(event.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: CATEGORIES, excludedCategories: ['*'] },
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return analyse(events, pageHost);
  };
}

function urlOf(event: TraceEvent): string {
  const data = event.args?.data ?? event.args?.beginData;
  const url = data?.url ?? data?.scriptName ?? data?.frameURL;
  return typeof url === 'string' ? url : '';
}

function analyse(events: TraceEvent[], pageHost: string): TaskTrace {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // The CRM page's renderer: the main thread that parsed or ran something from the CRM host.
  const pageThreads = new Set(
    events
      .filter((e) => mainThreads.has(`${e.pid}:${e.tid}`) && urlOf(e).includes(pageHost))
      .map((e) => `${e.pid}:${e.tid}`),
  );
  // A trace of a page already loaded may run no script with a URL: the browser's list of frames at
  // the start of tracing names the page's renderer process.
  const pagePids = new Set(
    events
      .filter((e) => e.name === 'TracingStartedInBrowser')
      .flatMap((e) => (e.args?.data?.frames as { url?: string; processId?: number }[] | undefined) ?? [])
      .filter((frame) => frame.url?.includes(pageHost) && frame.processId !== undefined)
      .map((frame) => frame.processId),
  );
  for (const thread of mainThreads) if (pagePids.has(Number(thread.split(':')[0]))) pageThreads.add(thread);
  const onPage = events.filter((e) => pageThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
  const pageSpans = onPage.map(spanOf);
  const isExtensionSpan = (span: SpanEvent) => span.url.startsWith('chrome-extension://');
  const tasks = topLevel(
    onPage.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  const extensionSpans = onPage
    .filter((e) => urlOf(e).startsWith('chrome-extension://'))
    .map((e) => ({ thread: `${e.pid}:${e.tid}`, ts: e.ts }));
  const durations = tasks.map((task) => {
    const thread = `${task.pid}:${task.tid}`;
    const end = task.ts + (task.dur ?? 0);
    const extension = extensionSpans.some(
      (span) => span.thread === thread && span.ts >= task.ts && span.ts <= end,
    );
    return { ms: (task.dur ?? 0) / 1000, cpuMs: (task.tdur ?? task.dur ?? 0) / 1000, extension };
  });
  const sorted = durations.map((d) => d.ms).sort((a, b) => b - a);
  const extensionTasks = durations.filter((d) => d.extension);
  const extensionScript = topLevel(onPage.filter((e) => urlOf(e).startsWith('chrome-extension://')));
  const longest = [...tasks].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
  const culprit = longest
    ? onPage
        .filter(
          (e) =>
            e !== longest &&
            e.pid === longest.pid &&
            e.tid === longest.tid &&
            e.ts >= longest.ts &&
            e.ts + (e.dur ?? 0) <= longest.ts + (longest.dur ?? 0) &&
            urlOf(e) !== '',
        )
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0]
    : undefined;
  const parts = new Map<string, number>();
  if (longest) {
    for (const e of onPage) {
      if (e === longest || e.pid !== longest.pid || e.tid !== longest.tid) continue;
      if (e.ts < longest.ts || e.ts + (e.dur ?? 0) > longest.ts + (longest.dur ?? 0)) continue;
      parts.set(e.name, Math.max(parts.get(e.name) ?? 0, (e.dur ?? 0) / 1000));
    }
  }
  return {
    longestTaskParts: [...parts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, ms]) => `${name} ${ms.toFixed(1)} ms`),
    longestTasksMs: sorted.slice(0, 10).map((ms) => Math.round(ms * 10) / 10),
    maxTaskMs: sorted[0] ?? 0,
    maxExtensionTaskMs: Math.max(0, ...extensionTasks.map((d) => d.ms)),
    extensionTaskMs: extensionTasks.reduce((sum, d) => sum + d.ms, 0),
    extensionScriptMs: extensionScript.reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0),
    longestTaskCulprit: culprit ? `${culprit.name} ${shortUrl(urlOf(culprit))}` : null,
    tasks: tasks.length,
    totalTaskMs: durations.reduce((sum, d) => sum + d.ms, 0),
    blockingMs: durations.reduce((sum, d) => sum + Math.max(0, d.ms - BLOCKING_THRESHOLD_MS), 0),
    cpu: {
      totalTaskMs: durations.reduce((sum, d) => sum + d.cpuMs, 0),
      blockingMs: durations.reduce((sum, d) => sum + Math.max(0, d.cpuMs - BLOCKING_THRESHOLD_MS), 0),
      maxTaskMs: Math.max(0, ...durations.map((d) => d.cpuMs)),
    },
    pageExtension: {
      wall: breakdown(pageSpans, isExtensionSpan, 'wall'),
      cpu: breakdown(pageSpans, isExtensionSpan, 'cpu'),
    },
    frame: analyseFrame(events, mainThreads, pageThreads),
  };
}

function spanOf(event: TraceEvent): SpanEvent {
  return { name: event.name, ts: event.ts, dur: event.dur, tdur: event.tdur, url: urlOf(event) };
}

function breakdown(spans: SpanEvent[], include: (span: SpanEvent) => boolean, clock: Clock): Breakdown {
  return { byKind: timeByKind(spans, include, clock), byFile: scriptTimeByFile(spans, include, clock) };
}

/**
 * The sidebar frame runs in the extension's renderer process, on that process's main thread: the one
 * (not the CRM page's) that loaded or ran the frame's page and scripts.
 */
function analyseFrame(
  events: TraceEvent[],
  mainThreads: Set<string>,
  pageThreads: Set<string>,
): TaskTrace['frame'] {
  const frameThreads = new Set(
    events
      .filter((e) => {
        const thread = `${e.pid}:${e.tid}`;
        return (
          mainThreads.has(thread) && !pageThreads.has(thread) && urlOf(e).startsWith('chrome-extension://')
        );
      })
      .map((e) => `${e.pid}:${e.tid}`),
  );
  if (frameThreads.size === 0) return null;
  const onFrame = events.filter((e) => frameThreads.has(`${e.pid}:${e.tid}`) && e.ph === 'X');
  const tasks = topLevel(
    onFrame.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  const spans = onFrame.map(spanOf);
  const everything = () => true;
  const wall = breakdown(spans, everything, 'wall');
  return {
    totalTaskMs: tasks.reduce((sum, task) => sum + (task.dur ?? 0) / 1000, 0),
    cpuTaskMs: tasks.reduce((sum, task) => sum + (task.tdur ?? task.dur ?? 0) / 1000, 0),
    maxTaskMs: Math.max(0, ...tasks.map((task) => (task.dur ?? 0) / 1000)),
    scriptMs: wall.byKind.script + wall.byKind.compile,
    wall,
    cpu: breakdown(spans, everything, 'cpu'),
  };
}

/** Drops events nested in another kept event of the same thread (e.g. RunTask inside ThreadControllerImpl::RunTask). */
function topLevel(tasks: TraceEvent[]): TraceEvent[] {
  const kept: TraceEvent[] = [];
  const endOf = new Map<string, number>();
  for (const task of [...tasks].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    const thread = `${task.pid}:${task.tid}`;
    if (task.ts < (endOf.get(thread) ?? -Infinity)) continue;
    kept.push(task);
    endOf.set(thread, task.ts + (task.dur ?? 0));
  }
  return kept;
}

function shortUrl(url: string): string {
  return url.startsWith('chrome-extension://') ? url.replace(/^chrome-extension:\/\/[a-p]{32}\//, '') : url;
}
