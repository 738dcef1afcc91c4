import { z } from 'zod';
import { isSoqlFieldPath } from '../org/salesforce/deal-query';

/** Identifier used for criteria, stages and bands: lower-case, URL- and CSV-safe. */
export const IdentifierSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, 'must be lower-case letters, digits, "-" or "_", starting with a letter');

const NonEmptyText = z.string().trim().min(1, 'must not be empty');

/** One level of a criterion: a value and the observable customer evidence that defines it. */
export const LevelSchema = z.strictObject({
  value: z.number().finite(),
  label: NonEmptyText,
  evidence: NonEmptyText,
});

/** One qualification criterion, defined operationally by its levels. */
export const CriterionSchema = z.strictObject({
  id: IdentifierSchema,
  name: NonEmptyText,
  question: NonEmptyText,
  definition: NonEmptyText,
  weight: z.number().finite().positive('must be greater than 0'),
  levels: z.array(LevelSchema).min(2, 'a criterion needs at least 2 levels'),
  /** Canonical stage id → minimum level value the deal must have reached by that stage. */
  gates: z.record(z.string(), z.number().finite()).optional(),
});

/** A score band such as "Qualified": `min` inclusive, `max` exclusive except for the top band. */
export const BandSchema = z.strictObject({
  id: IdentifierSchema,
  label: NonEmptyText,
  min: z.number().min(0).max(100),
  max: z.number().min(0).max(100),
});

/** A canonical sales stage, in pipeline order. `aliases` are CRM stage names that mean it. */
export const StageSchema = z.strictObject({
  id: IdentifierSchema,
  name: NonEmptyText,
  aliases: z.array(NonEmptyText).optional(),
});

/** A deal description managers use for blind calibration sessions. */
export const CalibrationCaseSchema = z.strictObject({
  id: IdentifierSchema,
  title: NonEmptyText,
  summary: NonEmptyText,
});

/** Definitions file format, schemaVersion 1 (see docs/definitions.md). */
export const DefinitionsV1Schema = z
  .strictObject({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    id: IdentifierSchema,
    version: NonEmptyText,
    title: NonEmptyText,
    description: z.string().optional(),
    criteria: z.array(CriterionSchema).min(1, 'at least one criterion is required'),
    bands: z.array(BandSchema).min(1, 'at least one band is required'),
    stages: z.array(StageSchema),
    stageMap: z.record(z.string(), IdentifierSchema).optional(),
    captureFields: z.array(IdentifierSchema).optional(),
    /** captureFields id → Salesforce API field (`Product_Line__c`, `Account.Industry`), beyond the built-in names. */
    salesforceFields: z
      .record(
        IdentifierSchema,
        z.string().refine(isSoqlFieldPath, 'must be a Salesforce API field name such as Product_Line__c'),
      )
      .optional(),
    staleAfterDays: z.number().int().positive().optional(),
    calibration: z.array(CalibrationCaseSchema).optional(),
  })
  .superRefine((definitions, ctx) => {
    reportDuplicates(
      ctx,
      definitions.criteria.map((c) => c.id),
      ['criteria'],
      'criterion id',
    );
    reportDuplicates(
      ctx,
      definitions.stages.map((s) => s.id),
      ['stages'],
      'stage id',
    );
    reportDuplicates(
      ctx,
      definitions.bands.map((b) => b.id),
      ['bands'],
      'band id',
    );
    if (definitions.calibration) {
      reportDuplicates(
        ctx,
        definitions.calibration.map((c) => c.id),
        ['calibration'],
        'calibration case id',
      );
    }
    const captured = new Set(definitions.captureFields ?? []);
    for (const fieldId of Object.keys(definitions.salesforceFields ?? {})) {
      if (!captured.has(fieldId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['salesforceFields', fieldId],
          message: `names "${fieldId}", which is not in captureFields`,
        });
      }
    }
    const stageIds = new Set(definitions.stages.map((s) => s.id));
    definitions.criteria.forEach((criterion, criterionIndex) => {
      criterion.levels.forEach((level, levelIndex) => {
        const previous = criterion.levels[levelIndex - 1];
        if (previous && level.value <= previous.value) {
          ctx.addIssue({
            code: 'custom',
            path: ['criteria', criterionIndex, 'levels', levelIndex, 'value'],
            message: `level values must strictly increase (${level.value} follows ${previous.value})`,
          });
        }
      });
      const levelValues = new Set(criterion.levels.map((l) => l.value));
      for (const [stageId, minimum] of Object.entries(criterion.gates ?? {})) {
        if (!stageIds.has(stageId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['criteria', criterionIndex, 'gates', stageId],
            message: `gate names stage "${stageId}", which is not in stages`,
          });
        }
        if (!levelValues.has(minimum)) {
          ctx.addIssue({
            code: 'custom',
            path: ['criteria', criterionIndex, 'gates', stageId],
            message: `gate requires level value ${minimum}, which is not a level of "${criterion.id}"`,
          });
        }
      }
    });
    for (const [crmStage, stageId] of Object.entries(definitions.stageMap ?? {})) {
      if (!stageIds.has(stageId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['stageMap', crmStage],
          message: `maps to stage "${stageId}", which is not in stages`,
        });
      }
    }
    checkBandsCoverPercentRange(definitions.bands, ctx);
  });

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

function reportDuplicates(
  ctx: z.RefinementCtx,
  ids: string[],
  path: (string | number)[],
  what: string,
): void {
  const firstIndex = new Map<string, number>();
  ids.forEach((id, index) => {
    const seenAt = firstIndex.get(id);
    if (seenAt === undefined) {
      firstIndex.set(id, index);
      return;
    }
    ctx.addIssue({
      code: 'custom',
      path: [...path, index, 'id'],
      message: `duplicate ${what} "${id}" (first used at ${path.join('.')}[${seenAt}])`,
    });
  });
}

function checkBandsCoverPercentRange(bands: Definitions['bands'], ctx: z.RefinementCtx): void {
  bands.forEach((band, index) => {
    if (band.min >= band.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', index],
        message: `min (${band.min}) must be below max (${band.max})`,
      });
    }
  });
  const sorted = bands.map((band, index) => ({ band, index })).sort((a, b) => a.band.min - b.band.min);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return;
  if (first.band.min !== 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['bands', first.index, 'min'],
      message: `bands must start at 0, the lowest starts at ${first.band.min}`,
    });
  }
  if (last.band.max !== 100) {
    ctx.addIssue({
      code: 'custom',
      path: ['bands', last.index, 'max'],
      message: `bands must end at 100, the highest ends at ${last.band.max}`,
    });
  }
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.band.min > previous.band.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', current.index, 'min'],
        message: `gap between bands "${previous.band.id}" (ends ${previous.band.max}) and "${current.band.id}" (starts ${current.band.min})`,
      });
    } else if (current.band.min < previous.band.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands', current.index, 'min'],
        message: `band "${current.band.id}" overlaps "${previous.band.id}" (${current.band.min} < ${previous.band.max})`,
      });
    }
  }
}
