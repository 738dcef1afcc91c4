import type { Request, RequestType, Response } from '../../lib/messaging/protocol';
import { crmHostHandlers } from './crm-host-handlers';
import { dealHandlers } from './deal-handlers';
import { definitionsHandlers } from './definitions-handlers';
import { draftHandlers } from './draft-handlers';
import type { HandlerContext, RequestHandler, RequestHandlers } from './handler-context';
import { injectSidebarHandlers } from './inject-sidebar';
import { orgDealHandlers } from './org-deal-handlers';
import { orgConnectHandlers } from './org/org-connect-handlers';
import { orgSyncHandlers } from './org/org-sync-handlers';
import { rescoreHandlers } from './rescore-handlers';
import { restoreHandlers } from './restore-handlers';
import { roleHandlers } from './role-handlers';
import { sidebarStartHandlers } from './sidebar-start-handlers';

/** Every request type's handler; a type without one, or a handler answering another type's response, fails `tsc`. */
const HANDLERS: RequestHandlers = {
  ...injectSidebarHandlers,
  ...dealHandlers,
  ...orgDealHandlers,
  ...definitionsHandlers,
  ...roleHandlers,
  ...crmHostHandlers,
  ...restoreHandlers,
  ...draftHandlers,
  ...sidebarStartHandlers,
  ...orgSyncHandlers,
  ...orgConnectHandlers,
  ...rescoreHandlers,
};

/** Runs one validated request and returns its response; expected failures are values. */
export function handleRequest<R extends Request>(
  request: R,
  context: HandlerContext,
): Promise<Response<R['type']>> {
  // The table is typed per request type; TypeScript cannot correlate the lookup with the request's union member.
  const handler = HANDLERS[request.type as RequestType] as unknown as RequestHandler<R['type']>;
  return handler(request as Parameters<typeof handler>[0], context);
}
