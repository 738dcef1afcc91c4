import { z } from 'zod';

/**
 * Enterprise policy keys (`storage.managed`), mirrored by public/managed_schema.json.
 * A key with a wrong type is dropped and reported, never half-applied.
 */
export const ManagedPolicySchema = z.object({
  definitionsUrl: z.string().optional(),
  definitionsSha256: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/)
    .transform((hash) => hash.toLowerCase())
    .optional(),
  lockDefinitions: z.boolean().optional(),
  /** https origins (`https://cdn.acme.com`) the definitions URL may redirect to besides its own. */
  definitionsAllowedRedirectOrigins: z
    .array(
      z
        .string()
        .refine(isHttpsOrigin, 'must be an https origin such as https://cdn.acme.com')
        .transform((origin) => new URL(origin).origin),
    )
    .optional(),
  syncIntervalMinutes: z.number().int().min(1).max(10_080).optional(),
  raterId: z.string().trim().min(1).max(200).optional(),
  raterName: z.string().trim().min(1).max(200).optional(),
  /** Match patterns (`https://crm.acme.com/*`) where the built-in CRM adapters should run too. */
  allowedCrmHosts: z.array(z.string()).optional(),
  /** Custom CRM hosts' generic adapter configs; each entry is checked on its own (see custom-crms.ts). */
  customCrms: z.array(z.unknown()).optional(),
  /** `manager`: this browser's scores are recorded as validating ratings. */
  role: z.enum(['rep', 'manager']).optional(),
  /** A score is stale once the deal's amount moved by more than this percentage (default 20). */
  staleAmountChangePercent: z.number().int().min(1).max(1000).optional(),
  /** Every Salesforce score is written back to the rep's org (true), or none is (false); unset: the rep chooses. */
  orgSync: z.boolean().optional(),
  /** The only orgs scores go to: 15/18-character org ids (00D…) or My Domain names (`acme`, `acme--uat`). */
  orgSyncOrgs: z.array(z.string().trim().min(1).max(100)).optional(),
  /** Writing stops once the org has used this share (0.05–1) of its daily API requests (default 0.5). */
  orgApiLimitShare: z.number().min(0.05).max(1).optional(),
  /** A connected app's consumer key, for orgs whose API Access Control refuses browser sessions. */
  orgConnectedAppClientId: z.string().trim().min(1).max(256).optional(),
});
/** The enterprise policy, as far as it is valid. */
export type ManagedPolicy = z.infer<typeof ManagedPolicySchema>;

/** Reads the policy object, keeping every valid key and naming the invalid ones. */
export function readManagedPolicy(raw: unknown): { policy: ManagedPolicy; rejectedKeys: string[] } {
  const input = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const policy: Record<string, unknown> = {};
  const rejectedKeys: string[] = [];
  const shape = ManagedPolicySchema.shape;
  for (const [key, value] of Object.entries(input)) {
    const field = shape[key as keyof typeof shape];
    if (!field) continue;
    const parsed = field.safeParse(value);
    if (parsed.success) policy[key] = parsed.data;
    else rejectedKeys.push(key);
  }
  return { policy: policy as ManagedPolicy, rejectedKeys };
}

function isHttpsOrigin(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' && url.pathname === '/' && !url.search && !url.hash && !url.username;
  } catch {
    return false;
  }
}
