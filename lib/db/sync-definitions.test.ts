// @vitest-environment node
import 'fake-indexeddb/auto';
import { startDefinitionsServer, type DefinitionsServer } from '../../tests/support/definitions-server';
import { fixtureText } from '../../tests/unit/helpers/fixture-text';
import { hashDefinitions } from '../definitions/content-hash';
import { resolveDefinitionsConfig } from '../definitions/definitions-config';
import { DEFAULT_FETCH_LIMITS } from '../definitions/fetch-definitions';
import { parseDefinitions } from '../definitions/parse-definitions';
import { readActiveDefinitions, storeBuiltInDefinitions } from './definitions-repository';
import { readSetting } from './settings-repository';
import { syncDefinitionsFromUrl } from './sync-definitions';
import { YardstickDatabase } from './yardstick-database';

const teamText = fixtureText('definitions/two-criteria.json');
const builtIn = parseDefinitions(fixtureText('../../public/definitions/meddpicc.json'));
let server: DefinitionsServer;
let db: YardstickDatabase;
let builtInHash: string;
let databaseCounter = 0;
const now = () => new Date('2026-11-22T12:00:00Z');

beforeEach(async () => {
  server = await startDefinitionsServer();
  db = new YardstickDatabase(`sync-${++databaseCounter}`);
  if (!builtIn.ok) throw new Error('built-in definitions must be valid');
  builtInHash = await storeBuiltInDefinitions(db, builtIn.value, now());
});
afterEach(async () => {
  db.close();
  await server.close();
});

const configFor = (path: string, policy = {}) =>
  resolveDefinitionsConfig({ source: { kind: 'url', url: server.url(path) } }, policy);

describe('syncDefinitionsFromUrl', () => {
  it('activates valid definitions from the URL and then costs a 304 while they are unchanged', async () => {
    server.serve('/team.json', { body: teamText, etag: '"t1"' });
    const first = await syncDefinitionsFromUrl(db, configFor('/team.json'), DEFAULT_FETCH_LIMITS, now);
    expect(first).toMatchObject({ result: 'changed', version: '2.1.0' });
    expect((await readActiveDefinitions(db, builtInHash)).definitions.id).toBe('two-criteria');

    expect(await syncDefinitionsFromUrl(db, configFor('/team.json'), DEFAULT_FETCH_LIMITS, now)).toEqual({
      result: 'unchanged',
    });
    expect(server.requests.map((r) => r.status)).toEqual([200, 304]);
    expect(await readSetting(db, 'syncState')).toMatchObject({
      lastResult: 'unchanged',
      validators: { etag: '"t1"' },
    });
  });

  it('keeps the last good definitions when the server answers 500, and records the error', async () => {
    server.serve('/team.json', { body: teamText });
    await syncDefinitionsFromUrl(db, configFor('/team.json'), DEFAULT_FETCH_LIMITS, now);
    server.serve('/team.json', { status: 500, body: 'boom' });
    const outcome = await syncDefinitionsFromUrl(db, configFor('/team.json'), DEFAULT_FETCH_LIMITS, now);
    expect(outcome).toMatchObject({ result: 'failed', message: expect.stringContaining('500') });
    expect((await readActiveDefinitions(db, builtInHash)).definitions.id).toBe('two-criteria');
    expect(await readSetting(db, 'lastDefinitionsFailure')).toMatchObject({
      source: server.url('/team.json'),
    });
  });

  it('refuses content whose hash differs from the policy pin', async () => {
    server.serve('/team.json', { body: teamText });
    const outcome = await syncDefinitionsFromUrl(
      db,
      configFor('/team.json', {
        definitionsUrl: server.url('/team.json'),
        definitionsSha256: 'c'.repeat(64),
      }),
      DEFAULT_FETCH_LIMITS,
      now,
    );
    expect(outcome).toMatchObject({ result: 'failed', message: expect.stringContaining('pinned by policy') });
    expect((await readActiveDefinitions(db, builtInHash)).isBuiltIn).toBe(true);
  });

  it('accepts content matching the policy pin', async () => {
    server.serve('/team.json', { body: teamText });
    const parsed = parseDefinitions(teamText);
    const pin = parsed.ok ? await hashDefinitions(parsed.value) : '';
    const outcome = await syncDefinitionsFromUrl(
      db,
      configFor('/team.json', { definitionsUrl: server.url('/team.json'), definitionsSha256: pin }),
      DEFAULT_FETCH_LIMITS,
      now,
    );
    expect(outcome).toMatchObject({ result: 'changed', hash: pin });
  });

  it.each([
    ['an HTML error page', { body: '<html>502</html>', contentType: 'text/html' }, 'must be JSON or YAML'],
    ['an empty body', { body: '' }, 'empty file'],
    ['a body over the size cap', { body: ' '.repeat(1_000_001) }, 'over the 1,000,000-byte limit'],
    ['a timeout', { body: teamText, delayMs: 1_500 }, 'within 1 s'],
    ['a 404', { status: 404, body: 'missing' }, 'answered 404'],
    ['invalid definitions', { body: '{"schemaVersion": 1}' }, 'The definitions file has'],
    ['a newer format', { body: '{"schemaVersion": 9}' }, 'update Yardstick'],
  ] as const)('keeps the last good definitions through %s', async (_what, served, expected) => {
    server.serve('/team.json', { body: teamText });
    await syncDefinitionsFromUrl(db, configFor('/team.json'), DEFAULT_FETCH_LIMITS, now);
    server.serve('/team.json', served);
    const outcome = await syncDefinitionsFromUrl(
      db,
      configFor('/team.json'),
      { ...DEFAULT_FETCH_LIMITS, timeoutMs: 1_000 },
      now,
    );
    expect(outcome).toMatchObject({ result: 'failed', message: expect.stringContaining(expected) });
    expect((await readActiveDefinitions(db, builtInHash)).definitions.id).toBe('two-criteria');
    expect(await readSetting(db, 'lastDefinitionsFailure')).toMatchObject({
      error: { summary: expect.stringContaining(expected) },
    });
  });

  it('keeps the last good definitions through a redirect loop', async () => {
    server.serve('/team.json', { body: teamText });
    await syncDefinitionsFromUrl(db, configFor('/team.json'), DEFAULT_FETCH_LIMITS, now);
    server.serve('/loop-a.json', { redirectTo: '/loop-b.json' });
    server.serve('/loop-b.json', { redirectTo: '/loop-a.json' });
    const outcome = await syncDefinitionsFromUrl(db, configFor('/loop-a.json'), DEFAULT_FETCH_LIMITS, now);
    expect(outcome).toMatchObject({ result: 'failed', message: expect.stringContaining('redirect') });
    expect((await readActiveDefinitions(db, builtInHash)).definitions.id).toBe('two-criteria');
  });

  it('does nothing when no URL is configured', async () => {
    expect(
      await syncDefinitionsFromUrl(db, resolveDefinitionsConfig({}, {}), DEFAULT_FETCH_LIMITS, now),
    ).toEqual({
      result: 'not-configured',
    });
    expect(server.requests).toEqual([]);
  });

  it('activates definitions reached through an allowed redirect and records where they came from', async () => {
    const cdn = await startDefinitionsServer();
    try {
      server.serve('/team.json', { redirectTo: cdn.url('/v2/team.json') });
      cdn.serve('/v2/team.json', { body: teamText });
      const allowed = { ...configFor('/team.json'), allowedRedirectOrigins: [cdn.origin] };
      expect(await syncDefinitionsFromUrl(db, allowed, DEFAULT_FETCH_LIMITS, now)).toMatchObject({
        result: 'changed',
      });
      expect(await readSetting(db, 'syncState')).toMatchObject({
        url: server.url('/team.json'),
        finalUrl: cdn.url('/v2/team.json'),
      });
      expect((await readActiveDefinitions(db, builtInHash)).source).toBe(cdn.url('/v2/team.json'));
    } finally {
      await cdn.close();
    }
  });

  it('keeps the built-in definitions when the URL redirects to an origin policy does not allow', async () => {
    const cdn = await startDefinitionsServer();
    try {
      server.serve('/team.json', { redirectTo: cdn.url('/team.json') });
      cdn.serve('/team.json', { body: teamText });
      const outcome = await syncDefinitionsFromUrl(db, configFor('/team.json'), DEFAULT_FETCH_LIMITS, now);
      expect(outcome).toMatchObject({
        result: 'failed',
        message: expect.stringContaining(cdn.url('/team.json')),
      });
      expect((await readActiveDefinitions(db, builtInHash)).isBuiltIn).toBe(true);
      expect(cdn.requests).toEqual([]);
    } finally {
      await cdn.close();
    }
  });
});
