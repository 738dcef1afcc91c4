import { rendersBox } from '../crm-adapter';
import { buildDealKey } from '../deal-key';
import type { DealSnapshot, FieldReading } from '../deal-snapshot';
import { detectDealPage } from '../deal-page-url';
import { parseDisplayedDate } from '../parse-date';
import { parseMoney } from '../parse-money';
import { isOpportunityId, toCanonicalSalesforceId } from '../salesforce-id';

/** What the Lightning adapter can say about a page. */
export type LightningReading =
  | { status: 'not-a-deal' }
  | { status: 'invalid-record-id'; rawRecordId: string }
  | { status: 'waiting-for-header'; recordId: string; dealKey: string; instance: string }
  | { status: 'ready'; snapshot: DealSnapshot };

const CRM = 'salesforce-lightning';
const MAX_TEXT = 2000;
const MAX_URL = 4000;
const MAX_LABEL_DEPTH = 4;
const HEADER_SELECTOR = 'records-highlights2, force-highlights2';
const HIGHLIGHTS_ITEM_SELECTOR = 'records-highlights-details-item, force-highlights-details-item';
const PATH_SELECTOR = 'ul[aria-label="Path Options"], ul.slds-path__nav';
const DYNAMIC_FORMS_TAGS = ['record_flexipage-record-field', 'flexipage-field'];
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'BUTTON']);

type FieldSpec = { api: string; labels: readonly string[] };

// Labels are the English defaults plus German and French, for highlights items, which carry no API name.
const FIELDS = {
  name: { api: 'Name', labels: ['Opportunity Name', 'Opportunity-Name', "Nom de l'opportunité"] },
  stage: { api: 'StageName', labels: ['Stage', 'Phase', 'Étape'] },
  amount: { api: 'Amount', labels: ['Amount', 'Betrag', 'Montant'] },
  closeDate: { api: 'CloseDate', labels: ['Close Date', 'Schlusstermin', 'Date de clôture'] },
  owner: {
    api: 'OwnerId',
    labels: ['Opportunity Owner', 'Owner', 'Opportunity-Inhaber', "Propriétaire de l'opportunité"],
  },
} satisfies Record<string, FieldSpec>;

type Found = { text: string; strategy: string };
type Strategy = () => Found | null;

type ReadContext = { doc: Document; viewRoots: ParentNode[]; headerRoots: ParentNode[] };

/** Returns the record view Lightning shows now, never a hidden cached one; null when there is none. */
export function findActiveRecordView(doc: Document): Element | null {
  const views = Array.from(doc.querySelectorAll('div[class*="windowViewMode-"]')).filter(isViewContainer);
  const active = views.find((view) => view.classList.contains('active') && isShown(view, false));
  if (active) return active;
  const visible = views.filter((view) => isShown(view, true));
  // Several visible views and no active one: reading any of them would be a guess.
  return visible.length === 1 ? (visible[0] ?? null) : null;
}

/** Reads the opportunity shown at `url` from the active Lightning record view. */
export function readLightningOpportunity(
  doc: Document,
  url: string,
  now: Date = new Date(),
): LightningReading {
  const match = detectDealPage(url);
  if (!match) return { status: 'not-a-deal' };
  const recordId = toCanonicalSalesforceId(match.rawRecordId);
  if (!recordId || !isOpportunityId(recordId)) {
    return { status: 'invalid-record-id', rawRecordId: match.rawRecordId };
  }
  const instance = new URL(url).hostname.split('.')[0] ?? '';
  const dealKey = buildDealKey(CRM, instance, recordId);
  const context = readContext(doc);
  if (!context) return { status: 'waiting-for-header', recordId, dealKey, instance };
  const snapshot: DealSnapshot = {
    crm: CRM,
    instance,
    recordId,
    dealKey,
    url: url.length <= MAX_URL ? url : urlWithoutQuery(url),
    ...readFields(context, doc.documentElement.lang),
    readAt: now.toISOString(),
  };
  return { status: 'ready', snapshot };
}

function readContext(doc: Document): ReadContext | null {
  const view = findActiveRecordView(doc);
  if (!view) return null;
  const viewRoots = collectRoots(view);
  const header = queryAll(viewRoots, HEADER_SELECTOR).find((element) => textOf(element) !== '');
  // Lightning renders the view before its header: without a header the record is not shown yet.
  if (!header) return null;
  return { doc, viewRoots, headerRoots: collectRoots(header) };
}

function readFields(
  context: ReadContext,
  lang: string,
): Pick<DealSnapshot, 'name' | 'stage' | 'amount' | 'closeDate' | 'owner'> {
  const amount = readField(context, FIELDS.amount);
  const money = amount.text === null ? { value: null, currency: null } : parseMoney(amount.text);
  const closeDate = readField(context, FIELDS.closeDate);
  const iso = closeDate.text === null ? null : parseDisplayedDate(closeDate.text, lang || undefined);
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
    amount: { ...amount, ...money },
    closeDate: { ...closeDate, iso },
    owner: readField(context, FIELDS.owner),
  };
}

function readField(context: ReadContext, spec: FieldSpec): FieldReading {
  return firstFound([() => highlightsItem(context, spec), ...fieldStrategies(context, spec)]);
}

function fieldStrategies(context: ReadContext, spec: FieldSpec): Strategy[] {
  return [
    () => detailsByApiName(context, spec),
    () => labelledField(context, spec, ['records-record-layout-item'], 'details.label'),
    () => dynamicFormsField(context, spec),
    () => labelledField(context, spec, DYNAMIC_FORMS_TAGS, 'dynamic-forms.label'),
    () => valueNextToLabel(context, spec),
  ];
}

function firstFound(strategies: Strategy[]): FieldReading {
  for (const strategy of strategies) {
    const result = strategy();
    if (result) return { text: result.text, strategy: result.strategy };
  }
  return { text: null, strategy: null };
}

function found(text: string | null, strategy: string): Found | null {
  return text && text.length <= MAX_TEXT ? { text, strategy } : null;
}

// --- strategies -------------------------------------------------------------------------------

function primaryField(context: ReadContext): Found | null {
  for (const slot of queryAll(context.headerRoots, 'slot[name="primaryField"]')) {
    const roots = collectRoots(slot);
    const formatted = queryAll(roots, 'lightning-formatted-text')[0] ?? slot;
    const result = found(textOf(formatted), 'highlights.primaryField');
    if (result) return result;
  }
  return null;
}

function pageHeaderTitle(context: ReadContext): Found | null {
  for (const heading of queryAll(context.viewRoots, 'h1')) {
    const title = heading.classList.contains('slds-page-header__title')
      ? heading
      : queryAll(collectRoots(heading), '.slds-page-header__title')[0];
    const result = title ? found(textOf(title), 'page-header.title') : null;
    if (result) return result;
  }
  return null;
}

function documentTitle(doc: Document): Found | null {
  const name = /^(.+) \| Opportunity \| Salesforce$/.exec(normaliseText(doc.title))?.[1];
  return name ? found(name, 'document.title') : null;
}

function highlightsItem(context: ReadContext, spec: FieldSpec): Found | null {
  for (const item of queryAll(context.headerRoots, HIGHLIGHTS_ITEM_SELECTOR)) {
    const label = queryAll(collectRoots(item), 'p.slds-text-title')[0];
    const labelText = label ? (label.getAttribute('title') ?? textOf(label)) : '';
    if (!label || !matchesLabel(labelText, spec)) continue;
    const result = found(textOf(item, label), `highlights.item:${normaliseText(labelText)}`);
    if (result) return result;
  }
  return null;
}

function detailsByApiName(context: ReadContext, spec: FieldSpec): Found | null {
  const selector = `[data-target-selection-name="sfdc:RecordField.Opportunity.${spec.api}"]`;
  return firstValue(queryAll(context.viewRoots, selector), `details.${spec.api}`);
}

function dynamicFormsField(context: ReadContext, spec: FieldSpec): Found | null {
  const selector = `[data-field-id="Record${spec.api}Field"], [data-field-id="${spec.api}"]`;
  return firstValue(queryAll(context.viewRoots, selector), `dynamic-forms.${spec.api}`);
}

function labelledField(
  context: ReadContext,
  spec: FieldSpec,
  tags: readonly string[],
  prefix: string,
): Found | null {
  for (const container of queryByTags(context.viewRoots, tags)) {
    const label = container.getAttribute('field-label') ?? fieldLabelText(container);
    if (label === null || !matchesLabel(label, spec)) continue;
    const result = found(fieldValueText(container), `${prefix}:${normaliseText(label)}`);
    if (result) return result;
  }
  return null;
}

// Older Aura layouts: a `.test-id__field-label` whose nearby ancestor also holds the value.
function valueNextToLabel(context: ReadContext, spec: FieldSpec): Found | null {
  for (const label of queryAll(context.viewRoots, '.test-id__field-label')) {
    const labelText = textOf(label);
    if (!matchesLabel(labelText, spec)) continue;
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
  for (const path of queryAll(context.viewRoots, PATH_SELECTOR)) {
    for (const item of queryAll(collectRoots(path), itemSelector)) {
      const title = queryAll(collectRoots(item), '.slds-path__title')[0];
      const result = found(textOf(title ?? item), `path.${which}`);
      if (result) return result;
    }
  }
  return null;
}

function firstValue(containers: Element[], strategy: string): Found | null {
  for (const container of containers) {
    const result = found(fieldValueText(container), strategy);
    if (result) return result;
  }
  return null;
}

function fieldLabelText(container: Element): string | null {
  const label = queryAll(collectRoots(container), '.test-id__field-label')[0];
  return label ? textOf(label) : null;
}

function fieldValueText(container: Element): string | null {
  const roots = collectRoots(container);
  const value =
    queryAll(roots, '.test-id__field-value')[0] ?? queryAll(roots, '.slds-form-element__static')[0];
  return value ? textOf(value) : null;
}

function matchesLabel(label: string, spec: FieldSpec): boolean {
  const wanted = comparableLabel(label);
  return spec.labels.some((candidate) => comparableLabel(candidate) === wanted);
}

function comparableLabel(label: string): string {
  return normaliseText(label).replace(/[’‘]/g, "'").toLowerCase();
}

// --- DOM helpers -------------------------------------------------------------------------------

function isViewContainer(element: Element): boolean {
  return Array.from(element.classList).some((name) => name.startsWith('windowViewMode-'));
}

// Markup checks first: test DOMs have no layout. Lightning marks a modal's background
// `aria-hidden`, so the active view is judged without it.
function isShown(element: Element, ariaHiddenHides: boolean): boolean {
  for (let node: Element | null = element; node; node = parentOrHost(node)) {
    if (node.hasAttribute('hidden')) return false;
    if (ariaHiddenHides && node.getAttribute('aria-hidden') === 'true') return false;
    if (/display:\s*none|visibility:\s*hidden/i.test(node.getAttribute('style') ?? '')) return false;
    if (node.classList.contains('oneConsoleTab') && !node.classList.contains('active')) return false;
  }
  return rendersBox(element);
}

function parentOrHost(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root !== node && 'host' in root ? (root as ShadowRoot).host : null;
}

/** The element (or fragment) and every open shadow root below it, so queries reach inside components. */
function collectRoots(root: ParentNode): ParentNode[] {
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

function queryAll(roots: ParentNode[], selector: string): Element[] {
  return roots.flatMap((root) => Array.from(root.querySelectorAll(selector)));
}

// happy-dom rejects tag selectors with `_` (valid CSS, used by Lightning), so match local names instead.
function queryByTags(roots: ParentNode[], tags: readonly string[]): Element[] {
  return queryAll(roots, '*').filter((element) => tags.includes(element.localName));
}

/** Rendered-ish text: shadow content instead of light DOM, slots projected, assistive text and buttons left out. */
function textOf(element: Element, skip?: Element): string {
  return normaliseText(composedText(element, skip));
}

function composedText(node: Node, skip: Element | undefined): string {
  if (node.nodeType === 3) return (node as Text).data;
  if (node.nodeType === 1) {
    const element = node as Element;
    if (element === skip || isSkipped(element)) return '';
    if (element.shadowRoot) return childrenText(element.shadowRoot, skip);
    const assigned = element.tagName === 'SLOT' ? (element as HTMLSlotElement).assignedNodes() : [];
    if (assigned.length > 0) return assigned.map((child) => composedText(child, skip)).join('');
  }
  return childrenText(node, skip);
}

function childrenText(node: Node, skip: Element | undefined): string {
  return Array.from(node.childNodes)
    .map((child) => composedText(child, skip))
    .join('');
}

function isSkipped(element: Element): boolean {
  return (
    SKIPPED_TAGS.has(element.tagName.toUpperCase()) ||
    element.classList.contains('slds-assistive-text') ||
    element.hasAttribute('hidden')
  );
}

// Collapses layout whitespace but keeps no-break spaces, which are part of formatted amounts.
function normaliseText(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

function urlWithoutQuery(url: string): string {
  const parsed = new URL(url);
  return `${parsed.origin}${parsed.pathname}${parsed.hash}`.slice(0, MAX_URL);
}
