import { formatIssuePath } from '../definitions/parse-definitions';
import { RequestSchema, type ProtocolError, type Request } from './protocol';
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

function describeInvalidMessage(issues: { path: PropertyKey[]; message: string }[]): ProtocolError {
  const first = issues[0];
  const where = first
    ? `${formatIssuePath(first.path) || 'message'}: ${first.message}`
    : 'unrecognised message';
  return { code: 'invalid-message', message: `Rejected an invalid message (${where}).` };
}
