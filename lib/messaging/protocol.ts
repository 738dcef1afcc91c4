import { z } from 'zod';
import { DealSnapshotSchema } from '../crm/deal-snapshot';
import type { DefinitionsError } from '../definitions/parse-definitions';
import type { Definitions } from '../definitions/schema-v1';
import { AnswerSchema } from '../scoring/answer';
import type { ScoreRecord } from '../scoring/score-record';
import { MessageType } from './protocol-names';

export { MessageType };

const RaterSchema = z.string().trim().min(1, 'must not be empty').max(200);

/** Every request the background accepts, validated before any handler runs. */
export const RequestSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal(MessageType.injectSidebar) }),
  z.strictObject({ type: z.literal(MessageType.getDealState), dealKey: z.string().min(1).max(400) }),
  z.strictObject({
    type: z.literal(MessageType.saveScore),
    saveId: z.uuid(),
    deal: DealSnapshotSchema,
    definitionsHash: z.string().regex(/^[0-9a-f]{64}$/),
    answers: z.array(AnswerSchema).max(200),
  }),
  z.strictObject({ type: z.literal(MessageType.setRater), rater: RaterSchema }),
  z.strictObject({ type: z.literal(MessageType.getSettings) }),
  z.strictObject({
    type: z.literal(MessageType.importDefinitions),
    fileName: z.string().max(500),
    text: z.string().max(1_000_000, 'definitions files are limited to 1 MB'),
  }),
  z.strictObject({ type: z.literal(MessageType.useBuiltInDefinitions) }),
]);
/** A request to the background. */
export type Request = z.infer<typeof RequestSchema>;
/** The request of one message type. */
export type RequestOf<T extends Request['type']> = Extract<Request, { type: T }>;

/** Requests only extension pages may send; content scripts run beside untrusted pages. */
export const EXTENSION_PAGE_ONLY: ReadonlySet<Request['type']> = new Set([
  MessageType.getSettings,
  MessageType.importDefinitions,
  MessageType.useBuiltInDefinitions,
]);

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

/** Everything the sidebar needs to show one deal. */
export interface DealState {
  rater: string | null;
  active: DefinitionsView;
  definitionsFailure: DefinitionsFailureView | null;
  history: ScoreRecord[];
  historyTotal: number;
}

/** What the options page shows. */
export interface SettingsView {
  rater: string | null;
  active: DefinitionsView;
  definitionsFailure: DefinitionsFailureView | null;
  lastDefinitionsChangeAt: string | null;
}

/** The successful response of each request type. */
export interface ResponseMap {
  [MessageType.injectSidebar]: { injected: boolean };
  [MessageType.getDealState]: DealState;
  [MessageType.saveScore]: ScoreRecord;
  [MessageType.setRater]: { rater: string };
  [MessageType.getSettings]: SettingsView;
  [MessageType.importDefinitions]: DefinitionsView;
  [MessageType.useBuiltInDefinitions]: DefinitionsView;
}

/** A failure the receiver could name. `code` is stable; `message` is for people. */
export interface ProtocolError {
  code: string;
  message: string;
  details?: DefinitionsError;
}

/** Every response: errors travel as values, so the UI can show them. */
export type Response<T extends Request['type']> =
  { ok: true; value: ResponseMap[T] } | { ok: false; error: ProtocolError };

/** The background's request to a tab's sidebar. */
export interface ToggleSidebarMessage {
  type: typeof MessageType.toggleSidebar;
}
