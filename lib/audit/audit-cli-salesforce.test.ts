// @vitest-environment node
import { hashDefinitions } from '../definitions/content-hash';
import { bundleToJson, createBundle } from '../exchange/write-bundle';
import {
  closeFixtureDeals,
  seedOrg,
  TEAM,
  teamFixture,
  type TeamFixture,
} from '../../tests/support/org-audit-fixture';
import { TEST_ORG_ID, TEST_SESSIONS } from '../../tests/support/salesforce-test-org';
import {
  startSalesforceTestServer,
  type SalesforceTestServer,
} from '../../tests/support/salesforce-test-server';
import { runAuditCli, type AuditCliIo } from './audit-cli';
import { ORG_EXIT } from './audit-cli-org';

const MANAGER = TEST_SESSIONS[1]!;
const AS_OF = '2026-12-02T00:00:00Z';
let server: SalesforceTestServer;
let fixture: TeamFixture;

beforeEach(async () => {
  server = await startSalesforceTestServer();
  fixture = teamFixture(30);
  seedOrg(server, fixture);
  closeFixtureDeals(server, fixture);
});
afterEach(async () => {
  await server.close();
});

/** An in-memory file system for the CLI. */
function filesIo(files: Map<string, string>, token = MANAGER.token): AuditCliIo {
  return {
    readFile: (path) => {
      const text = files.get(path);
      if (text === undefined)
        return Promise.reject(Object.assign(new Error(`ENOENT ${path}`), { code: 'ENOENT' }));
      return Promise.resolve(new TextEncoder().encode(text));
    },
    writeFile: (path, text) => {
      files.set(path, text);
      return Promise.resolve();
    },
    now: () => new Date(AS_OF),
    fetch: (url, init) => fetch(url, init),
    env: { SF_ACCESS_TOKEN: token },
    wait: () => Promise.resolve(),
  };
}

async function bundleFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  files.set('definitions.json', JSON.stringify(fixture.definitions));
  const hash = await hashDefinitions(fixture.definitions);
  for (const rep of TEAM) {
    const bundle = await createBundle({
      rater: rep.email,
      exportedAt: new Date(AS_OF),
      scores: fixture.scores
        .get(rep.userId)!
        .map((score) => ({ ...score, definitions: { ...score.definitions, hash } })),
      definitions: [fixture.definitions],
    });
    files.set(`${rep.name}.json`, bundleToJson(bundle));
  }
  const closed = fixture.deals.filter((deal) => deal.won !== null);
  files.set(
    'outcomes.csv',
    [
      'deal,outcome,lead_source',
      ...closed.map((deal) => `${deal.key},${deal.won ? 'won' : 'lost'},${deal.leadSource}`),
    ].join('\n'),
  );
  return files;
}

// The statistics, counts and tables; the inputs' provenance (file names, org origin, who verified) differs by design.
function statistics(json: string): string {
  const report = JSON.parse(json) as { inputs: Record<string, unknown> };
  for (const key of [
    'files',
    'duplicates',
    'notes',
    'selfDeclared',
    'warnings',
    'refused',
    'salesforce',
    'verifiedRaters',
  ])
    delete report.inputs[key];
  return JSON.stringify(report, null, 2);
}

describe('npm run audit -- --salesforce', () => {
  it('gives the same report from the org as from the exported bundles and outcomes', async () => {
    const files = await bundleFiles();
    const fromFiles = await runAuditCli(
      [
        '--json',
        '--as-of',
        AS_OF,
        '--definitions',
        'definitions.json',
        ...TEAM.map((rep) => `${rep.name}.json`),
        'outcomes.csv',
      ],
      filesIo(files),
    );
    expect(fromFiles.stderr).toBe('');
    const fromOrg = await runAuditCli(
      ['--json', '--as-of', AS_OF, '--definitions', 'definitions.json', '--salesforce', server.httpOrigin],
      filesIo(files),
    );
    expect(fromOrg.stderr).toBe('');
    expect(fromOrg.exitCode).toBe(0);
    expect(statistics(fromOrg.stdout)).toBe(statistics(fromFiles.stdout));
    const inputs = (JSON.parse(fromOrg.stdout) as { inputs: Record<string, unknown> }).inputs;
    expect(inputs).toMatchObject({ scores: 96, outcomes: 20, selfDeclared: false });
    expect(inputs.verifiedRaters).toEqual(
      expect.arrayContaining(TEAM.map((rep) => ({ userId: rep.userId, name: rep.name }))),
    );
  });

  it('merges org rows and file rows by score id without counting twice, and flags a claimed identity the org lacks', async () => {
    const files = await bundleFiles();
    const forged = await createBundle({
      rater: TEAM[0]!.email,
      exportedAt: new Date(AS_OF),
      scores: [
        {
          ...fixture.scores.get(TEAM[0]!.userId)![0]!,
          definitions: {
            ...fixture.scores.get(TEAM[0]!.userId)![0]!.definitions,
            hash: await hashDefinitions(fixture.definitions),
          },
          id: 'ffffffff-0000-4000-8000-000000000001',
          orgRater: { userId: TEAM[0]!.userId, name: TEAM[0]!.name, orgId: TEST_ORG_ID },
        },
      ],
      definitions: [fixture.definitions],
    });
    files.set('forged.json', bundleToJson(forged));
    const both = await runAuditCli(
      [
        '--json',
        '--as-of',
        AS_OF,
        '--definitions',
        'definitions.json',
        '--salesforce',
        server.httpOrigin,
        `${TEAM[0]!.name}.json`,
        'forged.json',
      ],
      filesIo(files),
    );
    expect(both.stderr).toBe('');
    const inputs = (JSON.parse(both.stdout) as { inputs: Record<string, unknown> }).inputs;
    expect(inputs.scores).toBe(96);
    expect(inputs.duplicates).toBe(32);
    expect(inputs.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('ffffffff-0000-4000-8000-000000000001')]),
    );
  });

  it('keeps a state file: the second run costs one query', async () => {
    const files = await bundleFiles();
    const args = ['--json', '--as-of', AS_OF, '--salesforce', server.httpOrigin, '--state', 'org.state'];
    const first = await runAuditCli(args, filesIo(files));
    expect(first.exitCode).toBe(0);
    server.calls.clear();
    const second = await runAuditCli(args, filesIo(files));
    expect(second.exitCode).toBe(0);
    expect(Object.fromEntries(server.calls)).toEqual({ 'GET query-all': 1 });
    expect(statistics(second.stdout)).toBe(statistics(first.stdout));
  });

  it('reads --my-team from the role hierarchy, and exits 27 when the user has no team', async () => {
    const files = await bundleFiles();
    const team = await runAuditCli(
      ['--json', '--as-of', AS_OF, '--salesforce', server.httpOrigin, '--my-team'],
      filesIo(files),
    );
    expect(team.exitCode).toBe(0);
    expect(server.calls.get('GET query')).toBe(3);
    const auditor = await runAuditCli(
      ['--salesforce', server.httpOrigin, '--my-team'],
      filesIo(files, TEST_SESSIONS[2]!.token),
    );
    expect(auditor.exitCode).toBe(ORG_EXIT['no-team']);
    expect(auditor.stderr).toContain('No one is below your role');
    const both = await runAuditCli(
      ['--salesforce', server.httpOrigin, '--my-team', '--raters', TEAM[0]!.userId],
      filesIo(files),
    );
    expect(both.exitCode).toBe(2);
  });

  it('stops on Ctrl-C: the Bulk job under way is aborted in the org, exit 24, no state written', async () => {
    const files = await bundleFiles();
    server.batchSizes = [20];
    server.bulk.pollsBeforeComplete = 5;
    const interrupt = new AbortController();
    const result = await runAuditCli(
      ['--as-of', AS_OF, '--salesforce', server.httpOrigin, '--bulk-from', '10', '--state', 'org.state'],
      { ...filesIo(files), signal: interrupt.signal, wait: () => Promise.resolve(interrupt.abort()) },
    );
    expect(result.exitCode).toBe(ORG_EXIT.aborted);
    expect(result.stderr).toContain('cancelled');
    expect([...server.bulkJobStates().values()]).toEqual(['Aborted']);
    expect(files.has('org.state')).toBe(false);
  });

  it('exits with each org error its own status and message', async () => {
    const files = await bundleFiles();
    const seen = new Set<number>();
    for (const failure of [
      'expired-session',
      'api-access-control',
      'api-disabled-for-org',
      'api-currently-disabled',
      'request-limit',
      'not-deployed',
      'login-page',
      'server-error',
    ] as const) {
      server.clearFailures();
      server.fail(failure);
      const result = await runAuditCli(['--salesforce', server.httpOrigin], filesIo(files));
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(server.httpOrigin);
      expect(result.exitCode).toBeGreaterThanOrEqual(10);
      seen.add(result.exitCode);
    }
    expect(seen.size).toBe(8);
    server.clearFailures();
    const noToken = await runAuditCli(['--salesforce', server.httpOrigin], { ...filesIo(files), env: {} });
    expect(noToken).toMatchObject({ exitCode: 2, stderr: expect.stringContaining('SF_ACCESS_TOKEN') });
    expect(ORG_EXIT['session-expired']).toBe(10);
  });
});
