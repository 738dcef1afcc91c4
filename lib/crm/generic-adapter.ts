import { ownValue } from '../own-value';
import { controlValue, firstFound, firstOf, queryShown, type CrmAdapter, type Strategy } from './crm-adapter';
import { detectDealPage } from './deal-page-url';
import type { FieldReading } from './deal-snapshot';
import type { GenericAdapterConfig } from './generic-adapter-config';
import { createCrmAdapter } from './reading-template';

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

/** Builds the adapter for one custom CRM host's deal pages, read with the shared template. */
export function createGenericAdapter(config: GenericAdapterConfig): CrmAdapter {
  const patterns = [{ urlPattern: config.urlPattern }];
  const selectors = config.selectors ?? {};
  return createCrmAdapter<{ doc: Document; name: FieldReading }>({
    crm: CRM,
    detect: (url) => detectDealPage(url, patterns),
    canonicalId: decodedId,
    instanceOf: (match) => ('instance' in match ? match.instance : '').toLowerCase(),
    findActiveView: (doc) => doc.body,
    shown: (doc) => {
      const name = readSelectors(doc, selectors.name);
      // With a name selector, the deal is shown once the name is; without one there is nothing to wait for.
      return selectors.name !== undefined && name.text === null ? null : { doc, name };
    },
    readFields: ({ doc, name }) => ({
      name,
      stage: readSelectors(doc, selectors.stage),
      amount: readSelectors(doc, selectors.amount),
      closeDate: readSelectors(doc, selectors.closeDate),
      owner: readSelectors(doc, selectors.owner),
    }),
    readSegment: ({ doc }, id) => readSelectors(doc, ownValue(selectors.segments, id)),
    localeOf: (doc) => doc.documentElement.lang || config.locale,
  });
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
