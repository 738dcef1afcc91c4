import { ownValue } from '../../own-value';
import {
  firstFound,
  firstOf,
  found,
  labelMatches,
  normaliseText,
  queryShown,
  textOf,
  type CrmAdapter,
  type Found,
  type Strategy,
} from '../crm-adapter';
import type { FieldReading } from '../deal-snapshot';
import { createCrmAdapter } from '../reading-template';
import { canonicalOpportunityId } from '../salesforce-id';
import { salesforceClassicCrm } from './crm';

const CRM = 'salesforce-classic';
// Classic and Lightning show the same records of the same org: one key, so their scores meet.
const DEAL_KEY_CRM = 'salesforce-lightning';
const DETAIL_SELECTOR = '#ep, .bDetailBlock';
const LABEL_CELL_SELECTOR = 'td.labelCol, th.labelCol';
// A lookup cell holds the record's link and action links such as `[Change]`.
const OWNER_LINK_SELECTOR = 'a[href^="/005"], a[href^="/00G"]';
const ACTION_LINKS = /\[[^\]]*\]/g;

type FieldSpec = { inlineId: string | null; labels: readonly string[] };

// Inline-edit ids are Classic's fixed element ids for the standard fields (`opp7_ileinner` is Amount);
// labels are the declaration's.
const LABELS = salesforceClassicCrm.page.fieldLabels;
const FIELDS = {
  name: { inlineId: 'opp3', labels: LABELS.name },
  stage: { inlineId: 'opp11', labels: LABELS.stage },
  amount: { inlineId: 'opp7', labels: LABELS.amount },
  closeDate: { inlineId: 'opp9', labels: LABELS.closeDate },
  owner: { inlineId: null, labels: LABELS.owner },
} satisfies Record<string, FieldSpec>;
const SEGMENT_INLINE_IDS: Readonly<Record<string, string>> = {
  type: 'opp5',
  lead_source: 'opp6',
  campaign: 'opp17',
};

/** Salesforce Classic opportunity detail pages, read with the shared template. */
export const salesforceClassicAdapter: CrmAdapter = createCrmAdapter<Element>({
  crm: CRM,
  page: salesforceClassicCrm.page,
  canonicalId: canonicalOpportunityId,
  dealKeyCrm: DEAL_KEY_CRM,
  // Classic loads each record as its own page: the page body shows the deal.
  findActiveView: (doc) => doc.body,
  shown: findDetail,
  readFields: (detail, doc) => ({
    name: firstFound([
      () => firstOf(queryShown(doc, '.bPageTitle h2.pageDescription'), 'page-title.description'),
      ...fieldStrategies(detail, FIELDS.name),
      () => documentTitle(doc),
    ]),
    stage: readField(detail, FIELDS.stage),
    amount: readField(detail, FIELDS.amount),
    closeDate: readField(detail, FIELDS.closeDate),
    owner: firstFound([() => ownerLink(detail), ...fieldStrategies(detail, FIELDS.owner)]),
  }),
  readSegment: (detail, id, labels) =>
    readField(detail, { inlineId: ownValue(SEGMENT_INLINE_IDS, id) ?? null, labels }),
});

// The record is shown once its title bar and its detail block are: error pages have neither.
function findDetail(doc: Document): Element | null {
  const title = queryShown(doc, '.bPageTitle').find((element) => textOf(element) !== '');
  if (!title) return null;
  return queryShown(doc, DETAIL_SELECTOR)[0] ?? null;
}

function readField(detail: Element, spec: FieldSpec): FieldReading {
  return firstFound(fieldStrategies(detail, spec));
}

function fieldStrategies(detail: Element, spec: FieldSpec): Strategy[] {
  const { inlineId } = spec;
  return [
    () =>
      inlineId ? firstOf(queryShown(detail, `[id="${inlineId}_ileinner"]`), `inline-edit.${inlineId}`) : null,
    () => labelledCell(detail, spec),
  ];
}

function labelledCell(detail: Element, spec: FieldSpec): Found | null {
  for (const label of queryShown(detail, LABEL_CELL_SELECTOR)) {
    const labelText = textOf(label);
    if (!labelMatches(labelText, spec.labels)) continue;
    const cell = label.nextElementSibling;
    if (!cell?.classList.contains('dataCol')) continue;
    const result = found(textOf(cell).replace(ACTION_LINKS, ''), `detail.label:${labelText}`);
    if (result) return result;
  }
  return null;
}

function ownerLink(detail: Element): Found | null {
  for (const label of queryShown(detail, LABEL_CELL_SELECTOR)) {
    const labelText = textOf(label);
    if (!labelMatches(labelText, FIELDS.owner.labels)) continue;
    const link = label.nextElementSibling?.querySelector(OWNER_LINK_SELECTOR);
    const result = link ? found(textOf(link), `detail.owner-link:${labelText}`) : null;
    if (result) return result;
  }
  return null;
}

function documentTitle(doc: Document): Found | null {
  const name = salesforceClassicCrm.page.documentTitle.exec(normaliseText(doc.title))?.[1];
  return found(name, 'document.title');
}
