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
  syncIntervalMinutes: z.number().int().min(1).max(10_080).optional(),
  raterId: z.string().trim().min(1).max(200).optional(),
  raterName: z.string().trim().min(1).max(200).optional(),
  allowedCrmHosts: z.array(z.string()).optional(),
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
