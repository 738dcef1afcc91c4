import { browser } from 'wxt/browser';
import { EXTENSION_PAGE_ONLY, RequestSchema, type ProtocolError } from '../../lib/messaging/protocol';
import { classifySender } from '../../lib/messaging/trusted-sender';
import { formatIssuePath } from '../../lib/definitions/parse-definitions';
import { describeFailure } from '../../lib/messaging/describe-failure';
import type { BackgroundServices } from './background-services';
import { handleRequest, type HandlerEffects } from './handle-request';

/** Listens for requests: checks the sender, validates the message, then runs its handler. */
export function setUpMessages(services: BackgroundServices, effects: HandlerEffects): void {
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const kind = classifySender(sender, self);
    if (!kind) return false;
    const parsed = RequestSchema.safeParse(message);
    if (!parsed.success) {
      sendResponse({ ok: false, error: describeInvalidMessage(parsed.error.issues) });
      return false;
    }
    if (kind === 'content-script' && EXTENSION_PAGE_ONLY.has(parsed.data.type)) {
      sendResponse({
        ok: false,
        error: {
          code: 'forbidden',
          message: `${parsed.data.type} is only accepted from Yardstick's own pages.`,
        },
      });
      return false;
    }
    handleRequest(parsed.data, { tabId: sender.tab?.id, frameId: sender.frameId }, services, effects)
      .then(sendResponse)
      .catch((error: unknown) => sendResponse({ ok: false, error: describeFailure(error) }));
    return true;
  });
}

function describeInvalidMessage(issues: { path: PropertyKey[]; message: string }[]): ProtocolError {
  const first = issues[0];
  const where = first
    ? `${formatIssuePath(first.path) || 'message'}: ${first.message}`
    : 'unrecognised message';
  return { code: 'invalid-message', message: `Rejected an invalid message (${where}).` };
}
