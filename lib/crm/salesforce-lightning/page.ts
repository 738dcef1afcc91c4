import { ownValue } from '../../own-value';
import {
  collectRoots,
  firstFound,
  firstOf,
  found,
  isShown,
  labelMatches,
  normaliseText,
  parentOrHost,
  queryAllIn,
  textOf,
  type CoreFields,
  type CrmAdapter,
  type Found,
  type Strategy,
} from '../crm-adapter';
import type { FieldReading } from '../deal-snapshot';
import { createCrmAdapter } from '../reading-template';
import { canonicalOpportunityId } from '../salesforce-id';
import { LIGHTNING_RECORD_REGIONS } from './record-regions';
import { salesforceLightningCrm } from './crm';

const CRM = 'salesforce-lightning';
const MAX_LABEL_DEPTH = 4;
const HEADER_SELECTOR = 'records-highlights2, force-highlights2';
const HIGHLIGHTS_ITEM_SELECTOR = 'records-highlights-details-item, force-highlights-details-item';
const PATH_SELECTOR = 'ul[aria-label="Path Options"], ul.slds-path__nav';
const LAYOUT_ITEM_TAGS = ['records-record-layout-item'];
const DYNAMIC_FORMS_TAGS = ['record_flexipage-record-field', 'flexipage-field'];

type FieldSpec = { api: string | null; labels: readonly string[] };

// Labels are the declaration's, for highlights items, which carry no API name.
const LABELS = salesforceLightningCrm.page.fieldLabels;
const FIELDS = {
  name: { api: 'Name', labels: LABELS.name },
  stage: { api: 'StageName', labels: LABELS.stage },
  amount: { api: 'Amount', labels: LABELS.amount },
  closeDate: { api: 'CloseDate', labels: LABELS.closeDate },
  owner: { api: 'OwnerId', labels: LABELS.owner },
} satisfies Record<string, FieldSpec>;
// The captureFields ids that are standard opportunity fields, by their API names.
const SEGMENT_API: Readonly<Record<string, string>> = {
  lead_source: 'LeadSource',
  campaign: 'CampaignId',
  type: 'Type',
};

const FIELD_CONTAINER_TAGS = new Set([...LAYOUT_ITEM_TAGS, ...DYNAMIC_FORMS_TAGS]);

type ReadContext = {
  doc: Document;
  viewRoots: ParentNode[];
  headerRoots: ParentNode[];
  // The view's field containers, found once per reading: every field and segment looks through them.
  fieldContainers?: Element[];
};

/** Salesforce Lightning opportunities, read from the active record view with the shared template. */
export const salesforceLightningAdapter: CrmAdapter = createCrmAdapter<ReadContext>({
  crm: CRM,
  page: salesforceLightningCrm.page,
  canonicalId: canonicalOpportunityId,
  // Lightning's URL check leaves the org to the reading: the My Domain name is the host's first label.
  instanceOf: (_match, url) => new URL(url).hostname.split('.')[0] ?? '',
  findActiveView: findActiveRecordView,
  recordRegions: LIGHTNING_RECORD_REGIONS,
  shown: (doc, activeView) =>
    readContext(doc, activeView === undefined ? findActiveRecordView(doc) : activeView),
  readFields,
  // Segments: by API name where the id is a standard field, then by label in details and highlights.
  readSegment: (context, id, labels) => {
    const spec = { api: ownValue(SEGMENT_API, id) ?? null, labels };
    return firstFound([
      () => detailsByApiName(context, spec),
      () => dynamicFormsField(context, spec),
      () => labelledField(context, spec, LAYOUT_ITEM_TAGS, 'details.label'),
      () => highlightsItem(context, spec),
    ]);
  },
});

/** Returns the record view Lightning shows now, never a hidden cached one; null when there is none. */
export function findActiveRecordView(doc: Document): Element | null {
  const views = Array.from(doc.querySelectorAll('div[class*="windowViewMode-"]')).filter(isViewContainer);
  const active = views.find((view) => view.classList.contains('active') && isViewShown(view, false));
  if (active) return active;
  const visible = views.filter((view) => isViewShown(view, true));
  // Several visible views and no active one: reading any of them would be a guess.
  return visible.length === 1 ? (visible[0] ?? null) : null;
}

function readContext(doc: Document, view: Element | null): ReadContext | null {
  if (!view) return null;
  const viewRoots = collectRoots(view);
  const header = queryAllIn(viewRoots, HEADER_SELECTOR).find((element) => textOf(element) !== '');
  // Lightning renders the view before its header: without a header the record is not shown yet.
  if (!header) return null;
  return { doc, viewRoots, headerRoots: collectRoots(header) };
}

function readFields(context: ReadContext): CoreFields {
  return {
    name: firstFound([
      () => primaryField(context),
      () => pageHeaderTitle(context),
      ...fieldStrategies(context, FIELDS.name),
      () => documentTitle(context.doc),
    ]),
    stage: firstFound([
      () => highlightsItem(context, FIELDS.stage),
      () => pathStage(context, 'current'),
      ...fieldStrategies(context, FIELDS.stage),
      () => pathStage(context, 'selected'),
    ]),
    amount: readField(context, FIELDS.amount),
    closeDate: readField(context, FIELDS.closeDate),
    owner: readField(context, FIELDS.owner),
  };
}

function readField(context: ReadContext, spec: FieldSpec): FieldReading {
  return firstFound([() => highlightsItem(context, spec), ...fieldStrategies(context, spec)]);
}

function fieldStrategies(context: ReadContext, spec: FieldSpec): Strategy[] {
  return [
    () => detailsByApiName(context, spec),
    () => labelledField(context, spec, LAYOUT_ITEM_TAGS, 'details.label'),
    () => dynamicFormsField(context, spec),
    () => labelledField(context, spec, DYNAMIC_FORMS_TAGS, 'dynamic-forms.label'),
    () => valueNextToLabel(context, spec),
  ];
}

function primaryField(context: ReadContext): Found | null {
  for (const slot of queryAllIn(context.headerRoots, 'slot[name="primaryField"]')) {
    const formatted = queryAllIn(collectRoots(slot), 'lightning-formatted-text')[0] ?? slot;
    const result = found(textOf(formatted), 'highlights.primaryField');
    if (result) return result;
  }
  return null;
}

function pageHeaderTitle(context: ReadContext): Found | null {
  for (const heading of queryAllIn(context.viewRoots, 'h1')) {
    const title = heading.classList.contains('slds-page-header__title')
      ? heading
      : queryAllIn(collectRoots(heading), '.slds-page-header__title')[0];
    const result = title ? found(textOf(title), 'page-header.title') : null;
    if (result) return result;
  }
  return null;
}

function documentTitle(doc: Document): Found | null {
  const name = salesforceLightningCrm.page.documentTitle.exec(normaliseText(doc.title))?.[1];
  return found(name, 'document.title');
}

function highlightsItem(context: ReadContext, spec: FieldSpec): Found | null {
  for (const item of queryAllIn(context.headerRoots, HIGHLIGHTS_ITEM_SELECTOR)) {
    const label = queryAllIn(collectRoots(item), 'p.slds-text-title')[0];
    const labelText = label ? (label.getAttribute('title') ?? textOf(label)) : '';
    if (!label || !labelMatches(labelText, spec.labels)) continue;
    const result = found(textOf(item, label), `highlights.item:${normaliseText(labelText)}`);
    if (result) return result;
  }
  return null;
}

function detailsByApiName(context: ReadContext, spec: FieldSpec): Found | null {
  if (spec.api === null) return null;
  const selector = `[data-target-selection-name="sfdc:RecordField.Opportunity.${spec.api}"]`;
  return firstOf(queryAllIn(context.viewRoots, selector), `details.${spec.api}`, fieldValueText);
}

function dynamicFormsField(context: ReadContext, spec: FieldSpec): Found | null {
  if (spec.api === null) return null;
  const selector = `[data-field-id="Record${spec.api}Field"], [data-field-id="${spec.api}"]`;
  return firstOf(queryAllIn(context.viewRoots, selector), `dynamic-forms.${spec.api}`, fieldValueText);
}

function labelledField(
  context: ReadContext,
  spec: FieldSpec,
  tags: readonly string[],
  prefix: string,
): Found | null {
  for (const container of fieldContainers(context, tags)) {
    const label = container.getAttribute('field-label') ?? fieldLabelText(container);
    if (label === null || !labelMatches(label, spec.labels)) continue;
    const result = found(fieldValueText(container), `${prefix}:${normaliseText(label)}`);
    if (result) return result;
  }
  return null;
}

// Older Aura layouts: a `.test-id__field-label` whose nearby ancestor also holds the value.
function valueNextToLabel(context: ReadContext, spec: FieldSpec): Found | null {
  for (const label of queryAllIn(context.viewRoots, '.test-id__field-label')) {
    const labelText = textOf(label);
    if (!labelMatches(labelText, spec.labels)) continue;
    let container = parentOrHost(label);
    for (let depth = 0; container && depth < MAX_LABEL_DEPTH; depth++, container = parentOrHost(container)) {
      const result = found(fieldValueText(container), `details.field-label:${labelText}`);
      if (result) return result;
    }
  }
  return null;
}

function pathStage(context: ReadContext, which: 'current' | 'selected'): Found | null {
  const itemSelector = which === 'current' ? '[class*="slds-is-current"]' : '[aria-selected="true"]';
  for (const path of queryAllIn(context.viewRoots, PATH_SELECTOR)) {
    for (const item of queryAllIn(collectRoots(path), itemSelector)) {
      const title = queryAllIn(collectRoots(item), '.slds-path__title')[0];
      const result = found(textOf(title ?? item), `path.${which}`);
      if (result) return result;
    }
  }
  return null;
}

function fieldLabelText(container: Element): string | null {
  const label = queryAllIn(collectRoots(container), '.test-id__field-label')[0];
  return label ? textOf(label) : null;
}

function fieldValueText(container: Element): string {
  const roots = collectRoots(container);
  const value =
    queryAllIn(roots, '.test-id__field-value')[0] ?? queryAllIn(roots, '.slds-form-element__static')[0];
  return value ? textOf(value) : '';
}

function isViewContainer(element: Element): boolean {
  return Array.from(element.classList).some((name) => name.startsWith('windowViewMode-'));
}

// Lightning marks a modal's background `aria-hidden`, so the active view is judged without it; a
// console keeps every workspace tab's view, and only the active tab's is shown.
function isViewShown(view: Element, ariaHiddenHides: boolean): boolean {
  for (let node: Element | null = view; node; node = parentOrHost(node)) {
    if (ariaHiddenHides && node.getAttribute('aria-hidden') === 'true') return false;
    if (node.classList.contains('oneConsoleTab') && !node.classList.contains('active')) return false;
  }
  return isShown(view);
}

// happy-dom rejects tag selectors with `_` (valid CSS, used by Lightning), so match local names instead.
function fieldContainers(context: ReadContext, tags: readonly string[]): Element[] {
  context.fieldContainers ??= queryAllIn(context.viewRoots, '*').filter((element) =>
    FIELD_CONTAINER_TAGS.has(element.localName),
  );
  return context.fieldContainers.filter((element) => tags.includes(element.localName));
}
