/**
 * The audit's statistics checked by simulation: `npm run audit:simulate [-- --quick]`.
 * Prints (1) how often the findings name the right cause (a lenient rater or noisy wording) over
 * 200 seeded teams per scenario, and (2) how often the α bootstrap, Wilson and AUC intervals cover
 * the true value over 1000 seeded data sets, at the documented minimum sizes and typical ones.
 * `--quick` runs a quarter of the teams and a fifth of the data sets with fewer bootstrap
 * replicates, for a first look. docs/audit.md ("Checked by simulation") holds the full run's output.
 */
import '../lib/zod-jitless';
import { DEFAULT_CLOSED_LOOP, DEFAULT_MINIMUMS } from '../lib/audit/minimums';
import {
  ALPHA_CASES,
  alphaCoverage,
  aucCoverage,
  populationAlpha,
  wilsonCoverage,
  wilsonSpreadCoverage,
  type CoverageRow,
} from '../lib/audit/simulation/interval-coverage';
import {
  MINIMUM_TEAM,
  scenarioHitRate,
  TEAM_SCENARIOS,
  type TeamScenario,
} from '../lib/audit/simulation/simulated-team';

const quick = process.argv.includes('--quick');
const teams = quick ? 50 : 200;
const dataSets = quick ? 200 : 1000;
const replicates = quick ? 300 : 1000;
const HIT_BAR = 0.95;

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const { rewriteMinUnits, raterCheckMinUnits } = DEFAULT_CLOSED_LOOP;

/** The documented minimum at which a scenario's cause must be named: both causes need the rater check. */
const minimumFor = (scenario: TeamScenario) => (scenario === 'both' ? raterCheckMinUnits : rewriteMinUnits);

console.log(`## Rater versus wording (${teams} teams per scenario)\n`);
console.log(
  `Team: ${MINIMUM_TEAM.raters} raters, ${MINIMUM_TEAM.levels} levels; lenient rater +${MINIMUM_TEAM.leniency} level; clear wording read right ${percent(MINIMUM_TEAM.clearReadsTrue)}, noisy ${percent(MINIMUM_TEAM.noisyReadsTrue)} (a ${percent(MINIMUM_TEAM.twoLevelsOff)} share of misreadings two levels off). Minimums: ${rewriteMinUnits} units for a rewrite (one cause), ${raterCheckMinUnits} for a rater beside noisy wording (both).\n`,
);
console.log(
  '| scenario | deals | right cause named | α below 0.667 with every rater | low α put on the lenient rater | ≥ 95 % |',
);
console.log('| --- | ---: | ---: | ---: | ---: | :---: |');
for (const deals of [10, rewriteMinUnits, 30, raterCheckMinUnits]) {
  TEAM_SCENARIOS.forEach((scenario, s) => {
    const hits = scenarioHitRate(scenario, { ...MINIMUM_TEAM, deals }, teams, 1000 + s);
    const share = hits.rightCause / hits.teams;
    const verdict =
      deals < minimumFor(scenario)
        ? `below minimum (${minimumFor(scenario)})`
        : share >= HIT_BAR
          ? 'yes'
          : '**no**';
    console.log(
      `| ${scenario} | ${deals} | ${hits.rightCause}/${hits.teams} (${percent(share)}) | ${hits.alphaBelowThreshold} | ${hits.namedRaterNotWording} | ${verdict} |`,
    );
  });
}

const rows: CoverageRow[] = [];
let seed = 1;
for (const spec of ALPHA_CASES) {
  const truth = populationAlpha(spec);
  for (const units of [DEFAULT_MINIMUMS.alphaUnits, 10, DEFAULT_MINIMUMS.alphaIntervalUnits, 30, 100]) {
    const row = alphaCoverage(spec, truth, units, dataSets, (seed += 10_007), { replicates });
    rows.push({ ...row, belowMinimum: units < DEFAULT_MINIMUMS.alphaIntervalUnits });
  }
}
for (const trials of [DEFAULT_MINIMUMS.bandDeals, 10, 20, 50]) {
  rows.push(wilsonSpreadCoverage(0.1, 0.9, trials, dataSets, seed++));
}
for (const p of [0.2, 0.5]) {
  for (const trials of [DEFAULT_MINIMUMS.bandDeals, 20, 50])
    rows.push(wilsonCoverage(p, trials, dataSets, seed++));
}
for (const auc of [0.6, 0.75, 0.9]) {
  for (const perOutcome of [DEFAULT_MINIMUMS.aucPerOutcome, 10, 20, 50]) {
    rows.push(aucCoverage(auc, perOutcome, perOutcome, dataSets, seed++));
  }
}

console.log(`\n## Interval coverage (${dataSets} data sets per row, nominal 95 %, target 93–97 %)\n`);
console.log('| interval | truth | size | intervals drawn | covered | coverage | exact | within 95 ± 2 % |');
console.log('| --- | --- | --- | ---: | ---: | ---: | ---: | :---: |');
for (const row of rows) {
  // Where the exact coverage is known, it is judged rather than the simulated count (±1.4 points).
  const judged = row.exact ?? row.coverage;
  const ok = judged >= 0.93 && judged <= 0.97;
  const verdict = row.belowMinimum ? 'not drawn (below 20 units)' : ok ? 'yes' : '**no**';
  const exact = row.exact === undefined ? '' : percent(row.exact);
  console.log(
    `| ${row.interval} | ${row.truth} | ${row.size} | ${row.drawn} | ${row.covered} | ${percent(row.coverage)} | ${exact} | ${verdict} |`,
  );
}
