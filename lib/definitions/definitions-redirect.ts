import { err, ok, type Result } from '../result';

/** The most redirects followed from the definitions URL to the file. */
export const MAX_DEFINITIONS_REDIRECTS = 5;

/** Why a redirect of the definitions URL was not followed; `message` names the target. */
export interface RefusedRedirect {
  code: 'redirect';
  message: string;
}

/**
 * Decides whether the definitions URL may lead to `target`: only over https (an http URL on localhost,
 * which admins use to test a file, may stay on localhost http), and only to the URL's own origin or
 * one that policy lists in `definitionsAllowedRedirectOrigins`.
 */
export function checkRedirectTarget(
  definitionsUrl: string,
  target: string,
  allowedOrigins: readonly string[],
): Result<string, RefusedRedirect> {
  const from = new URL(definitionsUrl);
  let to: URL;
  try {
    to = new URL(target, definitionsUrl);
  } catch {
    return err({
      code: 'redirect',
      message: `${definitionsUrl} redirects to "${target}", which is not a URL.`,
    });
  }
  if (to.protocol !== 'https:' && !(to.protocol === 'http:' && from.protocol === 'http:' && isLoopback(to))) {
    return err({
      code: 'redirect',
      message: `${definitionsUrl} redirects to ${to.href}, which is not https; Yardstick does not follow it. Set the definitions URL to the file's https address.`,
    });
  }
  if (to.origin === from.origin) return ok(to.href);
  if (allowedOrigins.includes(to.origin)) return ok(to.href);
  return err({
    code: 'redirect',
    message: `${definitionsUrl} redirects to ${to.href}, on another origin (${to.origin}); Yardstick follows it only when the policy definitionsAllowedRedirectOrigins lists ${to.origin}. Set the definitions URL to the final address, or ask your administrator.`,
  });
}

function isLoopback(url: URL): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}
