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
 * with the protocol's schema, and a `page→` request must come from an extension page.
 */
export function gateRequest(message: unknown, sender: SenderFacts, self: ExtensionIdentity): GateDecision {
  const kind = classifySender(sender, self);
  if (!kind) return { verdict: 'ignore' };
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return { verdict: 'refuse', error: describeInvalidMessage(parsed.error.issues) };
  if (kind === 'content-script' && isExtensionPageOnly(parsed.data.type)) {
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

/** Whether an accepted request must pass `gateDealScope`: a content script's request that names a deal. */
export function needsPageDeal(decision: GateDecision): boolean {
  return (
    decision.verdict === 'accept' &&
    decision.sender === 'content-script' &&
    requestedDealKey(decision.request) !== null
  );
}

/**
 * The second check, for a content script's accepted request: a deal it names must be the deal its frame
 * shows (`pageDealKey`, keyed by the background from the sender's URL), so that a script in one deal's
 * tab cannot read or write another's. Extension pages may name any deal.
 */
export function gateDealScope(decision: GateDecision, pageDealKey: string | null): GateDecision {
  if (decision.verdict !== 'accept' || decision.sender !== 'content-script') return decision;
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
