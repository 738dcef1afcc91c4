import { z } from 'zod';
import { DealSnapshotSchema } from '../crm/deal-snapshot';
import { IdentifierSchema } from '../definitions/schema-v1';
import { AnswerSchema } from './answer';

/** Which definitions a score was made against: enough to show it against the exact text later. */
export const DefinitionsRefSchema = z.strictObject({
  id: IdentifierSchema,
  version: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
/** Which definitions a score was made against. */
export type DefinitionsRef = z.infer<typeof DefinitionsRefSchema>;

/** Who a rater was when saving: a manager's score of a deal is a validating rating of the rep's. */
export const RaterRoleSchema = z.enum(['rep', 'manager']);
/** A rater's role. */
export type RaterRole = z.infer<typeof RaterRoleSchema>;

/**
 * The rater as the Salesforce org knows them, from the rep's own session when the score was saved:
 * verified by the org (the org also sets the record's owner). Absent: `rater` is self-declared.
 */
export const OrgRaterSchema = z.strictObject({
  userId: z.string().regex(/^005[0-9A-Za-z]{15}$/),
  name: z.string().min(1).max(200),
  orgId: z.string().regex(/^00D[0-9A-Za-z]{15}$/),
});
/** The org-verified rater of a score. */
export type OrgRater = z.infer<typeof OrgRaterSchema>;

/** One saved score: append-only, never edited after it is written. */
export const ScoreRecordSchema = z.strictObject({
  id: z.uuid(),
  dealKey: z.string().min(1),
  rater: z.string().min(1),
  /** The rater's role when saving; records from before roles existed have none and count as a rep's. */
  role: RaterRoleSchema.optional(),
  /** Set when the rater was verified by the Salesforce org; absent, `rater` is self-declared. */
  orgRater: OrgRaterSchema.optional(),
  context: z.enum(['deal', 'calibration']),
  deal: DealSnapshotSchema,
  definitions: DefinitionsRefSchema,
  answers: z.array(AnswerSchema),
  total: z.number().min(0).max(100),
  ceiling: z.number().min(0).max(100),
  band: z.strictObject({ id: IdentifierSchema, label: z.string() }),
  savedAt: z.iso.datetime(),
});
/** One saved score. */
export type ScoreRecord = z.infer<typeof ScoreRecordSchema>;
