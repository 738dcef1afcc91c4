import {
  buildSnapshot,
  firstFound,
  firstOf,
  found,
  labelMatches,
  queryAll,
  queryShown,
  readSegments,
  textOf,
  type CrmAdapter,
  type DealReading,
  type Found,
  type ReadOptions,
  type Strategy,
} from './crm-adapter';
import { buildDealKey } from './deal-key';
import { detectDealPage } from './deal-page-url';
import type { FieldReading } from './deal-snapshot';

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

// Field keys are Pipedrive's API keys for the deal's standard fields; labels are English plus German and French.
const FIELDS = {
  name: { key: 'title', labels: ['Title', 'Titel', 'Titre'] },
  stage: { key: 'stage_id', labels: ['Stage', 'Phase', 'Étape'] },
  amount: { key: 'value', labels: ['Value', 'Wert', 'Valeur'] },
  closeDate: {
    key: 'expected_close_date',
    labels: ['Expected close date', 'Erwartetes Abschlussdatum', 'Date de clôture prévue'],
  },
  owner: { key: 'user_id', labels: ['Owner', 'Besitzer', 'Propriétaire'] },
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

/** Reads the Pipedrive deal shown at `url` from the deal view's header and sidebar. */
export function readPipedriveDeal(
  doc: Document,
  url: string,
  now: Date = new Date(),
  options: ReadOptions = {},
): DealReading {
  const match = detectDealPage(url);
  if (match?.crm !== CRM) return { status: 'not-a-deal' };
  if (!DEAL_ID.test(match.rawRecordId))
    return { status: 'invalid-record-id', rawRecordId: match.rawRecordId };
  const { instance, rawRecordId: recordId } = match;
  const dealKey = buildDealKey(CRM, instance, recordId);
  const view = findPipedriveActiveView(doc);
  const title = view ? headerTitle(view) : null;
  if (!view || !title) return { status: 'waiting-for-header', recordId, dealKey, instance };
  const segments = readSegments(options.captureFields, (_id, labels) =>
    readField(view, { key: null, labels }, []),
  );
  const fields = {
    name: firstFound([() => title, ...fieldStrategies(view, FIELDS.name)]),
    stage: readField(view, FIELDS.stage, HEADER_FIELDS.stage),
    amount: readField(view, FIELDS.amount, HEADER_FIELDS.amount),
    closeDate: readField(view, FIELDS.closeDate, []),
    owner: readField(view, FIELDS.owner, HEADER_FIELDS.owner),
  };
  const identity = { crm: CRM, instance, recordId, dealKey, url } as const;
  return {
    status: 'ready',
    snapshot: buildSnapshot(identity, fields, segments, doc.documentElement.lang, now),
  };
}

/** Pipedrive re-renders the deal view in place: the body shows the deal, dialogs (other records) are skipped. */
export function findPipedriveActiveView(doc: Document): Element | null {
  return doc.body;
}

/** The Pipedrive adapter. */
export const pipedriveAdapter: CrmAdapter = {
  crm: CRM,
  matchUrl: (url) => detectDealPage(url)?.crm === CRM,
  read: readPipedriveDeal,
  findActiveView: findPipedriveActiveView,
};

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
