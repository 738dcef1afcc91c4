import { thisExtension } from '../this-extension';
import { browser, type Browser } from 'wxt/browser';
import { OrgAuditDatabase, readOrgAuditState, saveOrgAuditState } from '../../../lib/db/org-audit-store';
import {
  isAuditPageSender,
  ORG_AUDIT_PORT,
  OrgAuditPortRequestSchema,
  type OrgAuditPortEvent,
} from '../../../lib/messaging/org-audit-port';
import { listRaters } from '../../../lib/org/salesforce/audit/list-raters';
import { runOrgAuditLoad } from '../../../lib/org/salesforce/audit/run-org-audit-load';
import { auditOrigins } from '../../../lib/org/salesforce/audit/audit-orgs';
import { captureFieldNames } from '../../../lib/org/salesforce/capture-field-names';
import { createOrgSessions } from '../../../lib/org/salesforce/org-sessions';
import type { BackgroundServices } from '../background-services';
import { readSessionCookie, sessionLinkMemory } from '../set-up-org-deals';
import type { OrgOAuth } from './set-up-org-oauth';

// One API call of a team's audit may page through thousands of rows: far longer than a deal read.
const ORG_AUDIT_CALL_TIMEOUT_MS = 120_000;

/**
 * The background's end of the audit page's "Load from Salesforce": only the audit page may connect;
 * it lists the orgs with a browser session or an OAuth grant, runs one load at a time with the manager's session, reports
 * progress, and stores the rows in the audit page's Dexie store. Closing the page cancels the load.
 */
export function setUpOrgAuditPort(
  services: BackgroundServices,
  oauth: Pick<OrgOAuth, 'grants' | 'connectedOrigins'>,
): void {
  const self = thisExtension();
  const sessions = createOrgSessions({
    readSessionId: readSessionCookie,
    fetch: (url, init) => fetch(url, init),
    memory: sessionLinkMemory,
    timeoutMs: ORG_AUDIT_CALL_TIMEOUT_MS,
    oauth: oauth.grants,
  });
  const store = new OrgAuditDatabase();

  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== ORG_AUDIT_PORT) return;
    if (!isAuditPageSender(port.sender, self)) {
      port.disconnect();
      return;
    }
    let running: AbortController | null = null;
    const send = (event: OrgAuditPortEvent) => {
      try {
        port.postMessage(event);
      } catch {
        // The page went away; its disconnect aborts the load.
      }
    };
    port.onDisconnect.addListener(() => running?.abort());
    port.onMessage.addListener((message: unknown) => {
      const parsed = OrgAuditPortRequestSchema.safeParse(message);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        send({
          type: 'failed',
          code: 'bad-request',
          message: `The audit page sent a request the background cannot read: ${issue?.path.join('.') || 'request'}: ${issue?.message ?? 'invalid'}`,
        });
        return;
      }
      const request = parsed.data;
      if (request.type === 'cancel') {
        running?.abort();
        return;
      }
      if (request.type === 'list-orgs') {
        void orgsToList(oauth).then((origins) => send({ type: 'orgs', origins }));
        return;
      }
      if (request.type === 'list-raters') {
        void listRaters(request.origin, {
          link: (origin) => sessions.forApiOrigin(origin),
          readState: (origin) => readOrgAuditState(store, origin),
        }).then(send, (error: unknown) =>
          send({
            type: 'raters',
            origin: request.origin,
            choices: [],
            teamProblem: `The team could not be read: ${error instanceof Error ? error.message : String(error)}`,
          }),
        );
        return;
      }
      if (running) {
        send({
          type: 'failed',
          code: 'bad-request',
          message: 'A load is already running: wait for it or cancel it.',
        });
        return;
      }
      const controller = new AbortController();
      running = controller;
      void runOrgAuditLoad(request.origin, request.filters, {
        link: (origin) => sessions.forApiOrigin(origin),
        readState: (origin) => readOrgAuditState(store, origin),
        saveState: (origin, state) => saveOrgAuditState(store, origin, state, Date.now()),
        async segmentFields() {
          const { definitions } = await services.readActiveDefinitions();
          return captureFieldNames(definitions.captureFields ?? [], definitions.salesforceFields).apiFieldOf;
        },
        signal: controller.signal,
        wait: (ms) => abortableWait(ms, controller.signal),
        bulkFrom: request.bulkFrom,
        onProgress: (progress) => send({ type: 'progress', ...progress }),
      })
        .then(send, (error: unknown) =>
          send({
            type: 'failed',
            code: 'unexpected-answer',
            message: `The load stopped on an internal error: ${error instanceof Error ? error.message : String(error)}`,
          }),
        )
        .finally(() => {
          running = null;
        });
    });
  });
}

/** API origins of the orgs this browser is logged in to (a `sid` cookie) or connected to by OAuth. */
async function orgsToList(oauth: Pick<OrgOAuth, 'connectedOrigins'>): Promise<string[]> {
  const [cookies, granted] = await Promise.all([
    browser.cookies.getAll({ name: 'sid' }).catch((): Browser.cookies.Cookie[] => []),
    oauth.connectedOrigins().catch((): string[] => []),
  ]);
  return auditOrigins(cookies, granted);
}

function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
