// @vitest-environment node
import { DEFAULT_FETCH_LIMITS, fetchDefinitions } from './fetch-definitions';
import { explainBlockedFetch } from './explain-blocked-fetch';

const url = 'https://defs.acme.example/team.json';

/** A browser without host access to a server that sends no CORS headers: only no-cors requests get an answer. */
const corsBlockingFetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
  if (init?.mode === 'no-cors') return new Response(null);
  throw new TypeError('Failed to fetch');
}) as typeof fetch;
const unreachableFetch = (async () => {
  throw new TypeError('Failed to fetch');
}) as typeof fetch;

describe('a definitions fetch that fails without an answer', () => {
  it('names CORS and host access when the server answers but the browser withholds it', async () => {
    const result = await fetchDefinitions(url, null, DEFAULT_FETCH_LIMITS, corsBlockingFetch, {
      explainNetworkFailure: (failed) => explainBlockedFetch(failed, false, corsBlockingFetch),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'cors' } });
    if (result.ok) return;
    expect(result.error.message).toContain('CORS');
    expect(result.error.message).toContain('no host access to https://defs.acme.example');
    expect(result.error.message).not.toContain('unreachable');
  });

  it('keeps "unreachable" when the server does not answer at all, or when host access rules CORS out', async () => {
    expect(await explainBlockedFetch(url, false, unreachableFetch)).toBeNull();
    expect(await explainBlockedFetch(url, true, corsBlockingFetch)).toBeNull();
    const result = await fetchDefinitions(url, null, DEFAULT_FETCH_LIMITS, unreachableFetch, {
      explainNetworkFailure: (failed) => explainBlockedFetch(failed, false, unreachableFetch),
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'network', message: expect.stringContaining('unreachable') },
    });
  });
});
