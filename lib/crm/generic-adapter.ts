import {
  buildSnapshot,
  controlValue,
  firstFound,
  firstOf,
  queryShown,
  readSegments,
  type CrmAdapter,
  type DealReading,
  type ReadOptions,
  type Strategy,
} from './crm-adapter';
import { buildDealKey } from './deal-key';
import { detectDealPage } from './deal-page-url';
import type { FieldReading } from './deal-snapshot';
import type { GenericAdapterConfig } from './generic-adapter-config';

const CRM = 'generic';
const RECORD_ID = /^[^\s/?#\\]{1,100}$/u;
const MAX_STRATEGY = 200;

/** One CSS selector, or several tried in order. */
export type SelectorList = string | readonly string[];

/** A custom CRM host's deal pages; the type is derived from its one Zod schema. */
export type { GenericAdapterConfig, GenericAdapterConfigResult } from './generic-adapter-config';

/** The host permission a config needs, e.g. `https://crm.example.com/*`; null when its host is not literal. */
export function matchPatternFor(config: GenericAdapterConfig): string | null {
  const host = /^\^?https:(?:\\\/|\/){2}((?:[a-z0-9-]|\\?\.)+)(?:\\?\/|$)/i.exec(config.urlPattern)?.[1];
  return host ? `https://${host.replace(/\\\./g, '.').toLowerCase()}/*` : null;
}

/** Builds the adapter for one custom CRM host's deal pages. */
export function createGenericAdapter(config: GenericAdapterConfig): CrmAdapter {
  const patterns = [{ urlPattern: config.urlPattern }];
  const matchUrl = (url: string) => detectDealPage(url, patterns)?.crm === CRM;
  const read = (
    doc: Document,
    url: string,
    now: Date = new Date(),
    options: ReadOptions = {},
  ): DealReading => {
    const match = detectDealPage(url, patterns);
    if (match?.crm !== CRM) return { status: 'not-a-deal' };
    const recordId = decodedId(match.rawRecordId);
    if (!recordId) return { status: 'invalid-record-id', rawRecordId: match.rawRecordId };
    const instance = match.instance.toLowerCase();
    const dealKey = buildDealKey(CRM, instance, recordId);
    const selectors = config.selectors ?? {};
    const name = readSelectors(doc, selectors.name);
    // With a name selector, the deal is shown once the name is; without one there is nothing to wait for.
    if (selectors.name !== undefined && name.text === null)
      return { status: 'waiting-for-header', recordId, dealKey, instance };
    const segments = readSegments(options.captureFields, (id) =>
      readSelectors(doc, selectors.segments?.[id]),
    );
    const fields = {
      name,
      stage: readSelectors(doc, selectors.stage),
      amount: readSelectors(doc, selectors.amount),
      closeDate: readSelectors(doc, selectors.closeDate),
      owner: readSelectors(doc, selectors.owner),
    };
    const identity = { crm: CRM, instance, recordId, dealKey, url } as const;
    const locale = doc.documentElement.lang || config.locale;
    return { status: 'ready', snapshot: buildSnapshot(identity, fields, segments, locale, now) };
  };
  return { crm: CRM, matchUrl, read, findActiveView: (doc) => doc.body };
}

function readSelectors(doc: Document, selectors: SelectorList | undefined): FieldReading {
  const list: readonly string[] =
    selectors === undefined ? [] : typeof selectors === 'string' ? [selectors] : selectors;
  const strategies: Strategy[] = list.map(
    (selector) => () =>
      firstOf(queryShown(doc, selector), `selector:${selector}`.slice(0, MAX_STRATEGY), controlValue),
  );
  return firstFound(strategies);
}

function decodedId(raw: string): string | null {
  try {
    const id = decodeURIComponent(raw);
    return RECORD_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}
