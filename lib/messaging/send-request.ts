import type { Request, Response } from './protocol';

/**
 * Sends one request to the background and resolves to its response, typed by the request's `type`:
 * a request missing a field, or a response read as another request's, fails `tsc`.
 */
export type SendRequest = <R extends Request>(request: R) => Promise<Response<R['type']>>;

/** The typed sender over a transport that delivers a message and resolves to the answer (`runtime.sendMessage`). */
export function typedSender(transport: (message: Request) => Promise<unknown>): SendRequest {
  return <R extends Request>(request: R) => transport(request) as Promise<Response<R['type']>>;
}
