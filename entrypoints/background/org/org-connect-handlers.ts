import type { Response } from '../../../lib/messaging/protocol';
import { MessageType } from '../../../lib/messaging/protocol';
import { apiOriginForHost } from '../../../lib/org/salesforce/api-host';
import type { HandlerContext, HandlerSlice } from '../handler-context';

type ConnectResponse = Response<typeof MessageType.connectOrgFromPage>;

/** "Connect to Salesforce" from the popup (the org whose outbox waits) and from a deal's sidebar (its tab's org). */
export const orgConnectHandlers: HandlerSlice<
  typeof MessageType.connectOrgFromPage | typeof MessageType.connectOrgFromSidebar
> = {
  [MessageType.connectOrgFromPage]: ({ apiOrigin }, context) => {
    const api = apiOriginForHost(new URL(apiOrigin).host);
    if (!api.ok || api.value !== apiOrigin)
      return Promise.resolve(notAnOrg(`${apiOrigin} is not an org's API address.`));
    return connect(apiOrigin, context);
  },
  [MessageType.connectOrgFromSidebar]: (_request, context) => {
    const host = context.origin.url ? URL.parse(context.origin.url)?.host : undefined;
    const api = host ? apiOriginForHost(host) : null;
    if (context.origin.tabId === undefined || !api?.ok) {
      return Promise.resolve(notAnOrg('This page is not a Salesforce org page Yardstick can connect.'));
    }
    return connect(api.value, context);
  },
};

async function connect(apiOrigin: string, { effects }: HandlerContext): Promise<ConnectResponse> {
  const connected = await effects.orgOAuth.connect(apiOrigin);
  if (!connected.ok)
    return { ok: false, error: { code: connected.error.code, message: connected.error.message } };
  // The outbox drains in the background: the rep sees the connection at once, the states as they change.
  void effects.orgSync
    .orgConnected(apiOrigin)
    .catch((error: unknown) => console.error('Org sync drain failed', error));
  await effects.announceStateChange();
  return { ok: true, value: { apiOrigin, userName: connected.value.user.name } };
}

function notAnOrg(message: string): ConnectResponse {
  return { ok: false, error: { code: 'not-an-org', message } };
}
