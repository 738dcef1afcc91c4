import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runAuditCli } from './audit-cli';

const root = path.join(__dirname, '../..');
const dir = path.join(root, 'tests/fixtures/audit');
const io = {
  readFile: async (file: string) => new Uint8Array(readFileSync(path.resolve(dir, file))),
  now: () => new Date('2024-06-15T00:00:00Z'),
};
const pipeline = [
  'pipeline-alice.json',
  'pipeline-bob.ndjson',
  'pipeline-carol-ratings.csv',
  'pipeline-outcomes.csv',
];

describe('npm run audit', () => {
  it("prints the JSON document with the issue's shape", async () => {
    const result = await runAuditCli(['--json', '--definitions', 'two-criteria.json', ...pipeline], io);
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.criteria.map((c: { id: string }) => c.id)).toEqual(['champion', 'metrics']);
    const champion = report.criteria[0];
    expect(champion.agreement).toMatchObject({
      units: expect.any(Number),
      raters: 3,
      alpha: {
        nominal: expect.any(Number),
        ordinal: expect.any(Number),
        interval: expect.any(Number),
        ratio: expect.any(Number),
      },
      fleissKappa: null,
      fleissKappaReason: expect.stringMatching(/^not applicable:/),
      icc: null,
      iccReason: expect.stringMatching(/^not applicable:/),
    });
    expect(champion.predictive).toMatchObject({
      deals: 30,
      won: expect.any(Number),
      lost: expect.any(Number),
      auc: expect.any(Number),
    });
    expect(report.raters.map((r: { id: string }) => r.id)).toEqual(['alice', 'bob', 'carol']);
    expect(report.raters[1].bias).toEqual({ champion: expect.any(Number), metrics: expect.any(Number) });
    expect(result.stdout).not.toMatch(/NaN|Infinity/);
  });

  // Source: Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": the reliability data
  // as a ratings CSV (missing values written both as empty levels and as absent rows).
  it('reproduces Krippendorff (2011) from a ratings CSV', async () => {
    const result = await runAuditCli(['--json', 'krippendorff-2011-ratings.csv'], io);
    expect(result.exitCode).toBe(0);
    const alpha = JSON.parse(result.stdout).criteria[0].agreement.alpha;
    expect(alpha.nominal).toBeCloseTo(0.743, 3);
    expect(alpha.ordinal).toBeCloseTo(0.815, 3);
    expect(alpha.interval).toBeCloseTo(0.849, 3);
    expect(alpha.ratio).toBeCloseTo(0.797, 3);
  });

  it('prints a readable report without --json', async () => {
    const result = await runAuditCli(['--definitions', 'two-criteria.json', ...pipeline], io);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Yardstick audit, as of 2024-06-15T00:00:00\.000Z/);
    for (const heading of [
      'AGREEMENT',
      'RATER BIAS',
      'PREDICTIVE VALIDITY',
      'Win rate by band',
      'COVERAGE',
      'CLOSED LOOP',
      'SLICES',
      'NOT COMPUTED',
    ]) {
      expect(result.stdout).toContain(heading);
    }
    expect(result.stdout).toMatch(/Rewrite: metrics \(α /);
  });

  it.each([
    ['bad/non-numeric-level.csv', /^bad\/non-numeric-level\.csv:3:17: level "high" is not a number/],
    [
      'bad/outcome-not-won-lost.csv',
      /^bad\/outcome-not-won-lost\.csv:3:4: outcome "Closed Won" must be won or lost/,
    ],
    ['bad/duplicate-header.csv', /^bad\/duplicate-header\.csv:1:28: duplicate header "level"/],
    ['bad/missing-column.csv', /^bad\/missing-column\.csv:1: missing column "criterion"/],
    ['bad/wrong-checksum.json', /^bad\/wrong-checksum\.json:\d+:\d+: wrong checksum/],
    ['bad/truncated.ndjson', /^bad\/truncated\.ndjson:10: the last line is not the checksum line/],
  ])('exits 1 on %s, naming file and line, and prints no report', async (file, message) => {
    const result = await runAuditCli(['--json', 'pipeline-alice.json', file], io);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('exits 2 on wrong usage and 1 on an unreadable file', async () => {
    expect((await runAuditCli([], io)).exitCode).toBe(2);
    expect((await runAuditCli(['--frobnicate', 'x.csv'], io)).stderr).toMatch(/unknown option --frobnicate/);
    const missing = await runAuditCli(['nope.csv'], io);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toMatch(/^nope\.csv: cannot read the file/);
  });

  it('runs as a process: exit code and output of the real script', () => {
    const tsx = path.join(root, 'node_modules/.bin/tsx');
    const ok = spawnSync(
      tsx,
      [path.join(root, 'scripts/audit.ts'), '--json', '--as-of', '2024-06-15', ...pipeline],
      { cwd: root, env: { ...process.env, INIT_CWD: dir }, encoding: 'utf8' },
    );
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).asOf).toBe('2024-06-15T00:00:00.000Z');
    // As `npm run audit` from the fixtures folder: npm starts in the package root, with INIT_CWD set.
    const bad = spawnSync(tsx, [path.join(root, 'scripts/audit.ts'), 'bad/non-numeric-level.csv'], {
      cwd: root,
      env: { ...process.env, INIT_CWD: dir },
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^bad\/non-numeric-level\.csv:3:17: /);
  }, 30_000);
});
