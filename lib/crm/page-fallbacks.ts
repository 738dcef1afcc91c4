import {
  collectRoots,
  controlValue,
  found,
  inDialog,
  isShown,
  labelMatches,
  normaliseText,
  parentOrHost,
  queryAllIn,
  textOf,
  textOfAtMost,
  type CoreFields,
  type Found,
} from './crm-adapter';
import type { CoreFieldName, CrmPageWording } from './crm-declaration';
import type { FieldReading } from './deal-snapshot';

/** The strategy name of a name read from the view's main heading. */
export const FROM_PAGE_HEADING = 'from the page heading';
/** The strategy name of a name read from the document title, which no view scopes. */
export const FROM_PAGE_TITLE = 'from the page title';

/** The attribute of the sidebar dock's host (a plain div holding the sidebar's frame): the fallbacks never read it. */
export const SIDEBAR_DOCK_ATTRIBUTE = 'data-yardstick-dock';
/** The attribute of the host of the dock's skip link, at the page's start: the fallbacks never read it either. */
export const SIDEBAR_SKIP_LINK_ATTRIBUTE = 'data-yardstick-skip-link';

const HEADINGS = 'h1, [role="heading"][aria-level="1"]';
const LABEL_ELEMENTS = 'label, dt, th, span, p, div';
const CONTROLS = 'input, textarea, select';
const MAX_LABEL_TEXT = 60;
const CORE_FIELDS: readonly CoreFieldName[] = ['name', 'stage', 'amount', 'closeDate', 'owner'];

/**
 * The view's main heading: its only shown level-1 heading outside dialogs; null when there is none,
 * or several and picking one would be a guess.
 */
export function mainHeading(view: Element): Found | null {
  const headings = queryAllIn(pageRoots(view), HEADINGS).filter(
    (heading) => isShown(heading) && !inDialog(heading) && !isInSidebar(heading) && textOf(heading) !== '',
  );
  return headings.length === 1 && headings[0] ? found(textOf(headings[0]), FROM_PAGE_HEADING) : null;
}

/** The deal's name as the document title gives it under the CRM's title pattern; null when it does not match. */
export function nameFromTitle(doc: Document, page: CrmPageWording): Found | null {
  return found(page.documentTitle.exec(normaliseText(doc.title))?.[1], FROM_PAGE_TITLE);
}

/** An element of the view whose text is short enough to be a field's label, with that text. */
export interface LabelCandidate {
  element: Element;
  text: string;
}

/**
 * The view's possible field labels in document order. A reading measures them once and looks every
 * field up in them: each measure walks the element's composed text.
 */
export function labelCandidates(view: Element): LabelCandidate[] {
  const candidates: LabelCandidate[] = [];
  for (const element of queryAllIn(pageRoots(view), LABEL_ELEMENTS)) {
    const text = textOfAtMost(element, MAX_LABEL_TEXT);
    if (text !== null && text !== '') candidates.push({ element, text });
  }
  return candidates;
}

/**
 * A field's value found by its label's text anywhere in the view: `<label for>` and its control,
 * `<dt>`/`<dd>`, `<th>`/`<td>`, or a label element and the element after it. `candidates` gives the
 * view's label candidates when the caller shares them between fields.
 */
export function valueByLabel(
  view: Element,
  labels: readonly string[],
  candidates: () => readonly LabelCandidate[] = () => labelCandidates(view),
): Found | null {
  for (const { element: label, text: labelText } of candidates()) {
    if (!labelMatches(labelText, labels)) continue;
    if (!isInnermostLabel(label, labelText) || !isShown(label) || inDialog(label) || isInSidebar(label))
      continue;
    const value = labelledValue(label);
    const result = value
      ? found(value, `from the field labelled “${labelText.replace(/\s*[:*]+$/, '')}”`)
      : null;
    if (result) return result;
  }
  return null;
}

/**
 * `fields` with each unknown field filled by the shared fallbacks: the name from the view's main
 * heading, then the document title, then its label; the others by their labels.
 */
export function withFallbacks(
  fields: CoreFields | null,
  view: Element,
  doc: Document,
  page: CrmPageWording,
  candidates: () => readonly LabelCandidate[] = () => labelCandidates(view),
): CoreFields {
  const read = (field: CoreFieldName): FieldReading => {
    const own = fields?.[field];
    if (own && own.text !== null) return own;
    const fallback =
      (field === 'name' ? (mainHeading(view) ?? nameFromTitle(doc, page)) : null) ??
      valueByLabel(view, page.fieldLabels[field], candidates);
    return fallback ? { text: fallback.text, strategy: fallback.strategy } : { text: null, strategy: null };
  };
  return Object.fromEntries(CORE_FIELDS.map((field) => [field, read(field)])) as CoreFields;
}

function labelledValue(label: Element): string | null {
  const target = label.getAttribute('for');
  if (label.localName === 'label' && target) {
    const control = label.ownerDocument.getElementById(target);
    return control ? controlValue(control) : null;
  }
  const next = label.nextElementSibling;
  if (!next) return null;
  if (label.localName === 'dt' && next.localName !== 'dd') return null;
  // Only a pair, label then value, alone in their parent: a longer run may hold another field next.
  if (label.localName !== 'dt' && label.parentElement?.childElementCount !== 2) return null;
  const control = next.matches(CONTROLS) ? next : next.querySelector(CONTROLS);
  return control ? controlValue(control) : textOf(next);
}

// The element that is the label itself, not a wrapper around it (or around a field's control, too).
function isInnermostLabel(label: Element, labelText: string): boolean {
  if (label.querySelector(CONTROLS)) return false;
  return Array.from(label.children).every((child) => textOf(child) !== labelText);
}

// The view and the shadow roots below it, except the sidebar dock's and skip link's own (open in the e2e
// build), whose text would otherwise read as the page's.
function pageRoots(view: Element): ParentNode[] {
  return collectRoots(view).filter((root) => !('host' in root) || !isInSidebar(root.host as Element));
}

function isInSidebar(element: Element): boolean {
  for (let node: Element | null = element; node; node = parentOrHost(node)) {
    if (node.hasAttribute(SIDEBAR_DOCK_ATTRIBUTE) || node.hasAttribute(SIDEBAR_SKIP_LINK_ATTRIBUTE))
      return true;
  }
  return false;
}
