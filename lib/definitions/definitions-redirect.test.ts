// @vitest-environment node
import { startDefinitionsServer, type DefinitionsServer } from '../../tests/support/definitions-server';
import { fixtureText } from '../../tests/unit/helpers/fixture-text';
import { checkRedirectTarget } from './definitions-redirect';
import { DEFAULT_FETCH_LIMITS, fetchDefinitions } from './fetch-definitions';

const valid = fixtureText('definitions/two-criteria.json');
let home: DefinitionsServer;
let elsewhere: DefinitionsServer;

beforeEach(async () => {
  [home, elsewhere] = await Promise.all([startDefinitionsServer(), startDefinitionsServer()]);
});
afterEach(async () => {
  await Promise.all([home.close(), elsewhere.close()]);
});

/** A fetch that answers each URL from a table, logging every request and the redirect mode asked for. */
function scriptedFetch(answers: Record<string, () => Response>) {
  const requested: { url: string; redirect: RequestRedirect | undefined }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    requested.push({ url, redirect: init?.redirect });
    const answer = answers[url];
    if (!answer) throw new TypeError('Failed to fetch');
    return answer();
  }) as typeof fetch;
  return { fetchImpl, requested };
}

function redirectResponse(location: string): Response {
  return new Response(null, { status: 302, headers: { Location: location } });
}

/** What an extension service worker gets for a redirect with `redirect: 'manual'`: no status, no Location. */
function opaqueRedirect(): Response {
  return { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as Response;
}

function followedTo(url: string, body: string): Response {
  const response = new Response(body, { headers: { 'Content-Type': 'application/json' } });
  Object.defineProperties(response, { url: { value: url }, redirected: { value: true } });
  return response;
}

describe('redirects of the definitions URL', () => {
  it('follows a redirect on the same origin and says where the file came from', async () => {
    home.serve('/team.json', { redirectTo: '/v2/team.json' });
    home.serve('/v2/team.json', { body: valid });
    const result = await fetchDefinitions(home.url('/team.json'), null, DEFAULT_FETCH_LIMITS);
    expect(result).toMatchObject({
      ok: true,
      value: { kind: 'fetched', finalUrl: home.url('/v2/team.json') },
    });
  });

  it('refuses a redirect to another origin without sending it a request, naming the target', async () => {
    home.serve('/team.json', { redirectTo: elsewhere.url('/team.json') });
    elsewhere.serve('/team.json', { body: valid });
    const result = await fetchDefinitions(home.url('/team.json'), null, DEFAULT_FETCH_LIMITS);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'redirect', message: expect.stringContaining(elsewhere.url('/team.json')) },
    });
    if (!result.ok) expect(result.error.message).toContain('definitionsAllowedRedirectOrigins');
    expect(elsewhere.requests).toEqual([]);
  });

  it('follows a redirect to another origin that policy allows', async () => {
    home.serve('/team.json', { redirectTo: elsewhere.url('/team.json') });
    elsewhere.serve('/team.json', { body: valid });
    const result = await fetchDefinitions(home.url('/team.json'), null, DEFAULT_FETCH_LIMITS, fetch, {
      allowedRedirectOrigins: [elsewhere.origin],
    });
    expect(result).toMatchObject({ ok: true, value: { text: valid, finalUrl: elsewhere.url('/team.json') } });
  });

  it('refuses an https URL that redirects to http, and never requests the http URL', async () => {
    const { fetchImpl, requested } = scriptedFetch({
      'https://defs.acme.example/team.json': () => redirectResponse('http://defs.acme.example/team.json'),
      'http://defs.acme.example/team.json': () => new Response(valid),
    });
    const result = await fetchDefinitions(
      'https://defs.acme.example/team.json',
      null,
      DEFAULT_FETCH_LIMITS,
      fetchImpl,
      {
        allowedRedirectOrigins: ['http://defs.acme.example'],
      },
    );
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'redirect',
        message: expect.stringContaining('http://defs.acme.example/team.json, which is not https'),
      },
    });
    expect(requested.map((r) => r.url)).toEqual(['https://defs.acme.example/team.json']);
  });

  it('where the platform hides the Location, checks where the redirect ended and reads nothing from a refused end', async () => {
    let served = 0;
    const { fetchImpl, requested } = scriptedFetch({
      'https://defs.acme.example/team.json': () =>
        served++ === 0 ? opaqueRedirect() : followedTo('http://defs.acme.example/team.json', valid),
    });
    const result = await fetchDefinitions(
      'https://defs.acme.example/team.json',
      null,
      DEFAULT_FETCH_LIMITS,
      fetchImpl,
    );
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'redirect', message: expect.stringContaining('http://defs.acme.example/team.json') },
    });
    expect(requested.map((r) => r.redirect)).toEqual(['manual', 'follow']);
  });

  it('where the platform hides the Location, accepts a redirect that ended on an allowed origin', async () => {
    let served = 0;
    const { fetchImpl } = scriptedFetch({
      'https://defs.acme.example/team.json': () =>
        served++ === 0 ? opaqueRedirect() : followedTo('https://cdn.acme.example/team.json', valid),
    });
    const result = await fetchDefinitions(
      'https://defs.acme.example/team.json',
      null,
      DEFAULT_FETCH_LIMITS,
      fetchImpl,
      {
        allowedRedirectOrigins: ['https://cdn.acme.example'],
      },
    );
    expect(result).toMatchObject({ ok: true, value: { finalUrl: 'https://cdn.acme.example/team.json' } });
  });
});

describe('checkRedirectTarget', () => {
  it('keeps localhost http on localhost, and never lets https fall back to http', () => {
    expect(checkRedirectTarget('http://localhost:8080/a.json', '/b.json', []).ok).toBe(true);
    expect(checkRedirectTarget('https://a.example/x.json', 'http://a.example/x.json', []).ok).toBe(false);
    expect(
      checkRedirectTarget('https://a.example/x.json', 'http://localhost/x.json', ['http://localhost']).ok,
    ).toBe(false);
    expect(checkRedirectTarget('https://a.example/x.json', 'https://b.example/x.json', []).ok).toBe(false);
    expect(
      checkRedirectTarget('https://a.example/x.json', 'https://b.example/x.json', ['https://b.example']).ok,
    ).toBe(true);
  });
});
