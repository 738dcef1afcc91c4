import { z } from 'zod';
import { findCrossFieldIssues } from './cross-field-rules';
import {
  MAX_ALIASES_PER_STAGE,
  MAX_BANDS,
  MAX_CALIBRATION_CASES,
  MAX_CAPTURE_FIELDS,
  MAX_CRITERIA,
  MAX_IDENTIFIER_LENGTH,
  MAX_LEVELS_PER_CRITERION,
  MAX_NAME_LENGTH,
  MAX_STAGES,
  MAX_TEXT_LENGTH,
} from './definitions-limits';
import { isSoqlFieldPath } from '../org/salesforce/deal-query';

/** Identifier used for criteria, stages and bands: lower-case, URL- and CSV-safe. */
export const IdentifierSchema = z
  .string()
  .max(MAX_IDENTIFIER_LENGTH, `must be at most ${MAX_IDENTIFIER_LENGTH} characters`)
  .regex(/^[a-z][a-z0-9_-]*$/, 'must be lower-case letters, digits, "-" or "_", starting with a letter');

const nonEmpty = (maxLength: number) =>
  z.string().trim().min(1, 'must not be empty').max(maxLength, `must be at most ${maxLength} characters`);
/** A name, label, title or version. */
const NonEmptyName = nonEmpty(MAX_NAME_LENGTH);
/** A question, definition, evidence or summary. */
const NonEmptyText = nonEmpty(MAX_TEXT_LENGTH);

/** One level of a criterion: a value and the observable customer evidence that defines it. */
export const LevelSchema = z.strictObject({
  value: z.number().finite(),
  label: NonEmptyName,
  evidence: NonEmptyText,
});

/** One qualification criterion, defined operationally by its levels. */
export const CriterionSchema = z.strictObject({
  id: IdentifierSchema,
  name: NonEmptyName,
  question: NonEmptyText,
  definition: NonEmptyText,
  weight: z.number().finite().positive('must be greater than 0'),
  levels: z
    .array(LevelSchema)
    .min(2, 'a criterion needs at least 2 levels')
    .max(MAX_LEVELS_PER_CRITERION, `a criterion has at most ${MAX_LEVELS_PER_CRITERION} levels`),
  /** Canonical stage id → minimum level value the deal must have reached by that stage. */
  gates: z.record(z.string(), z.number().finite()).optional(),
});

/** A score band such as "Qualified": `min` inclusive, `max` exclusive except for the top band. */
export const BandSchema = z.strictObject({
  id: IdentifierSchema,
  label: NonEmptyName,
  min: z.number().min(0).max(100),
  max: z.number().min(0).max(100),
});

/** A canonical sales stage, in pipeline order. `aliases` are CRM stage names that mean it. */
export const StageSchema = z.strictObject({
  id: IdentifierSchema,
  name: NonEmptyName,
  aliases: z
    .array(NonEmptyName)
    .max(MAX_ALIASES_PER_STAGE, `a stage has at most ${MAX_ALIASES_PER_STAGE} aliases`)
    .optional(),
});

/** A deal description managers use for blind calibration sessions. */
export const CalibrationCaseSchema = z.strictObject({
  id: IdentifierSchema,
  title: NonEmptyName,
  summary: NonEmptyText,
  /** Criterion id → the level value the case was written to show: the answer key for training. */
  intendedLevels: z.record(IdentifierSchema, z.number().finite()).optional(),
});

/** Definitions file format, schemaVersion 1 (see docs/definitions.md). */
export const DefinitionsV1Schema = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    id: IdentifierSchema,
    version: NonEmptyName,
    title: NonEmptyName,
    description: z.string().max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH} characters`).optional(),
    criteria: z
      .array(CriterionSchema)
      .min(1, 'at least one criterion is required')
      .max(MAX_CRITERIA, `at most ${MAX_CRITERIA} criteria (every score carries an answer to each)`),
    bands: z
      .array(BandSchema)
      .min(1, 'at least one band is required')
      .max(MAX_BANDS, `at most ${MAX_BANDS} bands`),
    stages: z.array(StageSchema).max(MAX_STAGES, `at most ${MAX_STAGES} stages`),
    stageMap: z.record(z.string().max(MAX_NAME_LENGTH), IdentifierSchema).optional(),
    captureFields: z
      .array(IdentifierSchema)
      .max(MAX_CAPTURE_FIELDS, `at most ${MAX_CAPTURE_FIELDS} capture fields`)
      .optional(),
    /** captureFields id → Salesforce API field (`Product_Line__c`, `Account.Industry`), beyond the built-in names. */
    salesforceFields: z
      .record(
        IdentifierSchema,
        z.string().refine(isSoqlFieldPath, 'must be a Salesforce API field name such as Product_Line__c'),
      )
      .optional(),
    staleAfterDays: z.number().int().positive().optional(),
    calibration: z
      .array(CalibrationCaseSchema)
      .max(MAX_CALIBRATION_CASES, `at most ${MAX_CALIBRATION_CASES} calibration cases`)
      .optional(),
  })
  // Cross-field rules run even when the shape is broken, so one pass reports every problem.
  .superRefine(
    (definitions, ctx) => {
      for (const issue of findCrossFieldIssues(definitions)) ctx.addIssue({ code: 'custom', ...issue });
    },
    { when: () => true },
  );

/** Validated definitions, format v1. */
export type Definitions = z.infer<typeof DefinitionsV1Schema>;
/** One criterion of the definitions. */
export type Criterion = z.infer<typeof CriterionSchema>;
/** One level of a criterion. */
export type Level = z.infer<typeof LevelSchema>;
/** One score band. */
export type Band = z.infer<typeof BandSchema>;
/** One canonical stage. */
export type Stage = z.infer<typeof StageSchema>;
