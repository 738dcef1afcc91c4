import type { SnapshotIdentity } from '../../crm/crm-adapter';
import { buildDealKey } from '../../crm/deal-key';
import { detectDealPage } from '../../crm/deal-page-url';
import { canonicalOpportunityId } from '../../crm/salesforce-id';
import { apiOriginForHost } from './api-host';

/** A Salesforce opportunity page, as the background sees it from the tab's URL alone. */
export interface OrgDealPage {
  identity: SnapshotIdentity;
  opportunityId: string;
  /** The org's REST API origin for the page's host. */
  apiOrigin: string;
}

const MAX_URL = 4000;

/**
 * The opportunity and org a Lightning or Classic URL shows, keyed as the page reading keys it; null for
 * any other page. The org comes from the URL's host, never from what a message says.
 */
export function orgDealPageOf(pageUrl: string): OrgDealPage | null {
  const match = detectDealPage(pageUrl);
  if (match?.crm !== 'salesforce-lightning' && match?.crm !== 'salesforce-classic') return null;
  const opportunityId = canonicalOpportunityId(match.rawRecordId);
  const url = new URL(pageUrl);
  const apiOrigin = apiOriginForHost(url.hostname);
  if (!opportunityId || !apiOrigin.ok) return null;
  const instance = match.crm === 'salesforce-classic' ? match.instance : (url.hostname.split('.')[0] ?? '');
  return {
    identity: {
      crm: match.crm,
      instance,
      recordId: opportunityId,
      // Classic shows Lightning's records: one key for both (lib/crm/salesforce-classic/page.ts).
      dealKey: buildDealKey('salesforce-lightning', instance, opportunityId),
      url: pageUrl.length <= MAX_URL ? pageUrl : `${url.origin}${url.pathname}`.slice(0, MAX_URL),
    },
    opportunityId,
    apiOrigin: apiOrigin.value,
  };
}
