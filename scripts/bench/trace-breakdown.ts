/** A complete ('X') trace event on one thread, as the breakdown reads it. */
export interface SpanEvent {
  name: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs), when the trace records it. */
  tdur?: number;
  /** The script the event compiles, runs or calls into, '' when it names none. */
  url: string;
}

/** Where a thread's time went, in exclusive ms per kind of work; the kinds sum to the time of the events given. */
export type TimeByKind = Record<WorkKind, number>;

/** The kinds of main-thread work the bench reports. */
export type WorkKind = 'compile' | 'script' | 'style' | 'layout' | 'paint' | 'parse HTML' | 'GC' | 'other';

export const WORK_KINDS: readonly WorkKind[] = [
  'compile',
  'script',
  'style',
  'layout',
  'paint',
  'parse HTML',
  'GC',
  'other',
];

const KIND_OF_EVENT: Record<string, WorkKind> = {
  'v8.compile': 'compile',
  'v8.compileModule': 'compile',
  'V8.CompileCode': 'compile',
  'v8.produceCache': 'compile',
  'v8.produceModuleCache': 'compile',
  EvaluateScript: 'script',
  'v8.evaluateModule': 'script',
  'v8.run': 'script',
  FunctionCall: 'script',
  'v8.callFunction': 'script',
  RunMicrotasks: 'script',
  'V8.Execute': 'script',
  UpdateLayoutTree: 'style',
  ParseAuthorStyleSheet: 'style',
  RecalcStyle: 'style',
  Layout: 'layout',
  Paint: 'paint',
  PrePaint: 'paint',
  Layerize: 'paint',
  'Document::updateStyleAndLayout': 'layout',
  ParseHTML: 'parse HTML',
  MinorGC: 'GC',
  MajorGC: 'GC',
  'V8.GCScavenger': 'GC',
  'V8.GCCompactor': 'GC',
  'V8.GC_MC_BACKGROUND_EVACUATE_COPY': 'GC',
  BlinkGC: 'GC',
};

/** The kind an event's own time counts as: its name's, else its enclosing event's, else 'other'. */
export const kindOf = (name: string): WorkKind | null => KIND_OF_EVENT[name] ?? null;

/**
 * Which time an event's share is: the wall clock, or the thread's CPU time, which on a loaded machine
 * leaves out the time other processes held the core (nesting still follows the wall clock).
 */
export type Clock = 'wall' | 'cpu';

/** Zero for every kind. */
export function emptyTimeByKind(): TimeByKind {
  return Object.fromEntries(WORK_KINDS.map((kind) => [kind, 0])) as TimeByKind;
}

/**
 * Splits one thread's events into exclusive time per kind of work: an event's time minus its nested
 * events' counts once, under its own kind or, for an unnamed kind (a task, a callback), the nearest
 * enclosing event's. So a layout forced by a script counts as layout, not script, and nothing twice.
 * `include` picks the subtrees that count (e.g. those running an extension's script); their descendants count with them.
 */
export function timeByKind(
  events: readonly SpanEvent[],
  include: (event: SpanEvent) => boolean,
  clock: Clock = 'wall',
): TimeByKind {
  const totals = emptyTimeByKind();
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: { end: number; kind: WorkKind; counted: boolean; childUs: number; selfUs: number }[] = [];
  const close = (until: number) => {
    while (stack.length && (stack.at(-1)?.end ?? 0) <= until) {
      const done = stack.pop()!;
      if (done.counted) totals[done.kind] += Math.max(0, done.selfUs - done.childUs) / 1000;
    }
  };
  for (const event of sorted) {
    close(event.ts);
    const parent = stack.at(-1);
    const dur = event.dur ?? 0;
    const spent = clock === 'cpu' ? (event.tdur ?? dur) : dur;
    if (parent) parent.childUs += spent;
    stack.push({
      end: event.ts + dur,
      kind: kindOf(event.name) ?? parent?.kind ?? 'other',
      counted: parent?.counted === true || include(event),
      childUs: 0,
      selfUs: spent,
    });
  }
  close(Number.POSITIVE_INFINITY);
  return totals;
}

/** Exclusive ms per script file (the path after the extension's origin) of the counted subtrees' script and compile time. */
export function scriptTimeByFile(
  events: readonly SpanEvent[],
  include: (event: SpanEvent) => boolean,
  clock: Clock = 'wall',
): Record<string, number> {
  const totals: Record<string, number> = {};
  const sorted = [...events].sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const stack: {
    end: number;
    file: string | null;
    counted: boolean;
    childUs: number;
    selfUs: number;
    scriptish: boolean;
  }[] = [];
  const close = (until: number) => {
    while (stack.length && (stack.at(-1)?.end ?? 0) <= until) {
      const done = stack.pop()!;
      if (done.counted && done.scriptish && done.file)
        totals[done.file] = (totals[done.file] ?? 0) + Math.max(0, done.selfUs - done.childUs) / 1000;
    }
  };
  for (const event of sorted) {
    close(event.ts);
    const parent = stack.at(-1);
    const dur = event.dur ?? 0;
    const spent = clock === 'cpu' ? (event.tdur ?? dur) : dur;
    if (parent) parent.childUs += spent;
    const kind = kindOf(event.name);
    const scriptish =
      kind === 'script' || kind === 'compile' || (kind === null && parent?.scriptish === true);
    stack.push({
      end: event.ts + dur,
      file: event.url ? shortScript(event.url) : (parent?.file ?? null),
      counted: parent?.counted === true || include(event),
      childUs: 0,
      selfUs: spent,
      scriptish,
    });
  }
  close(Number.POSITIVE_INFINITY);
  return totals;
}

/** `chrome-extension://<id>/chunks/a-1.js?x` → `chunks/a-1.js`; other URLs lose their query only. */
export function shortScript(url: string): string {
  return url.replace(/^chrome-extension:\/\/[a-p]{32}\//, '').replace(/[?#].*$/, '');
}
