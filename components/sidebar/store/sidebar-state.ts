import type { StateCreator } from 'zustand/vanilla';
import type { DealPageState } from '../../../lib/crm/deal-page-state';
import type { CrmId, DealSnapshot } from '../../../lib/crm/deal-snapshot';
import type { DefinitionsPreview } from '../../../lib/definitions/definitions-preview';
import type { DealState, ProtocolError } from '../../../lib/messaging/protocol';
import type { PageFallbackReason } from '../../../lib/org/salesforce/deal-reading-fallback';
import type { ScoreRecord } from '../../../lib/scoring/score-record';
import type { SidebarBackend } from '../sidebar-backend';
import type { DealWork } from './deal-work';

/** A criterion's draft answer: `undefined` level = not answered yet, `null` = Unknown. */
export interface DraftAnswer {
  level: number | null | undefined;
  evidence: string;
}

/** Where the draft's starting answers came from. */
export type DraftOrigin =
  | { kind: 'blank' }
  /** `sameDefinitions`: the score was made under the active definitions, or under ones that score the same. */
  | { kind: 'latest-score'; score: ScoreRecord; sameDefinitions: boolean }
  | { kind: 'restored-draft'; editedAt: string };

/** Progress of the latest save. */
export type SaveStatus =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'saved'; score: ScoreRecord }
  | { status: 'failed'; error: ProtocolError };

/** The org's reading of the shown deal: asked for, read through the API, or left to the page and why. */
export type OrgReadingState =
  | { status: 'none' }
  | { status: 'asking'; dealKey: string }
  | { status: 'api'; dealKey: string; snapshot: DealSnapshot }
  | {
      status: 'page';
      dealKey: string;
      reason: PageFallbackReason;
      /** Where the reading was asked for, to ask again once the rep connected. */
      pageUrl?: string;
      /** The org refuses the browser session and policy names a connected app: "Connect to Salesforce". */
      canConnect?: boolean;
      connecting?: boolean;
      /** Why the last connect failed, in words. */
      connectError?: string;
    };

/** The page the sidebar sits on and how it is laid out. */
export interface PageSlice {
  /** The page's state; for a Salesforce deal read through the API, its snapshot is the API's. */
  page: DealPageState;
  orgReading: OrgReadingState;
  /** The CRM whose page this is, for wording ("Waiting for HubSpot…"); null off deal pages. */
  crm: CrmId | null;
  collapsed: boolean;
  /** The criteria as last served (storage.local), laid out disabled while the first deal loads. */
  definitionsPreview: DefinitionsPreview | null;
  /** Shows a page's state; `url` (where it was read) lets the org's reading be asked for. */
  showPage(page: DealPageState, crm?: CrmId | null, url?: string): void;
  setCollapsed(collapsed: boolean): void;
  /** Connects the shown deal's org through the connected app, then asks for the org's reading again. */
  connectOrg(): Promise<void>;
}

/** The shown deal's state and history, as the background answers it. */
export interface DealSlice {
  deal:
    | { status: 'idle' | 'loading' }
    | { status: 'loaded'; value: DealState }
    | { status: 'failed'; error: ProtocolError };
  reload(): Promise<void>;
}

/** The rep's unsaved answers for the shown deal. */
export interface DraftSlice {
  draft: Record<string, DraftAnswer>;
  draftOrigin: DraftOrigin;
  dirty: boolean;
  /** Why the background could not keep the unsaved edits (a full storage): they would be lost on reload. */
  draftNotKept: ProtocolError | null;
  chooseLevel(criterionId: string, level: number | null): void;
  writeEvidence(criterionId: string, evidence: string): void;
  /** Drops unsaved edits and goes back to the latest saved score. */
  discardDraft(): Promise<void>;
}

/** Saving the draft as a score, and the rater it is saved under. */
export interface SaveSlice {
  save: SaveStatus;
  /** Reused when a failed save is retried, so the retry cannot land twice. */
  pendingSaveId: string | null;
  saveDraft(): Promise<void>;
  setRater(rater: string): Promise<ProtocolError | null>;
}

/** Everything the sidebar shows. */
export type SidebarState = PageSlice & DealSlice & DraftSlice & SaveSlice;

/** One slice of the sidebar's store, with the whole store's `set` and `get`. */
export type SidebarSlice<Slice> = StateCreator<SidebarState, [], [], Slice>;

/** What the slices share besides the state: the background, the deal's work, the draft's storage. */
export interface SliceContext {
  readonly backend: SidebarBackend;
  /** Makes save ids (crypto.randomUUID in production). */
  readonly newId: () => string;
  readonly dealWork: DealWork;
  /** Reads the deal from the background; `keepDraft` reads it again while shown, keeping the rep's edits. */
  loadDeal(dealKey: string, keepDraft: boolean, signal: AbortSignal): Promise<void>;
  /** Asks for the org's reading of a Salesforce deal, shown in place of the page's when it arrives. */
  readOrgDeal(dealKey: string, pageUrl: string, signal: AbortSignal): Promise<void>;
  readonly draftStorage: DraftStorage;
}

/** Writes the rep's unsaved edits to the extension's storage shortly after each change. */
export interface DraftStorage {
  storeSoon(): void;
  /** Forgets a pending write: the draft was saved or discarded. */
  cancel(): void;
}
