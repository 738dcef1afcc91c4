// @vitest-environment node
import { startDefinitionsServer, type DefinitionsServer } from '../../tests/support/definitions-server';
import { fixtureText } from '../../tests/unit/helpers/fixture-text';
import { checkDefinitionsUrl, DEFAULT_FETCH_LIMITS, fetchDefinitions } from './fetch-definitions';

let server: DefinitionsServer;
const valid = fixtureText('definitions/two-criteria.json');

beforeEach(async () => {
  server = await startDefinitionsServer();
});
afterEach(async () => {
  await server.close();
});

describe('fetchDefinitions against a real HTTP server', () => {
  it('fetches JSON and keeps the validators for the next request', async () => {
    server.serve('/team.json', { body: valid, etag: '"v1"', lastModified: 'Sun, 22 Nov 2026 10:00:00 GMT' });
    const result = await fetchDefinitions(server.url('/team.json'), null, DEFAULT_FETCH_LIMITS);
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'fetched',
        text: valid,
        syntax: 'json',
        validators: { etag: '"v1"', lastModified: 'Sun, 22 Nov 2026 10:00:00 GMT' },
        finalUrl: server.url('/team.json'),
      },
    });
  });

  it('sends If-None-Match and reports a 304 as unchanged', async () => {
    server.serve('/team.json', { body: valid, etag: '"v1"' });
    const result = await fetchDefinitions(
      server.url('/team.json'),
      { etag: '"v1"', lastModified: null },
      DEFAULT_FETCH_LIMITS,
    );
    expect(result).toEqual({ ok: true, value: { kind: 'unchanged' } });
    expect(server.requests.at(-1)).toMatchObject({ ifNoneMatch: '"v1"', status: 304 });
  });

  it('reads YAML by content type', async () => {
    server.serve('/team', { body: 'schemaVersion: 1\n', contentType: 'application/yaml; charset=utf-8' });
    const result = await fetchDefinitions(server.url('/team'), null, DEFAULT_FETCH_LIMITS);
    expect(result.ok && result.value.kind === 'fetched' && result.value.syntax).toBe('yaml');
  });

  it('accepts text/plain only for a URL naming a .json or .yaml file', async () => {
    server.serve('/raw/team.yaml', { body: 'schemaVersion: 1\n', contentType: 'text/plain' });
    server.serve('/raw/team', { body: 'schemaVersion: 1\n', contentType: 'text/plain' });
    expect((await fetchDefinitions(server.url('/raw/team.yaml'), null, DEFAULT_FETCH_LIMITS)).ok).toBe(true);
    const refused = await fetchDefinitions(server.url('/raw/team'), null, DEFAULT_FETCH_LIMITS);
    expect(refused).toMatchObject({ ok: false, error: { code: 'content-type' } });
  });

  it('refuses an HTML page, naming it', async () => {
    server.serve('/login', { body: '<html>Sign in</html>', contentType: 'text/html' });
    const result = await fetchDefinitions(server.url('/login'), null, DEFAULT_FETCH_LIMITS);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'content-type', message: expect.stringContaining('login or error page') },
    });
  });

  it.each([404, 500])('reports HTTP %i with the status', async (status) => {
    server.serve('/broken.json', { status, body: 'oops' });
    const result = await fetchDefinitions(server.url('/broken.json'), null, DEFAULT_FETCH_LIMITS);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'http-status', message: expect.stringContaining(String(status)) },
    });
  });

  it('gives up on a slow server after the timeout', async () => {
    server.serve('/slow.json', { body: valid, delayMs: 2_000 });
    const result = await fetchDefinitions(server.url('/slow.json'), null, {
      ...DEFAULT_FETCH_LIMITS,
      timeoutMs: 200,
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'timeout', message: expect.stringContaining('0.2 s') },
    });
  });

  it('refuses a body over the size cap, declared or streamed', async () => {
    const big = 'x'.repeat(2_000);
    server.serve('/declared.json', { body: big });
    server.serve('/streamed.json', { body: big, chunked: true });
    for (const path of ['/declared.json', '/streamed.json']) {
      const result = await fetchDefinitions(server.url(path), null, {
        ...DEFAULT_FETCH_LIMITS,
        maxBytes: 1_000,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
    }
  });

  it('refuses an empty body', async () => {
    server.serve('/empty.json', { body: '' });
    expect(await fetchDefinitions(server.url('/empty.json'), null, DEFAULT_FETCH_LIMITS)).toMatchObject({
      ok: false,
      error: { code: 'empty' },
    });
  });

  it('reports a redirect loop as a redirect failure', async () => {
    server.serve('/a.json', { redirectTo: '/b.json' });
    server.serve('/b.json', { redirectTo: '/a.json' });
    const result = await fetchDefinitions(server.url('/a.json'), null, DEFAULT_FETCH_LIMITS);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'redirect', message: expect.stringContaining('redirect loop') },
    });
  });

  it('reports a server that is not there', async () => {
    const url = server.url('/gone.json');
    await server.close();
    server = await startDefinitionsServer();
    expect(await fetchDefinitions(url, null, DEFAULT_FETCH_LIMITS)).toMatchObject({
      ok: false,
      error: { code: 'network' },
    });
  });
});

describe('checkDefinitionsUrl', () => {
  it('allows https anywhere and http only for localhost', () => {
    expect(checkDefinitionsUrl('https://defs.acme.example/meddpicc.json').ok).toBe(true);
    expect(checkDefinitionsUrl('http://localhost:8080/x.json').ok).toBe(true);
    expect(checkDefinitionsUrl('http://127.0.0.1:8080/x.json').ok).toBe(true);
    expect(checkDefinitionsUrl('http://defs.acme.example/x.json')).toMatchObject({
      ok: false,
      error: { code: 'invalid-url' },
    });
    expect(checkDefinitionsUrl('ftp://x/y')).toMatchObject({ ok: false });
    expect(checkDefinitionsUrl('not a url')).toMatchObject({
      ok: false,
      error: { message: '"not a url" is not a URL.' },
    });
  });
});
