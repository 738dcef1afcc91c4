import { z } from 'zod';

/** How long an unsaved draft is kept after its last edit. */
export const DRAFT_MAX_AGE_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

/** One criterion's unsaved answer: a level, Unknown (null), or none chosen yet (absent). */
const DraftAnswerSchema = z.strictObject({
  level: z.number().finite().nullable().optional(),
  evidence: z.string().max(5000),
});

/** A deal's unsaved edits as the sidebar sends them to the background to keep. */
export const UnsavedDraftSchema = z.strictObject({
  answers: z
    .record(z.string().min(1).max(64), DraftAnswerSchema)
    .refine((answers) => Object.keys(answers).length <= 200, 'at most 200 criteria'),
  editedAt: z.iso.datetime(),
});

/** A deal's unsaved edits, as kept. */
export type UnsavedDraft = z.infer<typeof UnsavedDraftSchema>;

/** Whether a kept draft is past `DRAFT_MAX_AGE_DAYS` (or unreadable) at `now`, and is dropped rather than restored. */
export function isDraftExpired(draft: UnsavedDraft, now: Date): boolean {
  const editedAt = Date.parse(draft.editedAt);
  return !Number.isFinite(editedAt) || now.getTime() - editedAt > DRAFT_MAX_AGE_DAYS * DAY_MS;
}

/** The kept draft `value` as it was stored, or null when it is malformed or expired at `now`. */
export function readKeptDraft(value: unknown, now: Date): UnsavedDraft | null {
  const parsed = UnsavedDraftSchema.safeParse(value);
  return parsed.success && !isDraftExpired(parsed.data, now) ? parsed.data : null;
}

/** The storage key of a deal's draft; the background alone reads and writes it. */
export function draftStorageKey(dealKey: string): string {
  return `${DRAFT_KEY_PREFIX}${dealKey}`;
}

/** The prefix of every draft's storage key. */
export const DRAFT_KEY_PREFIX = 'draft:';
