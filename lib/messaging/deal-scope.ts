import type { Request } from './protocol';

/**
 * The deal a request reads or writes: its `dealKey`, or the key of the snapshot it saves; null when it
 * names none. Read from the request's shape, so a new request that names a deal is scoped without a list.
 */
export function requestedDealKey(request: Request): string | null {
  if ('dealKey' in request && typeof request.dealKey === 'string') return request.dealKey;
  if ('deal' in request && typeof request.deal === 'object' && request.deal !== null) {
    const { dealKey } = request.deal as { dealKey?: unknown };
    if (typeof dealKey === 'string') return dealKey;
  }
  return null;
}
