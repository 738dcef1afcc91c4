import { CRM_HOST_MATCHES, crmHostOfPattern, patternCoveredBy } from '../../lib/crm/crm-hosts';
import { matchPatternFor, type GenericAdapterConfig } from '../../lib/crm/generic-adapter';
import { validateGenericAdapterConfig } from '../../lib/crm/generic-adapter-config';
import type { ManagedPolicy } from '../../lib/policy/managed-policy';

/** One custom CRM host: where it comes from, the host permission it needs, and how deals are read there. */
export interface CustomCrmEntry {
  /** `policy`: the admin's (`customCrms`, `allowedCrmHosts`), which the rep cannot remove. */
  source: 'policy' | 'options';
  /**
   * The host permission the loader needs there, e.g. `https://crm.acme.com/*`; null for a policy config
   * whose URL pattern does not name one host (an `allowedCrmHosts` entry must cover its hosts).
   */
  matchPattern: string | null;
  /** The generic adapter's config; absent for an `allowedCrmHosts` entry, where the built-in CRMs are read. */
  config?: GenericAdapterConfig;
  /** The manifest's CRM hosts already cover it: no permission to ask for, nothing to register. */
  builtInHost: boolean;
}

/** The custom CRM hosts in force, and what was wrong with the entries left out. */
export interface ResolvedCustomCrms {
  entries: CustomCrmEntry[];
  /** Admin-facing messages about policy entries that were ignored. */
  problems: string[];
}

/** A config a rep may add: valid, with a literal https host. */
export function checkRepCustomCrm(
  input: unknown,
): { ok: true; value: GenericAdapterConfig; matchPattern: string } | { ok: false; error: string } {
  const checked = validateGenericAdapterConfig(input);
  if (!checked.ok) return checked;
  const matchPattern = matchPatternFor(checked.value);
  if (!matchPattern) {
    return {
      ok: false,
      error:
        'Custom CRM: urlPattern must name one host literally, e.g. https://crm\\.example\\.com/deals/(?<id>\\d+), so Yardstick can ask for access to it.',
    };
  }
  return { ok: true, value: checked.value, matchPattern };
}

/** Policy entries first, then the rep's; a rep's entry with the same URL pattern as the admin's is dropped. */
export function resolveCustomCrms(
  policy: ManagedPolicy,
  repConfigs: readonly unknown[] | undefined,
): ResolvedCustomCrms {
  const entries: CustomCrmEntry[] = [];
  const problems: string[] = [];
  const urlPatterns = new Set<string>();
  const builtInHost = (pattern: string | null) =>
    pattern !== null && patternCoveredBy(pattern, CRM_HOST_MATCHES);

  (policy.customCrms ?? []).forEach((input, index) => {
    const checked = validateGenericAdapterConfig(input);
    if (!checked.ok) {
      problems.push(`customCrms[${index}]: ${checked.error}`);
      return;
    }
    if (urlPatterns.has(checked.value.urlPattern)) return;
    urlPatterns.add(checked.value.urlPattern);
    const matchPattern = matchPatternFor(checked.value);
    entries.push({
      source: 'policy',
      matchPattern,
      config: checked.value,
      builtInHost: builtInHost(matchPattern),
    });
  });
  (policy.allowedCrmHosts ?? []).forEach((pattern, index) => {
    if (!crmHostOfPattern(pattern)) {
      problems.push(
        `allowedCrmHosts[${index}]: "${pattern}" is not a host match pattern such as https://crm.acme.com/* or https://*.crm.acme.com/*.`,
      );
      return;
    }
    entries.push({ source: 'policy', matchPattern: pattern, builtInHost: builtInHost(pattern) });
  });
  for (const input of repConfigs ?? []) {
    const checked = checkRepCustomCrm(input);
    // Stored configs were checked when added; one that no longer passes (a stricter check) is left out.
    if (!checked.ok || urlPatterns.has(checked.value.urlPattern)) continue;
    urlPatterns.add(checked.value.urlPattern);
    entries.push({
      source: 'options',
      matchPattern: checked.matchPattern,
      config: checked.value,
      builtInHost: builtInHost(checked.matchPattern),
    });
  }
  return { entries, problems };
}

/** The generic adapter configs the loader and the sidebar read custom hosts with, policy first. */
export function adapterConfigsOf(entries: readonly CustomCrmEntry[]): GenericAdapterConfig[] {
  return entries.flatMap((entry) => (entry.config ? [entry.config] : []));
}

/** Host permissions the entries need beyond the manifest's, each once. */
export function neededHostPatterns(entries: readonly CustomCrmEntry[]): string[] {
  const patterns = entries.flatMap((entry) =>
    entry.matchPattern !== null && !entry.builtInHost ? [entry.matchPattern] : [],
  );
  return Array.from(new Set(patterns));
}

/** Prefix of the ids of the loader registrations for custom hosts. */
export const CRM_HOST_SCRIPT_PREFIX = 'crm-host:';

/** The registration id of the loader on one custom host pattern. */
export function crmHostScriptId(matchPattern: string): string {
  return `${CRM_HOST_SCRIPT_PREFIX}${matchPattern}`;
}
