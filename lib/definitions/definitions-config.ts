import type { ManagedPolicy } from '../policy/managed-policy';

/** Where the rep chose to take definitions from (local settings). */
export type LocalDefinitionsSource =
  { kind: 'built-in' } | { kind: 'url'; url: string } | { kind: 'file'; name: string };

/** The definitions setup in force after policy is applied. */
export interface DefinitionsConfig {
  source: LocalDefinitionsSource;
  /** The source comes from enterprise policy and the rep cannot change it. */
  locked: boolean;
  managedUrl: boolean;
  /** Only content with this SHA-256 is accepted (policy pin). */
  pinnedSha256: string | null;
  syncIntervalMinutes: number;
  managedInterval: boolean;
  /** Origins besides its own that the definitions URL may redirect to (policy). */
  allowedRedirectOrigins: string[];
}

/** Default minutes between background syncs. */
export const DEFAULT_SYNC_INTERVAL_MINUTES = 60;

/** Applies enterprise policy over local settings: policy always wins. */
export function resolveDefinitionsConfig(
  local: { source?: LocalDefinitionsSource; syncIntervalMinutes?: number },
  policy: ManagedPolicy,
): DefinitionsConfig {
  const managedUrl = policy.definitionsUrl !== undefined;
  const source: LocalDefinitionsSource = managedUrl
    ? { kind: 'url', url: policy.definitionsUrl! }
    : (local.source ?? { kind: 'built-in' });
  return {
    source,
    locked: managedUrl || policy.lockDefinitions === true,
    managedUrl,
    pinnedSha256: policy.definitionsSha256 ?? null,
    syncIntervalMinutes:
      policy.syncIntervalMinutes ?? local.syncIntervalMinutes ?? DEFAULT_SYNC_INTERVAL_MINUTES,
    managedInterval: policy.syncIntervalMinutes !== undefined,
    allowedRedirectOrigins: policy.definitionsAllowedRedirectOrigins ?? [],
  };
}
