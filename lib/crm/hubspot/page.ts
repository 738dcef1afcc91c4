import { ownValue } from '../../own-value';
import {
  controlValue,
  firstFound,
  firstOf,
  found,
  labelMatches,
  queryAll,
  queryShown,
  textOf,
  type CrmAdapter,
  type Found,
  type Strategy,
} from '../crm-adapter';
import type { FieldReading } from '../deal-snapshot';
import { createCrmAdapter } from '../reading-template';
import { HUBSPOT_RECORD_REGIONS } from './record-regions';
import { hubspotCrm } from './crm';

const CRM = 'hubspot';
const DEAL_ID = /^[1-9]\d{0,18}$/;
const NAME_SELECTORS = [
  ['[data-test-id="highlight-record-label"]', 'highlight.record-label'],
  ['[data-selenium-test="highlightTitle"]', 'highlight.title'],
] as const;
const HIGHLIGHT_CARDS =
  '[data-selenium-component="ProfileHighlightContainer"], [data-card-type="OBJECT_HIGHLIGHT"], [data-test-id="record-highlight-main-content"]';
const CONTROLS = 'input, textarea, select';
const ANY_PROPERTY_INPUT = '[data-selenium-test^="property-input-"], [data-test-id^="property-input-"]';
const LABEL_CANDIDATES = 'span, p, dt, label, div';

type FieldSpec = { property: string | null; labels: readonly string[] };

// Internal property names are the same in every portal; labels are the declaration's.
const LABELS = hubspotCrm.page.fieldLabels;
const FIELDS = {
  name: { property: 'dealname', labels: LABELS.name },
  stage: { property: 'dealstage', labels: LABELS.stage },
  pipeline: { property: 'pipeline', labels: ['Pipeline'] },
  amount: { property: 'amount', labels: LABELS.amount },
  closeDate: { property: 'closedate', labels: LABELS.closeDate },
  owner: { property: 'hubspot_owner_id', labels: LABELS.owner },
} satisfies Record<string, FieldSpec>;
const SEGMENT_PROPERTIES: Readonly<Record<string, string>> = { type: 'dealtype' };

/** HubSpot's deal pages (record page, legacy deal page, any data centre), read with the shared template. */
export const hubspotAdapter: CrmAdapter = createCrmAdapter<Element>({
  crm: CRM,
  page: hubspotCrm.page,
  canonicalId: (raw) => (DEAL_ID.test(raw) ? raw : null),
  // HubSpot re-renders the record page in place: the body shows the deal, previews in dialogs are skipped.
  findActiveView: (doc) => doc.body,
  recordRegions: HUBSPOT_RECORD_REGIONS,
  shown: (doc) => (doc.body && hasHeader(doc.body) ? doc.body : null),
  readFields: (view) => ({
    name: firstFound([
      ...NAME_SELECTORS.map(
        ([selector, strategy]) =>
          () =>
            firstOf(queryShown(view, selector), strategy),
      ),
      ...fieldStrategies(view, FIELDS.name),
    ]),
    stage: withoutPipeline(readField(view, FIELDS.stage), readField(view, FIELDS.pipeline)),
    amount: readField(view, FIELDS.amount),
    closeDate: readField(view, FIELDS.closeDate),
    owner: readField(view, FIELDS.owner),
  }),
  readSegment: (view, id, labels) =>
    readField(view, { property: ownValue(SEGMENT_PROPERTIES, id) ?? null, labels }),
});

function hasHeader(view: Element): boolean {
  const selectors = [...NAME_SELECTORS.map(([selector]) => selector), HIGHLIGHT_CARDS].join(', ');
  return queryShown(view, selectors).some((element) => textOf(element) !== '');
}

function readField(view: Element, spec: FieldSpec): FieldReading {
  return firstFound(fieldStrategies(view, spec));
}

function fieldStrategies(view: Element, spec: FieldSpec): Strategy[] {
  const { property } = spec;
  return [
    () => (property ? highlightProperty(view, property) : null),
    () => (property ? propertyInput(view, property) : null),
    () => dataHighlight(view, spec),
    () => highlightCardPair(view, spec),
    () => labelledProperty(view, spec),
  ];
}

function highlightProperty(view: Element, property: string): Found | null {
  const values = queryShown(view, `[data-test-id="highlight-property-item-${property}"]`).flatMap((item) =>
    queryAll(
      item,
      `[data-test-id^="highlight-property-display-${property}"], [data-test-id="property-input-${property}"]`,
    ),
  );
  return firstOf(values, `highlight.${property}`, propertyValue);
}

function propertyInput(view: Element, property: string): Found | null {
  const selector = `[data-selenium-test="property-input-${property}"], [data-test-id="property-input-${property}"]`;
  return firstOf(queryShown(view, selector), `property.${property}`, propertyValue);
}

// The record's data highlights: `<p>Label</p><span>value</span>`.
function dataHighlight(view: Element, spec: FieldSpec): Found | null {
  for (const item of queryShown(view, '[data-test-id="crm-data-highlights-item"]')) {
    const label = item.querySelector('p');
    const labelText = label ? textOf(label) : '';
    if (!labelMatches(labelText, spec.labels)) continue;
    const value = Array.from(item.children).find((child) => child !== label);
    const result = value ? found(textOf(value), `data-highlights.label:${labelText}`) : null;
    if (result) return result;
  }
  return null;
}

// Highlight cards list `Label:` then the value, as sibling elements.
function highlightCardPair(view: Element, spec: FieldSpec): Found | null {
  for (const card of queryShown(view, HIGHLIGHT_CARDS)) {
    for (const label of queryAll(card, LABEL_CANDIDATES)) {
      const labelText = textOf(label);
      if (!label.nextElementSibling || !labelMatches(labelText, spec.labels)) continue;
      const strategy = `highlight-card.label:${labelText.replace(/\s*:$/, '')}`;
      const result = found(propertyValue(label.nextElementSibling), strategy);
      if (result) return result;
    }
  }
  return null;
}

// Property cards ("About this deal") put a `<label>` beside each property's input, whatever its internal name.
function labelledProperty(view: Element, spec: FieldSpec): Found | null {
  for (const label of queryShown(view, 'label')) {
    const labelText = textOf(label);
    if (!labelMatches(labelText, spec.labels)) continue;
    const input = label.parentElement ? queryAll(label.parentElement, ANY_PROPERTY_INPUT)[0] : undefined;
    const result = input ? found(propertyValue(input), `property.label:${labelText}`) : null;
    if (result) return result;
  }
  return null;
}

function propertyValue(element: Element): string {
  const control = element.matches(CONTROLS) ? element : element.querySelector(CONTROLS);
  return control ? controlValue(control) : textOf(element);
}

// Highlights print the stage with its pipeline, `Contract sent (Sales Pipeline)`; the stage is the same
// either way, so the pipeline is dropped when the page names it, and only then.
function withoutPipeline(stage: FieldReading, pipeline: FieldReading): FieldReading {
  if (stage.text === null || pipeline.text === null) return stage;
  const suffix = ` (${pipeline.text})`;
  return stage.text.endsWith(suffix) && stage.text.length > suffix.length
    ? { ...stage, text: stage.text.slice(0, -suffix.length) }
    : stage;
}
