import type { OrgScoreState } from '../org/salesforce/outbox-rows';

export type { OrgScoreState };

/** Org sync at a glance, for the popup and options: how many scores wait, and the last error in words. */
export interface OrgSyncStatusView {
  enabled: boolean;
  /** Policy decides whether scores go to the org. */
  managed: boolean;
  /** Scores waiting to be sent (or being sent). */
  waiting: number;
  /** Scores the org refused for good; each keeps the org's error. */
  failed: number;
  inOrg: number;
  lastError: { message: string; at: string; apiOrigin: string } | null;
  /** Why nothing is sent now (a session to renew, the org refusing, the API limit), if so. */
  pause: { apiOrigin: string; reason: 'session' | 'org-refused' | 'limit'; message: string } | null;
  /** Policy names a connected app: orgs that refuse the browser session can be connected through it. */
  connectedAppAvailable: boolean;
  /** The API origin whose outbox waits because the org refuses the browser session, when the app can connect it. */
  connectOrigin: string | null;
}

/** The org a rep just connected through the connected app, and the org user it verified. */
export interface OrgConnectedView {
  apiOrigin: string;
  userName: string;
}

/** Each shown score's org state by score id; scores that never went to an org are absent. */
export type OrgScoreStates = Record<string, OrgScoreState>;
