import type { YardstickDatabase } from '../../../lib/db/yardstick-database';
import {
  createOrgSessions,
  type LinkMemory,
  type RememberedLink,
} from '../../../lib/org/salesforce/org-sessions';
import type { OAuthGrants } from '../../../lib/org/salesforce/oauth/oauth-grants';
import { peekSession } from '../../../lib/org/salesforce/peek-link';
import type { ManagedPolicy } from '../../../lib/policy/managed-policy';
import { createOrgSync, type OrgSync } from '../../../entrypoints/background/org/org-sync';

/** The browser's side of org sync, in memory: cookies by API origin, links, alarms, a clock. */
export interface OrgSyncHarness {
  orgSync: OrgSync;
  /** The `sid` cookie each API origin has; delete one to log the rep out. */
  cookies: Map<string, string>;
  links: Map<string, RememberedLink>;
  /** The wake-ups the drain asked for, in order (null: cleared). */
  wakes: (number | null)[];
  policy: ManagedPolicy;
  clock: { now: number };
  /** Every fetch the org sync made, by method and path. */
  fetches: string[];
}

/**
 * Org sync over a real database and a real `fetch` (the Salesforce test server, or nothing): only
 * the browser's cookies, storage.session, alarms and locks are replaced.
 */
export function createOrgSyncHarness(
  db: YardstickDatabase,
  options: {
    rewriteOrigin?: (apiOrigin: string) => string;
    policy?: ManagedPolicy;
    oauth?: OAuthGrants;
  } = {},
): OrgSyncHarness {
  const cookies = new Map<string, string>();
  const links = new Map<string, RememberedLink>();
  const wakes: (number | null)[] = [];
  const fetches: string[] = [];
  const clock = { now: Date.parse('2026-12-01T09:00:00Z') };
  const harness = { cookies, links, wakes, clock, fetches, policy: options.policy ?? { orgSync: true } };
  const memory: LinkMemory = {
    read: async (apiOrigin) => links.get(apiOrigin) ?? null,
    write: async (link) => void links.set(link.apiOrigin, link),
    forget: async (apiOrigin) => void links.delete(apiOrigin),
  };
  const readSessionId = async (apiOrigin: string) => cookies.get(apiOrigin) ?? null;
  const rewrite = options.rewriteOrigin ?? ((origin: string) => origin);
  const sessions = createOrgSessions({
    readSessionId,
    memory,
    timeoutMs: 5000,
    oauth: options.oauth,
    fetch: (url, init) => {
      const target = new URL(url);
      fetches.push(`${init.method ?? 'GET'} ${target.pathname}`);
      return fetch(rewrite(target.origin) + target.pathname + target.search, init);
    },
  });
  let chain: Promise<unknown> = Promise.resolve();
  const orgSync = createOrgSync({
    db,
    readPolicy: async () => harness.policy,
    sessions,
    peekSession: (apiOrigin, cookieStoreId) =>
      peekSession({ readSessionId, memory, oauth: options.oauth }, apiOrigin, cookieStoreId),
    exclusive: (drain) => {
      const run = chain.then(drain);
      chain = run.catch(() => undefined);
      return run;
    },
    scheduleWake: async (at) => void wakes.push(at),
    now: () => clock.now,
    backoff: { baseMs: 30_000, maxMs: 3_600_000, random: () => 0.5 },
  });
  return Object.assign(harness, { orgSync });
}
