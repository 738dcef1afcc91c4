import { err, ok, type Result } from '../result';
import { MAX_DEFINITIONS_BYTES } from './definitions-limits';
import { checkRedirectTarget, MAX_DEFINITIONS_REDIRECTS } from './definitions-redirect';
import type { DefinitionsSyntax } from './read-definitions-text';

/** Validators from the last successful fetch, sent back so an unchanged file costs a 304. */
export interface ConditionalHeaders {
  etag: string | null;
  lastModified: string | null;
}

/** Limits of one fetch. */
export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** Default limits: 15 s and 1 MB. */
export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 15_000, maxBytes: MAX_DEFINITIONS_BYTES };

/** What a fetch brought back. */
export type FetchedDefinitions =
  | { kind: 'unchanged' }
  | {
      kind: 'fetched';
      text: string;
      syntax: DefinitionsSyntax;
      validators: ConditionalHeaders;
      /** Where the text came from: the definitions URL, or where it redirected to. */
      finalUrl: string;
    };

/** Why a fetch failed; `message` is shown to reps and admins as is. */
export interface FetchFailure {
  code:
    | 'invalid-url'
    | 'timeout'
    | 'network'
    | 'cors'
    | 'redirect'
    | 'http-status'
    | 'content-type'
    | 'too-large'
    | 'empty';
  message: string;
}

/** What the caller knows beyond the URL: which other origins policy lets the URL redirect to. */
export interface FetchContext {
  /** Origins (`https://cdn.acme.com`) the definitions URL may redirect to besides its own. */
  allowedRedirectOrigins?: readonly string[];
  /** Names the cause of a failure with no answer (CORS, host access), or null when it cannot tell. */
  explainNetworkFailure?: (url: string) => Promise<string | null>;
}

/**
 * Fetches a definitions file with a conditional request, a timeout, a size cap and a content-type
 * check. `text/plain` is accepted only when the URL names a .json/.yaml/.yml file (raw file hosts).
 */
export async function fetchDefinitions(
  url: string,
  previous: ConditionalHeaders | null,
  limits: FetchLimits,
  fetchImpl: typeof fetch = fetch,
  context: FetchContext = {},
): Promise<Result<FetchedDefinitions, FetchFailure>> {
  const checkedUrl = checkDefinitionsUrl(url);
  if (!checkedUrl.ok) return checkedUrl;
  const headers: Record<string, string> = {
    Accept: 'application/json, application/yaml, text/yaml;q=0.9, */*;q=0.1',
  };
  if (previous?.etag) headers['If-None-Match'] = previous.etag;
  if (previous?.lastModified) headers['If-Modified-Since'] = previous.lastModified;
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const init: RequestInit = { headers, signal, cache: 'no-store', credentials: 'omit' };
  try {
    const reached = await followRedirects(
      checkedUrl.value,
      init,
      context.allowedRedirectOrigins ?? [],
      fetchImpl,
    );
    if (!reached.ok) return reached;
    const { response, finalUrl } = reached.value;
    if (response.status === 304) return ok({ kind: 'unchanged' });
    if (!response.ok) {
      return err({
        code: 'http-status',
        message: `The server answered ${response.status} ${response.statusText}`.trim() + ` for ${finalUrl}.`,
      });
    }
    const syntax = syntaxFromContentType(response.headers.get('content-type'), finalUrl);
    if (!syntax.ok) return syntax;
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limits.maxBytes) return tooLarge(declared, limits);
    const text = await readCapped(response, limits);
    if (!text.ok) return text;
    if (text.value.trim() === '')
      return err({ code: 'empty', message: `The server sent an empty file from ${finalUrl}.` });
    return ok({
      kind: 'fetched',
      text: text.value,
      syntax: syntax.value,
      validators: { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') },
      finalUrl,
    });
  } catch (error) {
    if (signal.aborted || (error instanceof DOMException && error.name === 'TimeoutError')) {
      return err({
        code: 'timeout',
        message: `No complete answer from ${url} within ${limits.timeoutMs / 1000} s.`,
      });
    }
    const explained = await context.explainNetworkFailure?.(url).catch(() => null);
    if (explained) return err({ code: 'cors', message: `Could not read ${url}: ${explained}` });
    const detail = describeNetworkError(error);
    return err({
      code: 'network',
      message: `Could not fetch ${url}: ${detail} (unreachable, refused or blocked).`,
    });
  }
}

/**
 * Requests `url` without letting the platform follow redirects, so a redirect to http or to another
 * origin is refused before any request is sent there. An extension service worker hides a redirect's
 * Location (an opaqueredirect), so there the redirect is followed and its end checked afterwards:
 * the request to a refused target has then been made, without credentials, but nothing it answers is read.
 */
async function followRedirects(
  url: string,
  init: RequestInit,
  allowedOrigins: readonly string[],
  fetchImpl: typeof fetch,
): Promise<Result<{ response: Response; finalUrl: string }, FetchFailure>> {
  let current = url;
  for (let hop = 0; hop <= MAX_DEFINITIONS_REDIRECTS; hop++) {
    const response = await fetchImpl(current, { ...init, redirect: 'manual' });
    if (response.type === 'opaqueredirect') {
      const followed = await fetchImpl(current, { ...init, redirect: 'follow' });
      const finalUrl = followed.redirected && followed.url ? followed.url : current;
      const allowed = checkRedirectTarget(url, finalUrl, allowedOrigins);
      if (!allowed.ok) {
        await followed.body?.cancel();
        return allowed;
      }
      return ok({ response: followed, finalUrl });
    }
    const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get('location') : null;
    if (location === null) return ok({ response, finalUrl: current });
    await response.body?.cancel();
    const next = checkRedirectTarget(url, new URL(location, current).href, allowedOrigins);
    if (!next.ok) return next;
    current = next.value;
  }
  return err({
    code: 'redirect',
    message: `${url} redirected more than ${MAX_DEFINITIONS_REDIRECTS} times (a redirect loop?); last to ${current}.`,
  });
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Accepts https URLs, and http only for localhost (for admins testing a file locally). */
export function checkDefinitionsUrl(url: string): Result<string, FetchFailure> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return err({ code: 'invalid-url', message: `"${url}" is not a URL.` });
  }
  const localhost = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol === 'https:' || (parsed.protocol === 'http:' && localhost)) return ok(parsed.href);
  return err({
    code: 'invalid-url',
    message: `Definitions URLs must use https (http is allowed only for localhost): ${url}`,
  });
}

function syntaxFromContentType(header: string | null, url: string): Result<DefinitionsSyntax, FetchFailure> {
  const type = (header ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json' || type.endsWith('+json')) return ok('json');
  if (['application/yaml', 'application/x-yaml', 'text/yaml', 'text/x-yaml'].includes(type))
    return ok('yaml');
  const path = new URL(url).pathname.toLowerCase();
  if (type === 'text/plain' && path.endsWith('.json')) return ok('json');
  if (type === 'text/plain' && /\.ya?ml$/.test(path)) return ok('yaml');
  return err({
    code: 'content-type',
    message: `The server sent ${type || 'no content type'} from ${url}; a definitions file must be JSON or YAML${
      type === 'text/html' ? ' (an HTML page is usually a login or error page)' : ''
    }.`,
  });
}

async function readCapped(response: Response, limits: FetchLimits): Promise<Result<string, FetchFailure>> {
  if (!response.body) return ok(await response.text());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limits.maxBytes) {
      await reader.cancel();
      return tooLarge(received, limits);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return ok(new TextDecoder('utf-8').decode(bytes));
}

function tooLarge(bytes: number, limits: FetchLimits): Result<never, FetchFailure> {
  return err({
    code: 'too-large',
    message: `The file is over the ${limits.maxBytes.toLocaleString('en-US')}-byte limit (${bytes.toLocaleString('en-US')}+ bytes).`,
  });
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
}
