import { BUILT_IN_CRMS } from './built-in-crms';
import { BUILT_IN_PAGE_READERS } from './built-in-page-readers';
import type { CrmAdapter, DealReading, ReadOptions } from './crm-adapter';
import { detectDealPage } from './deal-page-url';
import { createGenericAdapter, type GenericAdapterConfig } from './generic-adapter';

/** Reading options for any CRM, custom hosts included. */
export interface RegistryReadOptions extends ReadOptions {
  /** Custom CRM hosts' configs; tried after the built-in CRMs, which they cannot override. */
  customAdapters?: readonly GenericAdapterConfig[];
}

/** The adapters of the CRMs Yardstick reads out of the box, in BUILT_IN_CRMS' order. */
export const builtInAdapters: readonly CrmAdapter[] = BUILT_IN_CRMS.map(
  (crm) => BUILT_IN_PAGE_READERS[crm.id],
);

const genericAdapters = new WeakMap<GenericAdapterConfig, CrmAdapter>();

/** The adapter whose deal pages include `url`, or null when no CRM Yardstick reads shows a deal there. */
export function adapterFor(
  url: string,
  customAdapters: readonly GenericAdapterConfig[] = [],
): CrmAdapter | null {
  const match = detectDealPage(url);
  if (match) return builtInAdapters.find((adapter) => adapter.crm === match.crm) ?? null;
  for (const config of customAdapters) {
    const adapter = genericAdapterFor(config);
    if (adapter.matchUrl(url)) return adapter;
  }
  return null;
}

/** Reads the deal at `url` with the adapter for it; not-a-deal when there is none. */
export function readDealPage(
  doc: Document,
  url: string,
  now: Date = new Date(),
  options: RegistryReadOptions = {},
): DealReading {
  const { customAdapters, ...readOptions } = options;
  return adapterFor(url, customAdapters)?.read(doc, url, now, readOptions) ?? { status: 'not-a-deal' };
}

/** The deal key `url` shows, from the URL alone, as the page's reading keys it; null when it shows none. */
export function dealKeyOfUrl(
  url: string,
  customAdapters: readonly GenericAdapterConfig[] = [],
): string | null {
  return adapterFor(url, customAdapters)?.dealKeyOf(url) ?? null;
}

/** The element that shows the deal at `url` now, as its adapter sees it; null when there is none. */
export function findActiveView(
  doc: Document,
  url: string,
  customAdapters: readonly GenericAdapterConfig[] = [],
): Element | null {
  return adapterFor(url, customAdapters)?.findActiveView(doc) ?? null;
}

function genericAdapterFor(config: GenericAdapterConfig): CrmAdapter {
  let adapter = genericAdapters.get(config);
  if (!adapter) {
    adapter = createGenericAdapter(config);
    genericAdapters.set(config, adapter);
  }
  return adapter;
}
