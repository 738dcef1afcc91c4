import { ownValue } from '../own-value';
import type { CrmId, DealSnapshot, FieldReading } from './deal-snapshot';
import { parseDisplayedDate } from './parse-date';
import { parseMoney } from './parse-money';

/** What an adapter can say about a page: the same union as the Lightning adapter's reading. */
export type DealReading =
  | { status: 'not-a-deal' }
  | { status: 'invalid-record-id'; rawRecordId: string }
  | { status: 'waiting-for-header'; recordId: string; dealKey: string; instance: string }
  | { status: 'ready'; snapshot: DealSnapshot };

/** What a reading needs beyond the page. */
export interface ReadOptions {
  /** The definitions' `captureFields`; each is read into the snapshot's `segments`. */
  captureFields?: readonly string[];
}

/** One CRM's deal pages: which URLs are deals, how to read them, and where the deal is shown. */
export interface CrmAdapter {
  readonly crm: CrmId;
  /** True when `url` is one of this CRM's deal pages, even when its record id turns out invalid. */
  matchUrl(url: string): boolean;
  /** Reads the deal `url` names from the page; never guesses a field it cannot find. */
  read(doc: Document, url: string, now?: Date, options?: ReadOptions): DealReading;
  /** The deal key `url` names, from the URL alone (the background scopes requests with it); null when none. */
  dealKeyOf(url: string): string | null;
  /** The element that shows the deal now; the watcher observes it and tells views apart by it. */
  findActiveView(doc: Document): Element | null;
  /** See DealPageSteps.recordRegions; every change in the view may matter without it. */
  readonly recordRegions?: readonly string[];
}

/** The five fields every snapshot has, as read from the page. */
export type CoreFields = Pick<DealSnapshot, 'name' | 'stage' | 'owner'> & {
  amount: FieldReading;
  closeDate: FieldReading;
};

/** Text one strategy found, and that strategy's name. */
export type Found = { text: string; strategy: string };
/** One way to read a field; null when it found nothing. */
export type Strategy = () => Found | null;

const MAX_TEXT = 2000;
const MAX_URL = 4000;
const MAX_SEGMENTS = 50;
const UNKNOWN: FieldReading = { text: null, strategy: null };
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'BUTTON', 'NOSCRIPT', 'SVG']);
const ASSISTIVE_CLASSES = [
  'slds-assistive-text',
  'assistiveText',
  'sr-only',
  'private-sr-only',
  'visually-hidden',
];
// CRMs print a dash, not nothing, for an empty field: HubSpot `--`, Dynamics `---`, Pipedrive `—`.
const EMPTY_PLACEHOLDER = /^[-‐‑‒–—―]+$/;
// Lead source, campaign, product line and type under the labels CRMs give them (English, German, French).
const SEGMENT_LABELS: Readonly<Record<string, readonly string[]>> = {
  lead_source: ['Lead Source', 'Lead-Quelle', 'Leadquelle', 'Origine de la piste', 'Source du lead'],
  campaign: [
    'Campaign',
    'Primary Campaign Source',
    'Source Campaign',
    'Campaign Source',
    'Kampagne',
    'Hauptkampagnenquelle',
    'Quellkampagne',
    'Campagne',
  ],
  product_line: ['Product Line', 'Produktlinie', 'Gamme de produits', 'Ligne de produits'],
  type: ['Type', 'Opportunity Type', 'Deal Type', 'Typ', 'Opportunity-Typ', 'Deal-Typ'],
};

/** Runs strategies in order and reports the first that found text, or unknown. */
export function firstFound(strategies: readonly Strategy[]): FieldReading {
  for (const strategy of strategies) {
    const result = strategy();
    if (result) return { text: result.text, strategy: result.strategy };
  }
  return UNKNOWN;
}

/** A strategy's result for `text`, or null when it is empty, a dash placeholder or implausibly long. */
export function found(text: string | null | undefined, strategy: string): Found | null {
  const normalised = text === null || text === undefined ? '' : normaliseText(text);
  if (normalised === '' || normalised.length > MAX_TEXT || EMPTY_PLACEHOLDER.test(normalised)) return null;
  return { text: normalised, strategy };
}

/** Tries `strategy` on each element in turn: the first that yields text wins. */
export function firstOf(elements: Iterable<Element>, strategy: string, read = textOf): Found | null {
  for (const element of elements) {
    const result = found(read(element), strategy);
    if (result) return result;
  }
  return null;
}

/** Collapses layout whitespace; keeps no-break spaces, which are part of formatted amounts. */
export function normaliseText(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/** True when a displayed label is one of `labels`, ignoring case, a trailing colon or required marker. */
export function labelMatches(label: string, labels: readonly string[]): boolean {
  const wanted = comparableLabel(label);
  return wanted !== '' && labels.some((candidate) => comparableLabel(candidate) === wanted);
}

function comparableLabel(label: string): string {
  return normaliseText(label)
    .replace(/[’‘]/g, "'")
    .replace(/\s*[:*]+$/, '')
    .toLowerCase();
}

/**
 * Rendered-ish text of an element: shadow content and slotted nodes included; scripts, buttons,
 * assistive text and `skip` (a label inside the element, say) left out.
 */
export function textOf(element: Element, skip?: Element): string {
  return normaliseText(composedText(element, true, skip, null));
}

/**
 * `textOf(element)` when it is at most `maxLength` long, else null; the walk stops as soon as the text
 * is sure to be longer, so that sizing up every block of a page as a possible label stays cheap.
 */
export function textOfAtMost(element: Element, maxLength: number): string | null {
  const budget: TextBudget = { left: maxLength };
  const text = composedText(element, true, undefined, budget);
  if (budget.left < 0) return null;
  const normalised = normaliseText(text);
  return normalised.length > maxLength ? null : normalised;
}

/** A form control's value (input, textarea, select) or, for any other element, its text. */
export function controlValue(element: Element): string {
  const tag = element.tagName.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA') {
    // The live value, which follows the `value` attribute until the rep edits the field.
    return normaliseText((element as HTMLInputElement).value);
  }
  if (tag === 'SELECT') {
    const select = element as HTMLSelectElement;
    const option = select.selectedOptions[0] ?? select.querySelector('option[selected]');
    return option ? textOf(option) : '';
  }
  return textOf(element);
}

// Counts the characters that normalising keeps for sure (all but whitespace): once it runs out, the
// normalised text is longer than the budget was.
type TextBudget = { left: number };

function composedText(
  node: Node,
  isRoot: boolean,
  skip: Element | undefined,
  budget: TextBudget | null,
): string {
  if (node.nodeType === 3) {
    const data = (node as Text).data;
    if (budget) budget.left -= countKept(data);
    return data;
  }
  if (node.nodeType === 1) {
    const element = node as Element;
    if (!isRoot && (element === skip || isSkipped(element))) return '';
    if (element.shadowRoot) return childrenText(element.shadowRoot, skip, budget);
    const assigned = element.tagName === 'SLOT' ? (element as HTMLSlotElement).assignedNodes() : [];
    if (assigned.length > 0) return joinText(assigned, skip, budget);
  }
  return childrenText(node, skip, budget);
}

function childrenText(node: Node, skip: Element | undefined, budget: TextBudget | null): string {
  return joinText(node.childNodes, skip, budget);
}

function joinText(nodes: ArrayLike<Node>, skip: Element | undefined, budget: TextBudget | null): string {
  let text = '';
  for (let index = 0; index < nodes.length; index++) {
    const child = nodes[index];
    if (budget && budget.left < 0) break;
    if (child) text += composedText(child, false, skip, budget);
  }
  return text;
}

function countKept(data: string): number {
  let kept = 0;
  for (let index = 0; index < data.length; index++) {
    const code = data.charCodeAt(index);
    // The characters normaliseText collapses: space, tab, line feed, carriage return, form feed.
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) kept++;
  }
  return kept;
}

function isSkipped(element: Element): boolean {
  return (
    SKIPPED_TAGS.has(element.tagName.toUpperCase()) ||
    element.hasAttribute('hidden') ||
    ASSISTIVE_CLASSES.some((name) => element.classList.contains(name))
  );
}

/** `selector` matches below `root`, or none when the selector is invalid (custom selectors can be). */
export function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** `selector`'s matches below each of `roots` (a view and its shadow roots, say), in order. */
export function queryAllIn(roots: readonly ParentNode[], selector: string): Element[] {
  return roots.flatMap((root) => queryAll(root, selector));
}

/** The matches of `selector` below `root` that are shown and not inside a dialog (previews of other records). */
export function queryShown(root: ParentNode, selector: string): Element[] {
  return queryAll(root, selector).filter((element) => isShown(element) && !inDialog(element));
}

/** False when markup hides the element or one of its ancestors; in a real browser, also when it renders no box. */
export function isShown(element: Element): boolean {
  for (let node: Element | null = element; node; node = parentOrHost(node)) {
    if (node.hasAttribute('hidden')) return false;
    if (/display:\s*none|visibility:\s*hidden/i.test(node.getAttribute('style') ?? '')) return false;
  }
  return rendersBox(element);
}

/**
 * Whether the element renders a box (no `display: none` on it or an ancestor, whatever set it); true
 * for a document without a window, which has no style. `checkVisibility` brings the page's style up to
 * date but not its layout, which `getClientRects` would force in the middle of the CRM's rendering.
 */
export function rendersBox(element: Element): boolean {
  if (element.ownerDocument.defaultView === null || !element.isConnected) return true;
  return typeof element.checkVisibility === 'function'
    ? element.checkVisibility()
    : element.getClientRects().length > 0;
}

/** True when the element is inside a dialog (a preview of another record, say). */
export function inDialog(element: Element): boolean {
  for (let node: Element | null = element; node; node = parentOrHost(node)) {
    if (node.getAttribute('role') === 'dialog' || node.getAttribute('aria-modal') === 'true') return true;
  }
  return false;
}

/** `root` and every open shadow root below it, so that queries reach inside web components. */
export function collectRoots(root: ParentNode): ParentNode[] {
  const roots: ParentNode[] = [root];
  if ('shadowRoot' in root && root.shadowRoot) roots.push(root.shadowRoot as ShadowRoot);
  for (let index = 0; index < roots.length; index++) {
    const current = roots[index];
    if (!current) continue;
    for (const element of Array.from(current.querySelectorAll('*'))) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  return roots;
}

/** The parent element, or the host when `node` is at the top of a shadow root. */
export function parentOrHost(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root !== node && 'host' in root ? (root as ShadowRoot).host : null;
}

/** The only shown element among `elements`; null when none is, or when several are and picking one would be a guess. */
export function onlyShown(elements: readonly Element[]): Element | null {
  const shown = elements.filter((element) => isShown(element));
  return shown.length === 1 ? (shown[0] ?? null) : null;
}

/** Labels a captureFields id is shown under: the known ones, then the id in words (`deal_region` → "Deal region"). */
export function segmentLabels(fieldId: string): readonly string[] {
  const words = fieldId.replace(/[_-]+/g, ' ').trim();
  const inWords = words.charAt(0).toUpperCase() + words.slice(1);
  return [...(ownValue(SEGMENT_LABELS, fieldId) ?? []), inWords];
}

/** Reads each captureFields id with `read` into `segments`; undefined when none were asked for. */
export function readSegments(
  captureFields: readonly string[] | undefined,
  read: (fieldId: string, labels: readonly string[]) => FieldReading,
): Record<string, FieldReading> | undefined {
  // Without captureFields there is no `segments` key, so snapshots read without them stay as they were.
  const ids = Array.from(new Set(captureFields ?? [])).slice(0, MAX_SEGMENTS);
  if (ids.length === 0) return undefined;
  return Object.fromEntries(ids.map((id) => [id, read(id, segmentLabels(id))]));
}

/** Every captureFields id as unknown, for a snapshot keyed from the URL alone. */
export function unknownSegments(
  captureFields: readonly string[] | undefined,
): Record<string, FieldReading> | undefined {
  return readSegments(captureFields, () => UNKNOWN);
}

/** Identity of a deal page: which CRM, org and record, and where it was read. */
export type SnapshotIdentity = Pick<DealSnapshot, 'crm' | 'instance' | 'recordId' | 'dealKey' | 'url'>;

/** Builds the snapshot from the fields read, parsing amount and close date (numeric dates in `localeHint`'s order). */
export function buildSnapshot(
  identity: SnapshotIdentity,
  fields: CoreFields,
  segments: Record<string, FieldReading> | undefined,
  localeHint: string | undefined,
  now: Date,
): DealSnapshot {
  const money =
    fields.amount.text === null ? { value: null, currency: null } : parseMoney(fields.amount.text);
  const iso =
    fields.closeDate.text === null
      ? null
      : parseDisplayedDate(fields.closeDate.text, localeHint || undefined);
  return {
    ...identity,
    url: boundedUrl(identity.url),
    name: fields.name,
    stage: fields.stage,
    amount: { ...fields.amount, ...money },
    closeDate: { ...fields.closeDate, iso },
    owner: fields.owner,
    ...(segments ? { segments } : {}),
    readAt: now.toISOString(),
  };
}

/** A snapshot with every field unknown, keyed from the URL alone (the header never rendered). */
export function unknownFieldsSnapshot(
  identity: SnapshotIdentity,
  captureFields: readonly string[] | undefined,
  now: Date,
): DealSnapshot {
  const fields = { name: UNKNOWN, stage: UNKNOWN, amount: UNKNOWN, closeDate: UNKNOWN, owner: UNKNOWN };
  return buildSnapshot(identity, fields, unknownSegments(captureFields), undefined, now);
}

function boundedUrl(url: string): string {
  if (url.length <= MAX_URL) return url;
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}${parsed.hash}`.slice(0, MAX_URL);
}
