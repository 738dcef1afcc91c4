import { parseArgs } from 'node:util';

/** What `npm run bench -- <flags>` can change. */
export interface BenchOptions {
  runs: number;
  blockRuns: number;
  settleMs: number;
  openRuns: number;
  traceRuns: number;
  nonDealTraceRuns: number;
  saves: number;
  switchRounds: number;
  peers: string[];
  dbSizes: number[];
  history: number;
  scalingOpenRuns: number;
  scalingSaves: number;
  restartRuns: number;
  reseed: boolean;
  build: boolean;
  writeDocs: boolean;
}

export const USAGE = `npm run bench -- [flags]

  --runs <n>             loads per page and column in the page-cost bench (default 10)
  --block-runs <n>       page cost: launch every column's browser afresh after this many loads (default 10)
  --settle <ms>          wait after the load event before reading page metrics (default 1000)
  --open-runs <n>        deal-page loads per header timing (default 10)
  --trace-runs <n>       traced deal-page loads for the longest task (default 3)
  --non-deal-trace-runs <n> traced non-deal page loads for the loader's own script time (default 30)
  --saves <n>            saves timed (default 200)
  --switch-rounds <n>    rounds of 5 single-page switches between deals (default 3)
  --peer <dir>           also measure this unpacked extension in the page-cost bench (repeatable)
  --db-size <n>          scaling: scores in the database (repeatable; default 100000)
  --history <n>          scaling: scores in the measured deal's history (default 5000)
  --scaling-open-runs <n> scaling: deal-page loads per size (default 5)
  --scaling-saves <n>    scaling: saves per size (default 50)
  --restart-runs <n>     browser restarts, each timing the first deal opened (default 3; small and every scaled database)
  --skip-scaling         skip the scaling phase (no database is seeded or opened)
  --reseed               seed the scaling profiles again instead of reusing them
  --skip-build           measure the existing bench-results/build
  --no-docs              do not rewrite docs/performance.md
  --quick                a fast smoke run (3 runs, 40 saves, 20k scores); does not write the docs
  --help`;

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`--${name} needs a whole number, got "${value}"`);
  return parsed;
}

/** Parses the command line; exits with the usage on --help. */
export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      runs: { type: 'string' },
      'block-runs': { type: 'string' },
      settle: { type: 'string' },
      'open-runs': { type: 'string' },
      'trace-runs': { type: 'string' },
      'non-deal-trace-runs': { type: 'string' },
      saves: { type: 'string' },
      'switch-rounds': { type: 'string' },
      peer: { type: 'string', multiple: true },
      'db-size': { type: 'string', multiple: true },
      history: { type: 'string' },
      'scaling-open-runs': { type: 'string' },
      'scaling-saves': { type: 'string' },
      'restart-runs': { type: 'string' },
      reseed: { type: 'boolean' },
      'skip-scaling': { type: 'boolean' },
      'skip-build': { type: 'boolean' },
      'no-docs': { type: 'boolean' },
      quick: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = values.quick === true;
  const saves = positiveInt('saves', values.saves, quick ? 40 : 200);
  return {
    runs: positiveInt('runs', values.runs, quick ? 3 : 10),
    blockRuns: Math.max(1, positiveInt('block-runs', values['block-runs'], 10)),
    settleMs: positiveInt('settle', values.settle, 1000),
    openRuns: positiveInt('open-runs', values['open-runs'], quick ? 3 : 10),
    traceRuns: positiveInt('trace-runs', values['trace-runs'], quick ? 1 : 3),
    nonDealTraceRuns: positiveInt('non-deal-trace-runs', values['non-deal-trace-runs'], quick ? 3 : 30),
    saves,
    switchRounds: positiveInt('switch-rounds', values['switch-rounds'], quick ? 1 : 3),
    peers: values.peer ?? [],
    dbSizes:
      values['skip-scaling'] === true
        ? []
        : (values['db-size'] ?? [quick ? '20000' : '100000']).map((size) => positiveInt('db-size', size, 0)),
    history: positiveInt('history', values.history, quick ? 1000 : 5000),
    scalingOpenRuns: positiveInt('scaling-open-runs', values['scaling-open-runs'], quick ? 2 : 5),
    scalingSaves: positiveInt('scaling-saves', values['scaling-saves'], quick ? 20 : 50),
    restartRuns: Math.max(1, positiveInt('restart-runs', values['restart-runs'], quick ? 1 : 3)),
    reseed: values.reseed === true,
    build: values['skip-build'] !== true,
    writeDocs: values['no-docs'] !== true && !quick,
  };
}
