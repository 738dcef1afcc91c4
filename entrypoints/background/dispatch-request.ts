import { dealKeyOfUrl } from '../../lib/crm/adapter-registry';
import { describeFailure } from '../../lib/messaging/describe-failure';
import type { Response, RequestType } from '../../lib/messaging/protocol';
import {
  gateDealScope,
  gateRequest,
  needsPageDeal,
  type GateDecision,
} from '../../lib/messaging/request-gate';
import type { ExtensionIdentity, SenderFacts } from '../../lib/messaging/trusted-sender';
import type { BackgroundServices } from './background-services';
import { adapterConfigsOf } from './custom-crm-hosts';
import { handleRequest } from './handle-request';
import type { HandlerEffects } from './handler-context';

/** The parts of `runtime.MessageSender` the background reads. */
export interface MessageSenderDetails extends SenderFacts {
  tab?: { id?: number; url?: string; cookieStoreId?: string };
  frameId?: number;
}

/**
 * Answers one incoming message: the gate, then (for a content script's request that names a deal) the
 * deal its frame's URL shows, then the handler. Resolves undefined for a message it must not answer.
 */
export async function dispatchRequest(
  message: unknown,
  sender: MessageSenderDetails,
  self: ExtensionIdentity,
  services: BackgroundServices,
  effects: HandlerEffects,
): Promise<Response<RequestType> | undefined> {
  let decision = gateRequest(message, sender, self);
  let url = pageUrlOf(sender, decision);
  if (needsPageDeal(decision)) {
    const accepted = decision;
    decision = gateDealScope(accepted, await pageDealKey(services, url));
    const tabId = sender.tab?.id;
    if (decision.verdict === 'refuse' && judgedByTabUrl(decision, sender) && tabId !== undefined) {
      url = await effects.tabUrlAfterNavigation(tabId, url);
      decision = gateDealScope(accepted, await pageDealKey(services, url));
    }
  }
  if (decision.verdict === 'ignore') return undefined;
  if (decision.verdict === 'refuse') return { ok: false, error: decision.error };
  const origin = {
    sender: decision.sender,
    tabId: sender.tab?.id,
    frameId: sender.frameId,
    url,
    cookieStoreId: sender.tab?.cookieStoreId,
  };
  return handleRequest(decision.request, { services, effects, origin }).catch((error: unknown) => ({
    ok: false as const,
    error: describeFailure(error),
  }));
}

/**
 * The URL the sending frame shows now. `sender.url` is the URL its document loaded with: Chromium does
 * not follow a single-page app's in-place navigations there, but the tab's URL (given with our host
 * permission) does, so the top frame is judged by the tab's URL and a subframe by its document's. Our
 * page docked in a CRM tab (the sidebar frame) acts for the deal of the tab it is docked in.
 */
export function pageUrlOf(sender: MessageSenderDetails, decision?: GateDecision): string | undefined {
  return judgedByTabUrl(decision, sender) && sender.tab?.url !== undefined ? sender.tab.url : sender.url;
}

function judgedByTabUrl(decision: GateDecision | undefined, sender: MessageSenderDetails): boolean {
  return sender.frameId === 0 || (decision?.verdict === 'accept' && decision.sender === 'docked-page');
}

/** The deal the sender's frame shows: a built-in CRM's from its URL alone, a custom host's by its configs. */
async function pageDealKey(services: BackgroundServices, url: string | undefined): Promise<string | null> {
  if (url === undefined) return null;
  const builtIn = dealKeyOfUrl(url);
  if (builtIn !== null) return builtIn;
  const { entries } = await services.readCustomCrms({ lastKnown: true });
  return dealKeyOfUrl(url, adapterConfigsOf(entries));
}
