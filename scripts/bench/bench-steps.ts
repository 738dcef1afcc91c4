/** One npm script that `npm run bench` runs, with the arguments it gets. */
export interface BenchStep {
  script: string;
  args: string[];
}

/**
 * What `npm run bench -- <flags>` runs, in order: the page bench with every flag (`--peer`, `--runs` …),
 * then the audit bench, which takes no flags of the page bench. `--help` prints the page bench's usage only.
 */
export function benchSteps(args: readonly string[]): BenchStep[] {
  const page: BenchStep = { script: 'bench:page', args: [...args] };
  return args.includes('--help') ? [page] : [page, { script: 'bench:audit', args: [] }];
}
