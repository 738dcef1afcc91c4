import { browser } from 'wxt/browser';
import type { Result } from '../../../lib/result';
import {
  createOAuthGrants,
  type ConnectError,
  type GrantStore,
  type OAuthGrant,
  type OAuthGrants,
} from '../../../lib/org/salesforce/oauth/oauth-grants';
import { resolveOrgSyncConfig } from '../../../lib/org/salesforce/org-sync-config';
import type { BackgroundServices } from '../background-services';

const GRANT_KEY_PREFIX = 'orgOAuth:';
const TOKEN_TIMEOUT_MS = 20_000;

/**
 * Grants live in storage.session: in memory only (never on disk), gone when the browser closes, and
 * out of content scripts' reach (session storage is TRUSTED_CONTEXTS unless opened, and Yardstick never
 * opens it). storage.local would outlive the browser, but Firefox cannot close it to content scripts.
 */
const sessionGrantStore: GrantStore = {
  async read(apiOrigin) {
    const key = GRANT_KEY_PREFIX + apiOrigin;
    return ((await browser.storage.session.get(key))[key] as OAuthGrant | undefined) ?? null;
  },
  write: (grant) => browser.storage.session.set({ [GRANT_KEY_PREFIX + grant.apiOrigin]: grant }),
  forget: (apiOrigin) => browser.storage.session.remove(GRANT_KEY_PREFIX + apiOrigin),
};

/** The connected app's side of the background: grants for the sessions, and the rep's "Connect" click. */
export interface OrgOAuth {
  grants: OAuthGrants;
  /** Opens the org's sign-in window (identity.launchWebAuthFlow) and keeps the grant it gives. */
  connect(apiOrigin: string): Promise<Result<OAuthGrant, ConnectError>>;
  /** API origins of the orgs connected through the connected app that policy still names. */
  connectedOrigins(): Promise<string[]>;
}

/** The OAuth grants over storage.session, with the client id policy names (`orgConnectedAppClientId`). */
export function setUpOrgOAuth(services: BackgroundServices): OrgOAuth {
  const grants = createOAuthGrants({
    store: sessionGrantStore,
    clientId: async () =>
      resolveOrgSyncConfig((await services.readPolicy()).policy, undefined).connectedAppClientId,
    // Asked when a flow runs, so a browser without the identity API still starts the background.
    redirectUri: () => browser.identity.getRedirectURL(),
    fetch: (url, init) => fetch(url, init),
    timeoutMs: TOKEN_TIMEOUT_MS,
    now: () => new Date(),
  });
  return {
    grants,
    async connectedOrigins() {
      const stored = Object.keys(await browser.storage.session.get(null))
        .filter((key) => key.startsWith(GRANT_KEY_PREFIX))
        .map((key) => key.slice(GRANT_KEY_PREFIX.length));
      const current = await Promise.all(stored.map((origin) => grants.current(origin)));
      return stored.filter((_origin, i) => current[i] !== null);
    },
    connect: (apiOrigin) =>
      grants.connect(apiOrigin, {
        crypto,
        launchWebAuthFlow: (url) => browser.identity.launchWebAuthFlow({ url, interactive: true }),
      }),
  };
}
