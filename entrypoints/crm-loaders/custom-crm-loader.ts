import { customHostDealCheck } from '../../lib/crm/custom-host-deal-check';
import { CUSTOM_CRM_ADAPTERS_KEY } from '../../lib/crm/custom-crm-adapters-key';
import type { CustomDealUrl } from '../../lib/crm/deal-page-url';
import { startLoader } from '../../lib/crm/deal-page-loader';
import { extensionApi, THIS_EXTENSION } from './page-loader-env';

// Runs on the custom CRM hosts an admin or rep added, registered by the background at runtime
// (crm-host-sync.ts), and bundled by scripts/build/crm-loaders.ts. Their deal URL patterns are read
// from storage at the first check.
startLoader(
  customHostDealCheck(() => location.href, readCustomDealUrls),
  THIS_EXTENSION,
);

/** The custom CRM hosts' deal URL patterns, as the background stored them. */
async function readCustomDealUrls(): Promise<readonly CustomDealUrl[]> {
  const stored = await extensionApi().storage.local.get(CUSTOM_CRM_ADAPTERS_KEY);
  const custom: unknown = stored[CUSTOM_CRM_ADAPTERS_KEY];
  return Array.isArray(custom) ? custom : [];
}
