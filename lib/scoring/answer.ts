import { z } from 'zod';
import { IdentifierSchema } from '../definitions/schema-v1';

/** A rep's answer to one criterion: a level value, or `null` for Unknown (distinct from the lowest level). */
export const AnswerSchema = z.strictObject({
  criterionId: IdentifierSchema,
  level: z.number().finite().nullable(),
  evidence: z.string().max(5000),
});
/** A rep's answer to one criterion. */
export type Answer = z.infer<typeof AnswerSchema>;
