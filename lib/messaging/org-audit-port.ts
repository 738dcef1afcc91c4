import { z } from 'zod';
import type { OrgLoadSummary } from '../audit/org-load-side';
import type { RaterChoice } from '../org/salesforce/audit/rater-choices';
import type { OrgErrorCode } from '../org/salesforce/org-error';
import type { ExtensionIdentity, SenderFacts } from './trusted-sender';

/** The runtime Port's name between the audit page and the background's org loader. */
export const ORG_AUDIT_PORT = 'yardstick-org-audit';

/** The extension page allowed to load an org's team rows. */
export const AUDIT_PAGE_PATH = '/audit.html';

const USER_ID = /^005[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/;

const HttpsOrigin = z
  .string()
  .max(300)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' && url.origin === text;
    } catch {
      return false;
    }
  }, 'an https origin such as https://acme.my.salesforce.com');

/** The filters a manager may set; every part optional. */
export const OrgAuditFiltersSchema = z
  .object({
    savedFrom: z.iso.datetime().nullish(),
    savedTo: z.iso.datetime().nullish(),
    raterIds: z.array(z.string().regex(USER_ID, 'an org user id (005…)')).max(500).optional(),
    myTeam: z.boolean().optional(),
    definitions: z
      .object({ id: z.string().min(1).max(200), version: z.string().min(1).max(100).nullish() })
      .strict()
      .nullish(),
    calibrationOnly: z.boolean().optional(),
  })
  .strict()
  // "My team" is resolved into rater ids at each load: chosen raters beside it would be silently replaced.
  .refine((filters) => !(filters.myTeam && filters.raterIds), {
    message: 'choose either "my team" or raters, not both',
    path: ['raterIds'],
  });

/** What the audit page asks over the port. */
export const OrgAuditPortRequestSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('list-orgs') }).strict(),
  z.object({ type: z.literal('list-raters'), origin: HttpsOrigin }).strict(),
  z
    .object({
      type: z.literal('load'),
      origin: HttpsOrigin,
      filters: OrgAuditFiltersSchema,
      /** Read through a Bulk API 2.0 job from this many rows on (default 50,000); not part of the query. */
      bulkFrom: z.number().int().min(1).max(100_000_000).optional(),
    })
    .strict(),
  z.object({ type: z.literal('cancel') }).strict(),
]);

/** A validated request of the audit page. */
export type OrgAuditPortRequest = z.infer<typeof OrgAuditPortRequestSchema>;

/** What the background tells the audit page over the port. */
export type OrgAuditPortEvent =
  | { type: 'orgs'; origins: string[] }
  | {
      type: 'raters';
      origin: string;
      choices: RaterChoice[];
      /** Why the team is not among the choices (no role, no one below, an org error), or null. */
      teamProblem: string | null;
    }
  | { type: 'progress'; rowsRead: number; total: number | null; via: 'rest' | 'bulk' }
  | { type: 'done'; summary: OrgLoadSummary; rows: number }
  | { type: 'failed'; code: OrgErrorCode; message: string }
  | { type: 'cancelled' };

/** Only this extension's audit page may open the port: the org's team rows are the manager's. */
export function isAuditPageSender(sender: SenderFacts | undefined, self: ExtensionIdentity): boolean {
  if (!sender || sender.id !== self.id || !sender.url) return false;
  try {
    const url = new URL(sender.url);
    // `origin` is "null" for extension schemes outside browsers; scheme and host say the same.
    return `${url.protocol}//${url.host}` === self.origin && url.pathname === AUDIT_PAGE_PATH;
  } catch {
    return false;
  }
}
