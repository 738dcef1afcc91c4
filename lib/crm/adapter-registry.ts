import { ownValue } from '../own-value';
import {
  collectRoots,
  firstFound,
  firstOf,
  found,
  labelMatches,
  queryAll,
  readSegments,
  textOf,
  unknownSegments,
  type CrmAdapter,
  type DealReading,
  type Found,
  type ReadOptions,
} from './crm-adapter';
import { detectDealPage } from './deal-page-url';
import type { FieldReading } from './deal-snapshot';
import { dynamics365Adapter } from './dynamics365';
import { createGenericAdapter, type GenericAdapterConfig } from './generic-adapter';
import { hubSpotAdapter } from './hubspot';
import { pipedriveAdapter } from './pipedrive';
import { salesforceClassicAdapter } from './salesforce-classic';
import { findActiveRecordView, readLightningOpportunity } from './salesforce-lightning';

/** Reading options for any CRM, custom hosts included. */
export interface RegistryReadOptions extends ReadOptions {
  /** Custom CRM hosts' configs; tried after the built-in CRMs, which they cannot override. */
  customAdapters?: readonly GenericAdapterConfig[];
}

const LIGHTNING = 'salesforce-lightning';
const LIGHTNING_SEGMENT_API: Readonly<Record<string, string>> = {
  lead_source: 'LeadSource',
  campaign: 'CampaignId',
  type: 'Type',
};
const LIGHTNING_HIGHLIGHTS_ITEM = 'records-highlights-details-item, force-highlights-details-item';
const genericAdapters = new WeakMap<GenericAdapterConfig, CrmAdapter>();

/** Salesforce Lightning: its adapter's reading unchanged, plus `segments` when captureFields are asked for. */
export const salesforceLightningAdapter: CrmAdapter = {
  crm: LIGHTNING,
  matchUrl: (url) => detectDealPage(url)?.crm === LIGHTNING,
  read(doc, url, now = new Date(), options = {}) {
    const reading = readLightningOpportunity(doc, url, now);
    if (reading.status !== 'ready' || !options.captureFields?.length) return reading;
    const view = findActiveRecordView(doc);
    const segments = view
      ? readSegments(options.captureFields, (id, labels) =>
          lightningSegment(view, ownValue(LIGHTNING_SEGMENT_API, id) ?? null, labels),
        )
      : unknownSegments(options.captureFields);
    return { status: 'ready', snapshot: { ...reading.snapshot, ...(segments ? { segments } : {}) } };
  },
  findActiveView: findActiveRecordView,
};

/** The CRMs Yardstick reads out of the box, Lightning first. */
export const builtInAdapters: readonly CrmAdapter[] = [
  salesforceLightningAdapter,
  salesforceClassicAdapter,
  hubSpotAdapter,
  dynamics365Adapter,
  pipedriveAdapter,
];

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

// Segment fields in Lightning's active record view: by API name, then by label in details and highlights.
function lightningSegment(view: Element, api: string | null, labels: readonly string[]): FieldReading {
  const roots = collectRoots(view);
  const all = (selector: string) => roots.flatMap((root) => queryAll(root, selector));
  return firstFound([
    () =>
      api
        ? firstOf(
            all(`[data-target-selection-name="sfdc:RecordField.Opportunity.${api}"]`),
            `details.${api}`,
            lightningValue,
          )
        : null,
    () =>
      api
        ? firstOf(
            all(`[data-field-id="Record${api}Field"], [data-field-id="${api}"]`),
            `dynamic-forms.${api}`,
            lightningValue,
          )
        : null,
    () =>
      labelledLayoutItem(
        all('*').filter((element) => element.localName === 'records-record-layout-item'),
        labels,
      ),
    () => highlightsItem(all(LIGHTNING_HIGHLIGHTS_ITEM), labels),
  ]);
}

function labelledLayoutItem(items: Element[], labels: readonly string[]): Found | null {
  for (const item of items) {
    const labelElement = collectRoots(item).flatMap((root) => queryAll(root, '.test-id__field-label'))[0];
    const label = item.getAttribute('field-label') ?? (labelElement ? textOf(labelElement) : '');
    if (!labelMatches(label, labels)) continue;
    const result = found(lightningValue(item), `details.label:${label}`);
    if (result) return result;
  }
  return null;
}

function highlightsItem(items: Element[], labels: readonly string[]): Found | null {
  for (const item of items) {
    const labelElement = collectRoots(item).flatMap((root) => queryAll(root, 'p.slds-text-title'))[0];
    const label = labelElement ? (labelElement.getAttribute('title') ?? textOf(labelElement)) : '';
    if (!labelMatches(label, labels)) continue;
    const text = textOf(item);
    const labelText = labelElement ? textOf(labelElement) : '';
    const result = found(
      text.startsWith(labelText) ? text.slice(labelText.length) : null,
      `highlights.item:${label}`,
    );
    if (result) return result;
  }
  return null;
}

function lightningValue(container: Element): string {
  const roots = collectRoots(container);
  const value =
    roots.flatMap((root) => queryAll(root, '.test-id__field-value'))[0] ??
    roots.flatMap((root) => queryAll(root, '.slds-form-element__static'))[0];
  return value ? textOf(value) : '';
}
