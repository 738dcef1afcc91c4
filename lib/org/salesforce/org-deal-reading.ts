import type { DealSnapshot } from '../../crm/deal-snapshot';
import { sha256Hex } from '../../sha256-hex';
import { apiOriginForHost } from './api-host';
import { captureFieldNames } from './capture-field-names';
import { snapshotFromOrgDeal } from './deal-from-org';
import { pageFallbackReason, type PageFallbackReason } from './deal-reading-fallback';
import { orgDealPageOf } from './org-deal-page';
import type { OrgSessions } from './org-sessions';
import { readDeal } from './read-deal';

/** The background's answer about a deal: the org's reading, or why the page's reading stays. */
export type OrgDealReading =
  | { dealKey: string; source: 'api'; snapshot: DealSnapshot }
  | {
      dealKey: string;
      source: 'page';
      reason: PageFallbackReason;
      /** The org refuses the browser session and policy names a connected app: the rep may connect through it. */
      canConnect?: boolean;
    };

/** What the sidebar's tab asked: the tab, its URL (the sender's, never the message's) and its deal. */
export interface OrgDealRequest {
  tabId: number;
  pageUrl: string;
  /** The deal the sidebar shows; a URL showing another deal answers with the page's reading. */
  dealKey: string;
  cookieStoreId?: string;
}

/** What the capture fields are and which API field each is read from. */
export interface CaptureFieldsSource {
  captureFields: readonly string[];
  salesforceFields?: Readonly<Record<string, string>>;
}

/** What the reader needs, injected so that it stays pure. */
export interface OrgDealReaderDeps {
  sessions: OrgSessions;
  /** The `sid` cookie the sessions will use: a new one (the rep logged in again) reads the deal again. */
  readSessionId(apiOrigin: string, cookieStoreId?: string): Promise<string | null>;
  readCaptureFields(): Promise<CaptureFieldsSource>;
  now(): Date;
  /** A tab's reading is reused for this long, then read again on the next open. */
  freshForMs: number;
}

/** Reads deals through the org's API, once per deal a tab opens. */
export interface OrgDealReader {
  read(request: OrgDealRequest): Promise<OrgDealReading>;
  /**
   * Starts the reading of the deal a page URL shows, before its sidebar asks (the loader found the deal
   * while the sidebar's script still loads); the sidebar's request then shares it. Other pages: nothing.
   */
  readAhead(tabId: number, pageUrl: string, cookieStoreId?: string): void;
  /** The tab went to a page of another org, or off Salesforce: its readings are dropped. */
  tabNavigated(tabId: number, pageUrl: string): void;
  /** The tab closed. */
  tabClosed(tabId: number): void;
  /** The tab's API snapshot of this deal, if it has one (a save may use it). */
  cachedSnapshot(tabId: number, dealKey: string): Promise<DealSnapshot | null>;
}

interface Visit {
  apiOrigin: string;
  readings: Map<string, { sessionHash: string | null; at: number; reading: Promise<OrgDealReading> }>;
}

// A tab that stays on one org keeps at most this many deals' readings.
const MAX_DEALS_PER_TAB = 50;

/**
 * The deal reader: one SOQL query per deal a tab opens in one org (a re-render or a return to the record
 * costs nothing), read again when the rep's session changes or the reading grows old; the session link
 * is remembered by the sessions, so versions and userinfo are asked once per session.
 */
export function createOrgDealReader(deps: OrgDealReaderDeps): OrgDealReader {
  const visits = new Map<number, Visit>();
  const singleCurrency = new Set<string>();

  async function readFromOrg(request: OrgDealRequest): Promise<OrgDealReading> {
    const { dealKey } = request;
    const page = (reason: PageFallbackReason): OrgDealReading => ({ dealKey, source: 'page', reason });
    const dealPage = orgDealPageOf(request.pageUrl);
    if (!dealPage || dealPage.identity.dealKey !== dealKey)
      return page(pageFallbackReason('not-an-org-page'));
    const link = await deps.sessions.forApiOrigin(dealPage.apiOrigin, request.cookieStoreId);
    if (!link.ok) return page(pageFallbackReason(link.error));
    const fields = await deps.readCaptureFields();
    const names = captureFieldNames(fields.captureFields, fields.salesforceFields);
    const deal = await readDeal(link.value.connection, {
      opportunityId: dealPage.opportunityId,
      captureFields: [...new Set(names.apiFieldOf.values())],
      multiCurrency: !singleCurrency.has(dealPage.apiOrigin),
    });
    if (!deal.ok) {
      if (deal.error.code === 'session-expired') await deps.sessions.forget(dealPage.apiOrigin);
      return page(pageFallbackReason(deal.error));
    }
    if (!deal.value) return page(pageFallbackReason('record-not-found'));
    if (!deal.value.multiCurrency) singleCurrency.add(dealPage.apiOrigin);
    return {
      dealKey,
      source: 'api',
      snapshot: snapshotFromOrgDeal(dealPage.identity, deal.value, names, deps.now()),
    };
  }

  function visitOf(tabId: number, apiOrigin: string): Visit {
    const visit = visits.get(tabId);
    if (visit?.apiOrigin === apiOrigin) return visit;
    const fresh: Visit = { apiOrigin, readings: new Map() };
    visits.set(tabId, fresh);
    return fresh;
  }

  // Requests for one tab's deal run one after the other, so that the second finds the first's reading.
  const inTurn = new Map<string, Promise<unknown>>();
  function read(request: OrgDealRequest): Promise<OrgDealReading> {
    const key = `${request.tabId} ${request.dealKey}`;
    const reading = (inTurn.get(key) ?? Promise.resolve()).then(() => readOnce(request));
    const settled = reading.catch(() => undefined);
    inTurn.set(key, settled);
    void settled.then(() => {
      if (inTurn.get(key) === settled) inTurn.delete(key);
    });
    return reading;
  }

  async function readOnce(request: OrgDealRequest): Promise<OrgDealReading> {
    const apiOrigin = orgDealPageOf(request.pageUrl)?.apiOrigin;
    if (!apiOrigin) return readFromOrg(request);
    const sessionId = await deps.readSessionId(apiOrigin, request.cookieStoreId);
    const sessionHash = sessionId ? await sha256Hex(sessionId) : null;
    const visit = visitOf(request.tabId, apiOrigin);
    const now = deps.now().getTime();
    const kept = visit.readings.get(request.dealKey);
    if (kept && kept.sessionHash === sessionHash && now - kept.at < deps.freshForMs) return kept.reading;
    const reading = readFromOrg(request);
    visit.readings.delete(request.dealKey);
    visit.readings.set(request.dealKey, { sessionHash, at: now, reading });
    if (visit.readings.size > MAX_DEALS_PER_TAB) {
      visit.readings.delete(visit.readings.keys().next().value!);
    }
    const settled = await reading;
    // A cancelled reading says nothing about the org: the next open asks again.
    if (settled.source === 'page' && settled.reason.code === 'aborted') {
      visit.readings.delete(request.dealKey);
    }
    return settled;
  }

  return {
    read,
    readAhead(tabId, pageUrl, cookieStoreId) {
      const dealKey = orgDealPageOf(pageUrl)?.identity.dealKey;
      if (dealKey) void read({ tabId, pageUrl, dealKey, cookieStoreId });
    },
    tabNavigated(tabId, pageUrl) {
      const visit = visits.get(tabId);
      if (visit && apiOriginOfUrl(pageUrl) !== visit.apiOrigin) visits.delete(tabId);
    },
    tabClosed(tabId) {
      visits.delete(tabId);
    },
    async cachedSnapshot(tabId, dealKey) {
      const reading = await visits.get(tabId)?.readings.get(dealKey)?.reading;
      return reading?.source === 'api' ? reading.snapshot : null;
    },
  };
}

function apiOriginOfUrl(pageUrl: string): string | null {
  try {
    const origin = apiOriginForHost(new URL(pageUrl).hostname);
    return origin.ok ? origin.value : null;
  } catch {
    return null;
  }
}
