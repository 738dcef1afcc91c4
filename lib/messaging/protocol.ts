import { z } from 'zod';
import type { DealToRescore } from '../scoring/deals-to-rescore';
import { DealSnapshotSchema } from '../crm/deal-snapshot';
import { GenericAdapterConfigSchema, type GenericAdapterConfig } from '../crm/generic-adapter-config';
import type { DefinitionsError } from '../definitions/parse-definitions';
import type { DefinitionsConfig } from '../definitions/definitions-config';
import {
  MAX_CRITERIA,
  MAX_DEFINITIONS_BYTES,
  MAX_IDENTIFIER_LENGTH,
} from '../definitions/definitions-limits';
import type { Definitions } from '../definitions/schema-v1';
import type { SyncOutcome, SyncState } from '../definitions/sync-state';
import type { OrgDealReading } from '../org/salesforce/org-deal-reading';
import { AnswerSchema } from '../scoring/answer';
import { RaterRoleSchema, type RaterRole, type ScoreRecord } from '../scoring/score-record';
import type { OrgConnectedView, OrgScoreStates, OrgSyncStatusView } from './org-sync-protocol';
import { SidebarPlacementSchema, type SidebarPlacement } from './dock-protocol';
import { MessageType } from './protocol-names';
import { TAB_SCOPED_REQUEST_SCHEMAS, type TabScopedResponseMap } from './tab-scoped-protocol';

export { MessageType };
export type { OrgDealReading };

const RaterSchema = z.string().trim().min(1, 'must not be empty').max(200);
/** Every request the background accepts, validated before any handler runs. */
export const RequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal(MessageType.injectSidebar) }),
  z.strictObject({ type: z.literal(MessageType.getReadingContext) }),
  z.strictObject({ type: z.literal(MessageType.getDealState), dealKey: z.string().min(1).max(400) }),
  // The org comes from the sender's host, never from the message; the page URL (same host) says which
  // record, because a single-page app's in-place navigation may reach the sidebar before the browser.
  z.strictObject({
    type: z.literal(MessageType.getOrgDeal),
    dealKey: z.string().min(1).max(400),
    pageUrl: z.url({ protocol: /^https$/ }).max(4000),
  }),
  z.strictObject({ type: z.literal(MessageType.getDealHistory), dealKey: z.string().min(1).max(400) }),
  z.strictObject({ type: z.literal(MessageType.countDealHistory), dealKey: z.string().min(1).max(400) }),
  z.strictObject({
    type: z.literal(MessageType.saveScore),
    saveId: z.uuid(),
    deal: DealSnapshotSchema,
    definitionsHash: z.string().regex(/^[0-9a-f]{64}$/),
    answers: z.array(AnswerSchema).max(MAX_CRITERIA),
  }),
  z.strictObject({
    type: z.literal(MessageType.saveCalibrationScore),
    saveId: z.uuid(),
    caseId: z.string().min(1).max(MAX_IDENTIFIER_LENGTH),
    definitionsHash: z.string().regex(/^[0-9a-f]{64}$/),
    answers: z.array(AnswerSchema).max(MAX_CRITERIA),
  }),
  z.strictObject({ type: z.literal(MessageType.setRater), rater: RaterSchema }),
  z.strictObject({ type: z.literal(MessageType.getSettings) }),
  z.strictObject({
    type: z.literal(MessageType.importDefinitions),
    fileName: z.string().max(500),
    text: z.string().max(MAX_DEFINITIONS_BYTES, 'definitions files are limited to 1 MB'),
  }),
  z.strictObject({ type: z.literal(MessageType.useBuiltInDefinitions) }),
  z.strictObject({ type: z.literal(MessageType.setDefinitionsUrl), url: z.string().trim().min(1).max(2000) }),
  z.strictObject({ type: z.literal(MessageType.syncDefinitionsNow) }),
  z.strictObject({
    type: z.literal(MessageType.setSyncInterval),
    minutes: z.number().int().min(1).max(10_080),
  }),
  z.strictObject({ type: z.literal(MessageType.setRole), role: RaterRoleSchema }),
  z.strictObject({
    type: z.literal(MessageType.setStaleAmountChange),
    percent: z.number().int().min(1).max(1000),
  }),
  z.strictObject({ type: z.literal(MessageType.setSidebarPlacement), placement: SidebarPlacementSchema }),
  z.strictObject({ type: z.literal(MessageType.addCustomCrm), config: GenericAdapterConfigSchema }),
  z.strictObject({ type: z.literal(MessageType.removeCustomCrm), urlPattern: z.string().min(1).max(500) }),
  z.strictObject({ type: z.literal(MessageType.syncCustomCrms) }),
  z.strictObject({ type: z.literal(MessageType.backupRestored) }),
  ...TAB_SCOPED_REQUEST_SCHEMAS,
  z.strictObject({ type: z.literal(MessageType.getOrgSyncStatus) }),
  z.strictObject({ type: z.literal(MessageType.setOrgSync), enabled: z.boolean() }),
  z.strictObject({ type: z.literal(MessageType.sendOrgScoresNow) }),
  // The popup names the org whose outbox waits; the sidebar's org is its own tab's, never the message's.
  z.strictObject({
    type: z.literal(MessageType.connectOrgFromPage),
    apiOrigin: z.url({ protocol: /^https$/ }).max(300),
  }),
  z.strictObject({ type: z.literal(MessageType.connectOrgFromSidebar) }),
  z.strictObject({ type: z.literal(MessageType.listDealsToRescore) }),
]);
/** A request to the background. */
export type Request = z.infer<typeof RequestSchema>;
/** The type (direction-named, protocol-names.ts) of a request to the background. */
export type RequestType = Request['type'];
/** The request of one message type. */
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** The definitions the sidebar scores against. */
export interface DefinitionsView {
  hash: string;
  source: string;
  isBuiltIn: boolean;
  definitions: Definitions;
}

/** The last failure loading definitions, shown until a later load succeeds. */
export interface DefinitionsFailureView {
  at: string;
  source: string;
  error: DefinitionsError;
}

/** What the sidebar needs before it reads a page: which fields to capture and how to read custom hosts. */
export interface ReadingContext {
  /** The active definitions' `captureFields`, read into each snapshot's `segments`. */
  captureFields: string[];
  /** Custom CRM hosts' generic adapter configs, policy first. */
  customCrms: GenericAdapterConfig[];
}

/** A longer page of a deal's history, newest first. */
export interface DealHistoryPage {
  dealKey: string;
  scores: ScoreRecord[];
  /** How many scores the deal has; null when `scores` is a full page and more may exist. */
  total: number | null;
  /** Org sync: each listed score's org state (waiting, in org, failed with the org's error). */
  historyOrgStates: OrgScoreStates;
}

/** Everything the sidebar needs to show one deal. */
export interface DealState {
  rater: string | null;
  /** The viewer's role: a manager's saves are validating ratings. */
  role: RaterRole;
  /** An amount change larger than this share of the scored amount makes a score stale (0.2 = 20%). */
  amountChangeShare: number;
  active: DefinitionsView;
  definitionsFailure: DefinitionsFailureView | null;
  /** The newest `DEAL_STATE_HISTORY_ROWS` scores, newest first; `getDealHistory` gives more. */
  history: ScoreRecord[];
  /** How many scores the deal has; null when `history` is a full page and the count is left to `countDealHistory`. */
  historyTotal: number | null;
  /** The definitions of the latest score, when they differ from the active ones. */
  latestScoreDefinitions: Definitions | null;
  /** Org sync: each history score's org state (waiting, in org, failed with the org's error). */
  historyOrgStates: OrgScoreStates;
}

/** What the options page and popup show. */
export interface SettingsView {
  rater: string | null;
  /** The rater is set by enterprise policy and cannot be edited. */
  raterManaged: boolean;
  active: DefinitionsView;
  definitionsFailure: DefinitionsFailureView | null;
  lastDefinitionsChangeAt: string | null;
  config: DefinitionsConfig;
  sync: SyncState | null;
  /** Policy keys Chrome delivered with the wrong type; they are ignored. */
  rejectedPolicyKeys: string[];
  role: RaterRole;
  /** The role is set by enterprise policy. */
  roleManaged: boolean;
  staleAmountChangePercent: number;
  staleAmountChangeManaged: boolean;
  /** Where the open sidebar sits on CRM pages in this browser. */
  sidebarPlacement: SidebarPlacement;
  /** Custom CRM hosts, policy first, with whether Yardstick may and does run there. */
  customCrms: CustomCrmView[];
  /** Policy entries for custom CRM hosts that were ignored, and why. */
  customCrmProblems: string[];
}

/** One custom CRM host as the options page shows it. */
export interface CustomCrmView {
  source: 'policy' | 'options';
  /** The host permission it needs, e.g. `https://crm.acme.com/*`; null when policy names no single host. */
  matchPattern: string | null;
  /** The generic adapter config; absent for an `allowedCrmHosts` entry (the built-in CRMs are read there). */
  config: GenericAdapterConfig | null;
  /** The host permission is granted (always, for hosts the manifest covers). */
  granted: boolean;
  /** The loader runs there. */
  active: boolean;
  /** Why the loader could not be registered there. */
  error: string | null;
}

/** The successful response of each request type. */
export interface ResponseMap extends TabScopedResponseMap {
  [MessageType.injectSidebar]: { injected: boolean };
  [MessageType.getReadingContext]: ReadingContext;
  [MessageType.getDealState]: DealState;
  [MessageType.getOrgDeal]: OrgDealReading;
  [MessageType.getDealHistory]: DealHistoryPage;
  [MessageType.countDealHistory]: { dealKey: string; total: number };
  [MessageType.saveScore]: ScoreRecord;
  [MessageType.saveCalibrationScore]: ScoreRecord;
  [MessageType.setRater]: { rater: string };
  [MessageType.getSettings]: SettingsView;
  [MessageType.importDefinitions]: DefinitionsView;
  [MessageType.useBuiltInDefinitions]: DefinitionsView;
  [MessageType.setDefinitionsUrl]: SyncOutcome;
  [MessageType.syncDefinitionsNow]: SyncOutcome;
  [MessageType.setSyncInterval]: { minutes: number };
  [MessageType.setRole]: { role: RaterRole };
  [MessageType.setStaleAmountChange]: { percent: number };
  [MessageType.setSidebarPlacement]: { placement: SidebarPlacement };
  [MessageType.addCustomCrm]: CustomCrmView[];
  [MessageType.removeCustomCrm]: CustomCrmView[];
  [MessageType.syncCustomCrms]: CustomCrmView[];
  [MessageType.backupRestored]: CustomCrmView[];
  [MessageType.getOrgSyncStatus]: OrgSyncStatusView;
  [MessageType.setOrgSync]: OrgSyncStatusView;
  [MessageType.sendOrgScoresNow]: OrgSyncStatusView;
  [MessageType.connectOrgFromPage]: OrgConnectedView;
  [MessageType.connectOrgFromSidebar]: OrgConnectedView;
  [MessageType.listDealsToRescore]: DealToRescore[];
}

/** A failure the receiver could name. `code` is stable; `message` is for people. */
export interface ProtocolError {
  code: string;
  message: string;
  details?: DefinitionsError;
}

/** Every response: errors travel as values, so the UI can show them. */
export type Response<T extends RequestType> =
  { ok: true; value: ResponseMap[T] } | { ok: false; error: ProtocolError };

/** The background's (and the popup's) request to a tab's sidebar. */
export interface ToggleSidebarMessage {
  type: typeof MessageType.toggleSidebar | typeof MessageType.focusSidebar | typeof MessageType.closeSidebar;
}
