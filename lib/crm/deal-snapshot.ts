import { z } from 'zod';

/** CRMs Yardstick reads deals from. */
export const CrmIdSchema = z.enum([
  'salesforce-lightning',
  'salesforce-classic',
  'hubspot',
  'dynamics365',
  'pipedrive',
  'generic',
  // Not a CRM: a calibration case from the definitions, scored blind on the calibration page.
  'calibration',
]);
/** A CRM Yardstick reads deals from. */
export type CrmId = z.infer<typeof CrmIdSchema>;

/**
 * One field read from the page: the raw text as shown, and which strategy found it.
 * `text: null` means no strategy found the field: the UI shows it as unknown.
 */
export const FieldReadingSchema = z.strictObject({
  text: z.string().max(2000).nullable(),
  strategy: z.string().max(200).nullable(),
});
/** One field read from the page, with the strategy that matched. */
export type FieldReading = z.infer<typeof FieldReadingSchema>;

/** Where a snapshot's fields were read: the org's API, or the CRM page's markup. */
export const DealSourceSchema = z.enum(['api', 'page']);
/** Where a snapshot's fields were read. */
export type DealSource = z.infer<typeof DealSourceSchema>;

/** The normalised deal every CRM adapter produces; README.md's CRMs section lists each CRM's deal key. */
export const DealSnapshotSchema = z.strictObject({
  crm: CrmIdSchema,
  /**
   * The org or portal: for Salesforce the My Domain name (`acme`, `acme--uat`), for HubSpot the portal
   * id, for Dynamics 365 the org host, for Pipedrive the company subdomain, for custom hosts the host.
   */
  instance: z.string().min(1).max(200),
  /** The record id in canonical form (Salesforce: 18 characters; Dynamics: lower-case GUID, no braces). */
  recordId: z.string().min(1).max(100),
  /**
   * Stable across visits and reps of one org: `<crm>:<instance>:<recordId>`. Salesforce Classic uses
   * Lightning's key: both show the same records of the same org.
   */
  dealKey: z.string().min(1).max(400),
  url: z.string().max(4000),
  name: FieldReadingSchema,
  stage: FieldReadingSchema,
  amount: FieldReadingSchema.extend({
    value: z.number().finite().nullable(),
    currency: z.string().max(10).nullable(),
  }),
  closeDate: FieldReadingSchema.extend({
    /** ISO `yyyy-mm-dd`, or null when the text could not be parsed unambiguously. */
    iso: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable(),
  }),
  owner: FieldReadingSchema,
  /**
   * The definitions' `captureFields` (e.g. `lead_source`, `campaign`, `product_line`, `type`) as read
   * from the page, keyed by field id; absent when the reading was not asked for any.
   */
  segments: z.record(z.string().min(1).max(100), FieldReadingSchema).optional(),
  readAt: z.iso.datetime(),
  /**
   * Where the fields came from: `api` (the org's REST API, strategies `api:<Field>`) or `page` (the CRM's
   * markup). Absent on snapshots recorded before the API reading existed: those were read from the page.
   */
  source: DealSourceSchema.optional(),
  /** The org's `LastModifiedDate` of the record, for an API reading. */
  orgLastModified: z.iso.datetime().optional(),
  /** The org's owner id, closed and won flags, for an API reading. */
  orgRecord: z
    .strictObject({
      ownerId: z.string().max(18).nullable(),
      isClosed: z.boolean().nullable(),
      isWon: z.boolean().nullable(),
    })
    .optional(),
});
/** The normalised deal snapshot. */
export type DealSnapshot = z.infer<typeof DealSnapshotSchema>;
