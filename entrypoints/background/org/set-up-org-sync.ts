import { browser } from 'wxt/browser';
import {
  createOrgSessions,
  type LinkMemory,
  type RememberedLink,
} from '../../../lib/org/salesforce/org-sessions';
import type { OAuthGrants } from '../../../lib/org/salesforce/oauth/oauth-grants';
import { peekSession } from '../../../lib/org/salesforce/peek-link';
import type { BackgroundServices } from '../background-services';
import { createOrgSync, type OrgSync } from './org-sync';

/** The alarm that wakes the outbox for its next due score or the end of a pause. */
export const ORG_OUTBOX_ALARM = 'org-outbox';
const DRAIN_LOCK = 'yardstick-org-outbox-drain';
const LINK_KEY_PREFIX = 'orgLink:';
const CALL_TIMEOUT_MS = 20_000;
// Chromium does not fire an alarm sooner than this after it is set.
const MIN_ALARM_DELAY_MS = 30_000;

/** Links live in storage.session: gone when the browser closes, never written to disk. */
const sessionMemory: LinkMemory = {
  read: async (apiOrigin) => {
    const key = LINK_KEY_PREFIX + apiOrigin;
    return ((await browser.storage.session.get(key))[key] as RememberedLink | undefined) ?? null;
  },
  write: (link) => browser.storage.session.set({ [LINK_KEY_PREFIX + link.apiOrigin]: link }),
  forget: (apiOrigin) => browser.storage.session.remove(LINK_KEY_PREFIX + apiOrigin),
};

async function readSessionId(apiOrigin: string, cookieStoreId?: string): Promise<string | null> {
  const cookie = await browser.cookies.get({ url: `${apiOrigin}/`, name: 'sid', storeId: cookieStoreId });
  return cookie?.value || null;
}

/**
 * Writes scores back to the org: drains at start (a woken or restarted worker), after each save, on
 * the outbox alarm, when a session cookie changes and when a deal opens. One drain at a time across
 * overlapping wake-ups (navigator.locks).
 */
export function setUpOrgSync(
  services: BackgroundServices,
  announceStateChange: () => Promise<void>,
  oauth: OAuthGrants,
): OrgSync {
  const sessions = createOrgSessions({
    readSessionId,
    fetch: (url, init) => fetch(url, init),
    memory: sessionMemory,
    timeoutMs: CALL_TIMEOUT_MS,
    oauth,
  });
  const orgSync = createOrgSync({
    db: services.db,
    readPolicy: async () => (await services.readPolicy()).policy,
    sessions,
    peekSession: (apiOrigin, cookieStoreId) =>
      peekSession({ readSessionId, memory: sessionMemory, oauth }, apiOrigin, cookieStoreId),
    async exclusive(drain) {
      let result: Awaited<ReturnType<typeof drain>> | undefined;
      await navigator.locks.request(DRAIN_LOCK, async () => {
        result = await drain();
      });
      return result!;
    },
    async scheduleWake(at) {
      if (at === null) {
        await browser.alarms.clear(ORG_OUTBOX_ALARM);
        return;
      }
      const when = Math.max(at, Date.now() + MIN_ALARM_DELAY_MS);
      const existing = await browser.alarms.get(ORG_OUTBOX_ALARM);
      if (existing && existing.scheduledTime <= when) return;
      await browser.alarms.create(ORG_OUTBOX_ALARM, { when });
    },
    now: () => Date.now(),
    backoff: { baseMs: 30_000, maxMs: 60 * 60 * 1000, random: Math.random },
    onDrained: (results) => {
      if (results.some((result) => result.calls > 0)) void announceStateChange();
    },
  });
  const drain = () =>
    void orgSync.drain().catch((error: unknown) => console.error('Org sync drain failed', error));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ORG_OUTBOX_ALARM) drain();
  });
  browser.cookies.onChanged.addListener(({ cookie, removed }) => {
    if (cookie.name === 'sid' && !removed) void orgSync.sessionChanged(cookie.domain).catch(() => undefined);
  });
  browser.runtime.onStartup.addListener(drain);
  drain();
  return orgSync;
}
