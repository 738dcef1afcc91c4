import {
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
import { pipedriveCrm } from './crm';

const CRM = 'pipedrive';
const DEAL_ID = /^[1-9]\d{0,15}$/;
const TITLE_SELECTORS = [
  ['[data-testid="header-title"]', 'header.title'],
  ['.dealDetails .detailViewHeader .title', 'legacy-header.title'],
] as const;
const FIELD_ROWS = '[data-testid="field-row"], .fieldsList .item';
const FIELD_LABELS = '[data-testid="field-label"], .key';
const FIELD_VALUES = '[data-testid="field-value"], .value';

type FieldSpec = { key: string | null; labels: readonly string[] };

// Field keys are Pipedrive's API keys for the deal's standard fields; labels are the declaration's.
const LABELS = pipedriveCrm.page.fieldLabels;
const FIELDS = {
  name: { key: 'title', labels: LABELS.name },
  stage: { key: 'stage_id', labels: LABELS.stage },
  amount: { key: 'value', labels: LABELS.amount },
  closeDate: { key: 'expected_close_date', labels: LABELS.closeDate },
  owner: { key: 'user_id', labels: LABELS.owner },
} satisfies Record<string, FieldSpec>;

// Header elements of the current deal view (data-testid) and of the legacy detail view (classes).
const HEADER_FIELDS: Readonly<Record<'stage' | 'amount' | 'owner', readonly (readonly [string, string])[]>> =
  {
    stage: [
      ['[data-testid="pipeline-stage"][aria-current="step"]', 'header.current-stage'],
      ['.dealDetails .stages .stage.active', 'legacy-header.active-stage'],
    ],
    amount: [
      ['[data-testid="header-deal-value"]', 'header.value'],
      ['.dealDetails .dealValue .value', 'legacy-header.value'],
    ],
    owner: [
      ['[data-testid="deal-owner"]', 'header.owner'],
      ['.dealDetails .owner .ownerName', 'legacy-header.owner'],
    ],
  };

/** Pipedrive's deal view, read from its header and sidebar with the shared template. */
export const pipedriveAdapter: CrmAdapter = createCrmAdapter<{ view: Element; title: Found }>({
  crm: CRM,
  page: pipedriveCrm.page,
  canonicalId: (raw) => (DEAL_ID.test(raw) ? raw : null),
  // Pipedrive re-renders the deal view in place: the body shows the deal, dialogs (other records) are skipped.
  findActiveView: (doc) => doc.body,
  shown: (doc) => {
    const title = doc.body ? headerTitle(doc.body) : null;
    return doc.body && title ? { view: doc.body, title } : null;
  },
  readFields: ({ view, title }) => ({
    name: firstFound([() => title, ...fieldStrategies(view, FIELDS.name)]),
    stage: readField(view, FIELDS.stage, HEADER_FIELDS.stage),
    amount: readField(view, FIELDS.amount, HEADER_FIELDS.amount),
    closeDate: readField(view, FIELDS.closeDate, []),
    owner: readField(view, FIELDS.owner, HEADER_FIELDS.owner),
  }),
  readSegment: ({ view }, _id, labels) => readField(view, { key: null, labels }, []),
});

function headerTitle(view: Element): Found | null {
  for (const [selector, strategy] of TITLE_SELECTORS) {
    const result = firstOf(queryShown(view, selector), strategy);
    if (result) return result;
  }
  return null;
}

function readField(
  view: Element,
  spec: FieldSpec,
  header: readonly (readonly [string, string])[],
): FieldReading {
  return firstFound([
    ...header.map(
      ([selector, strategy]) =>
        () =>
          firstOf(queryShown(view, selector), strategy, headerValue),
    ),
    ...fieldStrategies(view, spec),
  ]);
}

function fieldStrategies(view: Element, spec: FieldSpec): Strategy[] {
  const { key } = spec;
  return [() => (key ? fieldByKey(view, key) : null), () => fieldByLabel(view, spec)];
}

// A stage pill carries its name in `title`; other header elements show their value as text.
function headerValue(element: Element): string {
  return element.getAttribute('title') || textOf(element);
}

function fieldByKey(view: Element, key: string): Found | null {
  const rows = queryShown(view, `[data-field-key="${key}"], .fieldsList .item[data-key="${key}"]`);
  return firstOf(rows, `field.${key}`, rowValue);
}

function fieldByLabel(view: Element, spec: FieldSpec): Found | null {
  for (const row of queryShown(view, FIELD_ROWS)) {
    const label = queryAll(row, FIELD_LABELS)[0];
    const labelText = label ? textOf(label) : '';
    if (!labelMatches(labelText, spec.labels)) continue;
    const result = found(rowValue(row), `field.label:${labelText}`);
    if (result) return result;
  }
  return null;
}

function rowValue(row: Element): string {
  const value = queryAll(row, FIELD_VALUES)[0];
  return value ? textOf(value) : '';
}
