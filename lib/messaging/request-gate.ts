import { formatIssuePath } from '../definitions/parse-definitions';
import { RequestSchema, type ProtocolError, type Request } from './protocol';
import { requestedDealKey } from './deal-scope';
import { isExtensionPageOnly } from './protocol-names';
import { classifySender, type ExtensionIdentity, type SenderFacts, type SenderKind } from './trusted-sender';

/** What the gate decided about one incoming message. */
export type GateDecision =
  /** Not from this extension: left unanswered, as if nobody listened. */
  | { verdict: 'ignore' }
  /** From us but refused: answered with the error. */
  | { verdict: 'refuse'; error: ProtocolError }
  /** A valid request its sender may make. */
  | { verdict: 'accept'; request: Request; sender: SenderKind };

/**
 * Checks a message before any handler runs: the sender must be this extension, the message must parse
 * with the protocol's schema, and a `page→` request must come from an extension page in its own tab or
 * window (not a content script, nor one of our pages docked in a CRM page).
 */
export function gateRequest(message: unknown, sender: SenderFacts, self: ExtensionIdentity): GateDecision {
  const kind = classifySender(sender, self);
  if (!kind) return { verdict: 'ignore' };
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return { verdict: 'refuse', error: describeInvalidMessage(parsed.error.issues) };
  if (kind !== 'extension-page' && isExtensionPageOnly(parsed.data.type)) {
    return {
      verdict: 'refuse',
      error: {
        code: 'forbidden',
        message: `${parsed.data.type} is only accepted from Yardstick's own pages.`,
      },
    };
  }
  return { verdict: 'accept', request: parsed.data, sender: kind };
}

/**
 * Whether an accepted request must pass `gateDealScope`: a request that names a deal, from a content
 * script or from one of our pages docked in a CRM tab.
 */
export function needsPageDeal(decision: GateDecision): boolean {
  return (
    decision.verdict === 'accept' &&
    decision.sender !== 'extension-page' &&
    requestedDealKey(decision.request) !== null
  );
}

/**
 * The second check, for a content script's or docked page's accepted request: a deal it names must be
 * the deal its frame (a docked page: its tab) shows (`pageDealKey`, keyed by the background from the
 * URL), so that a script in one deal's tab cannot read or write another's. Extension pages in their own
 * tab or window may name any deal.
 */
export function gateDealScope(decision: GateDecision, pageDealKey: string | null): GateDecision {
  if (decision.verdict !== 'accept' || decision.sender === 'extension-page') return decision;
  const asked = requestedDealKey(decision.request);
  if (asked === null || asked === pageDealKey) return decision;
  return {
    verdict: 'refuse',
    error: {
      code: 'not-this-deal',
      message:
        pageDealKey === null
          ? `${decision.request.type} names a deal, but the page that sent it shows none.`
          : `${decision.request.type} names a deal other than the one its page shows.`,
    },
  };
}

function describeInvalidMessage(issues: { path: PropertyKey[]; message: string }[]): ProtocolError {
  const first = issues[0];
  const where = first
    ? `${formatIssuePath(first.path) || 'message'}: ${first.message}`
    : 'unrecognised message';
  return { code: 'invalid-message', message: `Rejected an invalid message (${where}).` };
}
