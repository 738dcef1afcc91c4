import { browser } from 'wxt/browser';
import { describeFailure } from '../../lib/messaging/describe-failure';
import { gateRequest } from '../../lib/messaging/request-gate';
import type { BackgroundServices } from './background-services';
import { handleRequest } from './handle-request';
import type { HandlerEffects } from './handler-context';

/** Listens for requests: checks the sender, validates the message, then runs its handler. */
export function setUpMessages(services: BackgroundServices, effects: HandlerEffects): void {
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    const decision = gateRequest(message, sender, self);
    if (decision.verdict === 'ignore') return false;
    if (decision.verdict === 'refuse') {
      sendResponse({ ok: false, error: decision.error });
      return false;
    }
    const cookieStoreId = (sender.tab as { cookieStoreId?: string } | undefined)?.cookieStoreId;
    const origin = { tabId: sender.tab?.id, frameId: sender.frameId, url: sender.url, cookieStoreId };
    handleRequest(decision.request, { services, effects, origin })
      .then(sendResponse)
      .catch((error: unknown) => sendResponse({ ok: false, error: describeFailure(error) }));
    return true;
  });
}
