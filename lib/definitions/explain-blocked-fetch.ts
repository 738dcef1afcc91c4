/**
 * Names why a fetch failed before any answer could be read, where it can tell: without host access
 * an extension's fetch is subject to CORS, so a `no-cors` probe that gets an (opaque) answer shows the
 * server is up and the browser withheld its answer. With host access CORS does not apply, and a
 * failure means the server was unreachable, refused or blocked: null leaves the generic message.
 */
export async function explainBlockedFetch(
  url: string,
  hasHostAccess: boolean,
  fetchImpl: typeof fetch,
): Promise<string | null> {
  if (hasHostAccess) return null;
  const { origin } = new URL(url);
  try {
    await fetchImpl(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', redirect: 'manual' });
  } catch {
    return null;
  }
  return `The server at ${origin} answered, but the browser withheld the answer: it does not allow cross-origin reads (CORS: no Access-Control-Allow-Origin for this request) and Yardstick has no host access to ${origin}. Set the URL again in the options page and allow access, or have the server send Access-Control-Allow-Origin: * with Access-Control-Allow-Headers: If-None-Match, If-Modified-Since.`;
}
