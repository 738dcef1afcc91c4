import { dealKeyOf, type DealPageState } from '../../../lib/crm/deal-page-state';
import type { CrmId } from '../../../lib/crm/deal-snapshot';
import { withPageReadingsForGaps } from '../../../lib/org/salesforce/deal-from-org';
import type { SidebarBackend } from '../sidebar-backend';
import type { OrgReadingState, SidebarState, SliceContext } from './sidebar-state';

/** No reading from an org asked for: the deal is not a Salesforce deal, or none is shown. */
export const ORG_READING_NONE: OrgReadingState = { status: 'none' };

/** Whether the org's API can read this CRM's deals (Salesforce only, lib/org/salesforce). */
export function readsThroughOrg(crm: CrmId | null): boolean {
  return crm === 'salesforce-lightning' || crm === 'salesforce-classic';
}

/**
 * The page state with the org's snapshot in place of the page's reading: the API's fields win, and the
 * page keeps the capture fields the API could not read. A page still waiting for its header shows the
 * API's reading at once.
 */
export function withOrgReading(page: DealPageState, org: OrgReadingState): DealPageState {
  if (org.status !== 'api' || dealKeyOf(page) !== org.dealKey) return page;
  if (page.status === 'ready') {
    return { status: 'ready', snapshot: withPageReadingsForGaps(org.snapshot, page.snapshot) };
  }
  return page.status === 'waiting-for-header' || page.status === 'header-timeout'
    ? { status: 'ready', snapshot: org.snapshot }
    : page;
}

type SetState = (partial: Partial<SidebarState>) => void;

/**
 * Asks the background for the org's reading of a deal; the page's reading stays shown until it
 * arrives, and stays when the API could not answer, with the reason.
 */
export function orgDealLoader(
  backend: SidebarBackend,
  set: SetState,
  get: () => SidebarState,
): (dealKey: string, pageUrl: string, signal: AbortSignal) => Promise<void> {
  return async (dealKey, pageUrl, signal) => {
    if (!backend.getOrgDeal) return;
    set({ orgReading: { status: 'asking', dealKey } });
    const response = await backend.getOrgDeal(dealKey, pageUrl).catch(() => null);
    if (signal.aborted) return;
    if (!response?.ok) {
      const message = response?.error.message ?? 'Yardstick’s background did not answer.';
      set({ orgReading: { status: 'page', dealKey, reason: { code: 'unexpected-answer', message } } });
      return;
    }
    const reading = response.value;
    if (reading.dealKey !== dealKey) return;
    const orgReading: OrgReadingState =
      reading.source === 'api'
        ? { status: 'api', dealKey, snapshot: reading.snapshot }
        : { status: 'page', dealKey, reason: reading.reason, pageUrl, canConnect: reading.canConnect };
    set({ orgReading, page: withOrgReading(get().page, orgReading) });
  };
}

/**
 * Connects the shown deal's org through the connected app (the background opens the sign-in window),
 * then asks for the org's reading again; a failure stays under the deal, in words.
 */
export function orgConnector(
  backend: SidebarBackend,
  set: SetState,
  get: () => SidebarState,
  context: Pick<SliceContext, 'dealWork' | 'readOrgDeal'>,
): () => Promise<void> {
  return async () => {
    const asked = get().orgReading;
    if (asked.status !== 'page' || !asked.canConnect || asked.connecting || !backend.connectOrg) return;
    const signal = context.dealWork.signal;
    set({ orgReading: { ...asked, connecting: true, connectError: undefined } });
    const response = await backend.connectOrg().catch(() => null);
    const shown = get().orgReading;
    if (signal.aborted || shown.status !== 'page' || shown.dealKey !== asked.dealKey) return;
    if (!response?.ok) {
      const connectError = response?.error.message ?? 'Yardstick’s background did not answer.';
      set({ orgReading: { ...shown, connecting: false, connectError } });
      return;
    }
    if (asked.pageUrl) await context.readOrgDeal(asked.dealKey, asked.pageUrl, signal);
  };
}
