import { customHostDealCheck } from '../../lib/crm/custom-host-deal-check';
import type { CustomDealUrl } from '../../lib/crm/deal-page-url';
import { startLoader } from '../../lib/crm/deal-page-loader';
import { CUSTOM_DEAL_URLS_TYPE } from '../../lib/messaging/protocol-names';
import { extensionApi, THIS_EXTENSION } from './page-loader-env';

// Runs on the custom CRM hosts an admin or rep added, registered by the background at runtime
// (crm-host-sync.ts), and bundled by scripts/build/crm-loaders.ts. The deal URL patterns of this host
// are asked of the background at the first check: storage.local is closed to content scripts.
startLoader(
  customHostDealCheck(() => location.href, readCustomDealUrls),
  THIS_EXTENSION,
);

/** This host's deal URL patterns, as the background answers them (an error or a stranger's answer counts as none). */
async function readCustomDealUrls(): Promise<readonly CustomDealUrl[]> {
  const response: unknown = await extensionApi().runtime.sendMessage({ type: CUSTOM_DEAL_URLS_TYPE });
  const { ok, value } = (response ?? {}) as { ok?: unknown; value?: unknown };
  return ok === true && Array.isArray(value) ? (value as CustomDealUrl[]) : [];
}
