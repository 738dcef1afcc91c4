import type { WxtBrowser } from 'wxt/browser';
import { CRM_HOST_MATCHES, LOADER_RUN_AT, patternCoveredBy } from '../../lib/crm/crm-hosts';
import type { GenericAdapterConfig } from '../../lib/crm/generic-adapter';
import type { BackgroundServices } from './background-services';
import {
  adapterConfigsOf,
  CRM_HOST_SCRIPT_PREFIX,
  crmHostScriptId,
  neededHostPatterns,
  type ResolvedCustomCrms,
} from './custom-crm-hosts';

/** The loader registered at runtime on the custom hosts; the built-in CRMs have their own, in the manifest. */
export const CUSTOM_LOADER_SCRIPT = 'custom-crm-loader.js';

/** The browser APIs the sync uses; tests pass fakes. */
export interface CrmHostApis {
  scripting: Pick<
    WxtBrowser['scripting'],
    'getRegisteredContentScripts' | 'registerContentScripts' | 'unregisterContentScripts'
  >;
  permissions: Pick<WxtBrowser['permissions'], 'contains' | 'remove'>;
  /** Where the background answers the custom hosts' loader from (storage.local, closed to content scripts). */
  storeAdapterConfigs(configs: GenericAdapterConfig[]): Promise<void>;
}

/** Whether Yardstick may and does run on one custom host pattern. */
export interface CrmHostStatus {
  granted: boolean;
  registered: boolean;
  /** Why registering the loader failed, when it did. */
  error?: string;
}

/** The custom hosts in force and, per host pattern, whether Yardstick runs there. */
export interface CrmHostSyncResult {
  resolved: ResolvedCustomCrms;
  status: ReadonlyMap<string, CrmHostStatus>;
}

/** Keeps the loader's runtime registrations in line with the custom hosts and their granted permissions. */
export interface CrmHostSync {
  /** Registers the loader on every granted custom host and unregisters it everywhere else; runs one at a time. */
  sync(): Promise<CrmHostSyncResult>;
  /** The custom hosts and whether Yardstick runs on each, changing nothing. */
  inspect(): Promise<CrmHostSyncResult>;
  /**
   * Gives back the permission for a host no entry needs any more; a host the definitions URL is on
   * keeps it (definitions sync may need it).
   */
  releaseHost(matchPattern: string): Promise<void>;
}

/** Creates the sync over `apis`. */
export function createCrmHostSync(services: BackgroundServices, apis: CrmHostApis): CrmHostSync {
  let queue: Promise<unknown> = Promise.resolve();

  const run = async (apply: boolean): Promise<CrmHostSyncResult> => {
    const resolved = await services.readCustomCrms();
    if (apply) await apis.storeAdapterConfigs(adapterConfigsOf(resolved.entries));
    const status = new Map<string, CrmHostStatus>();
    for (const entry of resolved.entries) {
      if (entry.matchPattern !== null && entry.builtInHost)
        status.set(entry.matchPattern, { granted: true, registered: true });
    }
    const wanted = new Map<string, string>();
    for (const pattern of neededHostPatterns(resolved.entries)) {
      const granted = await apis.permissions.contains({ origins: [pattern] }).catch(() => false);
      status.set(pattern, { granted, registered: false });
      if (granted) wanted.set(crmHostScriptId(pattern), pattern);
    }
    const registered = (await apis.scripting.getRegisteredContentScripts()).filter((script) =>
      script.id.startsWith(CRM_HOST_SCRIPT_PREFIX),
    );
    // A registration an earlier version made with other settings is made again.
    const current = (script: (typeof registered)[number]) =>
      script.runAt === LOADER_RUN_AT && script.js?.length === 1 && script.js[0] === CUSTOM_LOADER_SCRIPT;
    const unwanted = registered
      .filter((script) => !wanted.has(script.id) || (apply && !current(script)))
      .map((script) => script.id);
    if (apply && unwanted.length > 0) await apis.scripting.unregisterContentScripts({ ids: unwanted });
    const present = new Set(
      registered.filter((script) => !unwanted.includes(script.id)).map((script) => script.id),
    );
    for (const [id, pattern] of wanted) {
      if (present.has(id) || !apply) {
        status.set(pattern, { granted: true, registered: present.has(id) });
        continue;
      }
      try {
        await apis.scripting.registerContentScripts([
          {
            id,
            matches: [pattern],
            js: [CUSTOM_LOADER_SCRIPT],
            runAt: LOADER_RUN_AT,
            persistAcrossSessions: true,
          },
        ]);
        status.set(pattern, { granted: true, registered: true });
      } catch (error) {
        status.set(pattern, { granted: true, registered: false, error: (error as Error).message });
      }
    }
    return { resolved, status };
  };

  return {
    sync() {
      const apply = () => run(true);
      const result = queue.then(apply, apply);
      queue = result.catch(() => undefined);
      return result;
    },
    inspect: () => run(false),
    async releaseHost(matchPattern) {
      if (patternCoveredBy(matchPattern, CRM_HOST_MATCHES)) return;
      const [{ entries }, config] = await Promise.all([
        services.readCustomCrms(),
        services.readDefinitionsConfig(),
      ]);
      if (neededHostPatterns(entries).includes(matchPattern)) return;
      if (config.source.kind === 'url' && patternCoveredBy(originPattern(config.source.url), [matchPattern]))
        return;
      await apis.permissions.remove({ origins: [matchPattern] }).catch(() => false);
    },
  };
}

function originPattern(url: string): string {
  try {
    return `${new URL(url).origin}/*`;
  } catch {
    return '';
  }
}
