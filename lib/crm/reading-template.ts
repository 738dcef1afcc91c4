import {
  buildSnapshot,
  readSegments,
  type CoreFields,
  type CrmAdapter,
  type DealReading,
  type ReadOptions,
} from './crm-adapter';
import type { CrmPageWording } from './crm-declaration';
import { buildDealKey } from './deal-key';
import type { DealPageMatch } from './deal-page-match';
import { detectDealPage } from './deal-page-url';
import type { CrmId, FieldReading } from './deal-snapshot';
import {
  labelCandidates,
  mainHeading,
  valueByLabel,
  withFallbacks,
  type LabelCandidate,
} from './page-fallbacks';

/**
 * What one CRM's page reading fills in. The shared template runs the steps in this order:
 * detect → validate → key → wait → segments → snapshot.
 */
export interface DealPageSteps<Shown> {
  /** The CRM these pages belong to. */
  readonly crm: CrmId;
  /** Detect: the deal `url` shows; the built-in CRMs' URL checks unless given. */
  detect?(url: string): DealPageMatch | null;
  /** Validate: the record id in canonical form, or null when the URL's id is not one of this CRM's. */
  canonicalId(rawRecordId: string): string | null;
  /** Key: the org, for a CRM whose URL check leaves it to the reading; otherwise the URL check's instance. */
  instanceOf?(match: DealPageMatch, url: string): string;
  /** Key: the CRM whose deal key the deal takes, when another CRM shows the same records. */
  readonly dealKeyCrm?: CrmId;
  /** The element that shows the deal now; the watcher observes it and tells views apart by it. */
  findActiveView(doc: Document): Element | null;
  /**
   * Selectors of the regions of the active view that identify and describe the record (header,
   * highlights, path, details): the watcher reads again only after a change in one of them, so every
   * strategy must read inside them. Unless given, any change in the view is read.
   */
  readonly recordRegions?: readonly string[];
  /**
   * Wait: what the fields are read from once the deal is shown; null while its header has not rendered.
   * `activeView` is findActiveView's answer when the template has it already.
   */
  shown(doc: Document, activeView?: Element | null): Shown | null;
  /** The five fields every snapshot has. */
  readFields(shown: Shown, doc: Document): CoreFields;
  /** Segments: one captureFields id, shown under one of `labels`. */
  readSegment(shown: Shown, fieldId: string, labels: readonly string[]): FieldReading;
  /** The locale numeric dates are written in; the page's language unless given. */
  localeOf?(doc: Document): string | undefined;
  /**
   * The declaration's title pattern and labels: with them, a field the CRM's own strategies miss is
   * read by the shared fallbacks (main heading, document title, label text), scoped to the active view.
   */
  readonly page?: CrmPageWording;
}

/** An adapter that reads `steps`' CRM with the shared template. */
export function createCrmAdapter<Shown>(steps: DealPageSteps<Shown>): CrmAdapter {
  const detect = steps.detect ?? ((url: string) => detectDealPage(url));
  return {
    crm: steps.crm,
    matchUrl: (url) => detect(url)?.crm === steps.crm,
    read: (doc, url, now = new Date(), options = {}) => readDeal(steps, detect(url), doc, url, now, options),
    dealKeyOf: (url) => {
      const keyed = keyDeal(steps, detect(url), url);
      return keyed && 'dealKey' in keyed ? keyed.dealKey : null;
    },
    findActiveView: (doc) => steps.findActiveView(doc),
    recordRegions: steps.recordRegions,
  };
}

type KeyedDeal =
  | { status: 'invalid-record-id'; rawRecordId: string }
  | { recordId: string; instance: string; dealKey: string };

// The detect → validate → key steps, shared by the reading and by the URL-only key.
function keyDeal<Shown>(
  steps: DealPageSteps<Shown>,
  match: DealPageMatch | null,
  url: string,
): KeyedDeal | null {
  if (match?.crm !== steps.crm) return null;
  const recordId = steps.canonicalId(match.rawRecordId);
  if (!recordId) return { status: 'invalid-record-id', rawRecordId: match.rawRecordId };
  const instance = steps.instanceOf?.(match, url) ?? ('instance' in match ? match.instance : '');
  return { recordId, instance, dealKey: buildDealKey(steps.dealKeyCrm ?? steps.crm, instance, recordId) };
}

function readDeal<Shown>(
  steps: DealPageSteps<Shown>,
  match: DealPageMatch | null,
  doc: Document,
  url: string,
  now: Date,
  options: ReadOptions,
): DealReading {
  const keyed = keyDeal(steps, match, url);
  if (!keyed) return { status: 'not-a-deal' };
  if (!('dealKey' in keyed)) return keyed;
  const { recordId, instance, dealKey } = keyed;
  const view = steps.page ? steps.findActiveView(doc) : null;
  const shown = steps.page ? steps.shown(doc, view) : steps.shown(doc);
  // A redesign the CRM's own strategies miss: the deal is shown once the active view has its one main heading.
  if (shown === null && !(view && mainHeading(view)))
    return { status: 'waiting-for-header', recordId, dealKey, instance };
  const own = shown === null ? null : steps.readFields(shown, doc);
  // Every field and segment left to the label fallback looks through the same candidates, measured once.
  let candidates: readonly LabelCandidate[] | undefined;
  const viewLabels = () => (candidates ??= view ? labelCandidates(view) : []);
  const fields = view && steps.page ? withFallbacks(own, view, doc, steps.page, viewLabels) : own;
  if (fields === null) return { status: 'waiting-for-header', recordId, dealKey, instance };
  const segments = readSegments(options.captureFields, (id, labels) => {
    const reading = shown === null ? { text: null, strategy: null } : steps.readSegment(shown, id, labels);
    return reading.text !== null || !view ? reading : (valueByLabel(view, labels, viewLabels) ?? reading);
  });
  const identity = { crm: steps.crm, instance, recordId, dealKey, url };
  const locale = steps.localeOf ? steps.localeOf(doc) : doc.documentElement.lang;
  return { status: 'ready', snapshot: buildSnapshot(identity, fields, segments, locale, now) };
}
