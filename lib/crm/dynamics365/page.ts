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
import { dynamics365Crm } from './crm';

const CRM = 'dynamics365';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
const FORM_ROOT = '[data-id="editFormRoot"]';
const HEADER_TITLE = '[data-id="header_title"]';
const BPF = '[data-id^="MscrmControls.Containers.ProcessBreadcrumbControl"]';
const CONTROLS = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
// The title bar appends the save state: `Globex Renewal - Saved`, `… - Unsaved`, and their translations.
const SAVE_STATE = /\s*-\s*(?:Saved|Unsaved|Gespeichert|Nicht gespeichert|Enregistré|Non enregistré)$/i;

type FieldSpec = { logicalName: string | null; labels: readonly string[] };

// Logical names are the opportunity table's columns in every org; labels are the declaration's, the
// stage's split between the two columns that may show it.
const LABELS = dynamics365Crm.page.fieldLabels;
const FIELDS = {
  name: { logicalName: 'name', labels: LABELS.name },
  stepName: { logicalName: 'stepname', labels: ['Pipeline Phase', 'Pipelinephase', 'Phase du pipeline'] },
  salesStage: { logicalName: 'salesstage', labels: ['Sales Stage', 'Verkaufsphase', 'Étape de vente'] },
  amount: { logicalName: 'estimatedvalue', labels: LABELS.amount },
  closeDate: { logicalName: 'estimatedclosedate', labels: LABELS.closeDate },
  owner: { logicalName: 'ownerid', labels: LABELS.owner },
} satisfies Record<string, FieldSpec>;
const SEGMENT_LOGICAL_NAMES: Readonly<Record<string, string>> = { campaign: 'campaignid' };

/** Returns a Dynamics record id as a lower-case GUID without braces, or null when it is not a usable GUID. */
export function toCanonicalDynamicsId(raw: string): string | null {
  let text = raw.trim();
  if (text.includes('%')) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  const guid = text.replace(/^\{(.*)\}$/, '$1').toLowerCase();
  return GUID.test(guid) && guid !== NIL_GUID ? guid : null;
}

/** Dynamics 365 opportunities, read from their model-driven form with the shared template. */
export const dynamics365Adapter: CrmAdapter = createCrmAdapter<Element>({
  crm: CRM,
  page: dynamics365Crm.page,
  canonicalId: toCanonicalDynamicsId,
  findActiveView: findDynamicsActiveView,
  shown: (doc) => {
    const view = findDynamicsActiveView(doc);
    return view && headerTitle(view) !== null ? view : null;
  },
  readFields: (view) => ({
    name: firstFound([() => headerTitle(view), ...fieldStrategies(view, FIELDS.name)]),
    stage: firstFound([
      ...fieldStrategies(view, FIELDS.stepName),
      ...fieldStrategies(view, FIELDS.salesStage),
      () => selectedProcessStage(view),
    ]),
    amount: readField(view, FIELDS.amount),
    closeDate: readField(view, FIELDS.closeDate),
    owner: readField(view, FIELDS.owner),
  }),
  readSegment: (view, id, labels) =>
    readField(view, { logicalName: ownValue(SEGMENT_LOGICAL_NAMES, id) ?? null, labels }),
});

// The form shown now; null when several are shown and none can be told to be in front.
function findDynamicsActiveView(doc: Document): Element | null {
  // Multi-session apps keep the other sessions' forms in the DOM, hidden.
  if (queryAll(doc, FORM_ROOT).length === 0) return doc.body;
  const shown = queryShown(doc, FORM_ROOT);
  return shown.length === 1 ? (shown[0] ?? null) : null;
}

function headerTitle(view: Element): Found | null {
  for (const title of queryShown(view, HEADER_TITLE)) {
    const text = title.getAttribute('title') || textOf(title);
    const result = found(text.replace(SAVE_STATE, ''), 'header.title');
    if (result) return result;
  }
  return null;
}

function readField(view: Element, spec: FieldSpec): FieldReading {
  return firstFound(fieldStrategies(view, spec));
}

function fieldStrategies(view: Element, spec: FieldSpec): Strategy[] {
  const { logicalName } = spec;
  return [
    () => (logicalName ? headerField(view, logicalName) : null),
    () =>
      logicalName
        ? formControl(queryShown(view, `[data-id^="${logicalName}.fieldControl"]`), `field.${logicalName}`)
        : null,
    () => labelledSection(view, spec),
  ];
}

// Header tiles hold the field's control, or in read-only headers just the value followed by the label.
function headerField(view: Element, logicalName: string): Found | null {
  const control = formControl(
    queryShown(view, `[data-id^="header_${logicalName}.fieldControl"]`),
    `header.${logicalName}`,
  );
  if (control) return control;
  const tiles = queryShown(view, `[data-id="header_${logicalName}"]`);
  return firstOf(tiles, `header.${logicalName}`, (tile) =>
    tile.firstElementChild ? textOf(tile.firstElementChild) : '',
  );
}

function labelledSection(view: Element, spec: FieldSpec): Found | null {
  for (const section of queryShown(view, '[data-id$="-FieldSectionItemContainer"]')) {
    const label = section.querySelector('label');
    const labelText = label ? textOf(label) : '';
    if (!labelMatches(labelText, spec.labels)) continue;
    const result = formControl(queryAll(section, '[data-id*=".fieldControl"]'), `section.label:${labelText}`);
    if (result) return result;
  }
  return null;
}

// A lookup's selected record text first, then a real form control, then whatever the control renders.
function formControl(elements: Element[], strategy: string): Found | null {
  const ranked = [
    ...elements.filter((element) => element.getAttribute('data-id')?.endsWith('_selected_tag_text')),
    ...elements.filter((element) => CONTROLS.has(element.tagName.toUpperCase())),
    ...elements,
  ];
  return firstOf(ranked, strategy, controlValue);
}

// The business process flow's selected stage: the rep may be viewing another stage than the active one,
// so this is only the last resort.
function selectedProcessStage(view: Element): Found | null {
  const stages = queryShown(view, BPF).flatMap((bpf) => queryAll(bpf, '[aria-selected="true"]'));
  return firstOf(stages, 'bpf.selected-stage', (stage) => {
    const name = stage.querySelector('[data-id$="stageName"]');
    return name ? textOf(name) : (stage.getAttribute('title') ?? textOf(stage));
  });
}
