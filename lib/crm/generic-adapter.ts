import { ownValue } from '../own-value';
import {
  buildSnapshot,
  controlValue,
  firstFound,
  firstOf,
  queryShown,
  readSegments,
  type CrmAdapter,
  type DealReading,
  type ReadOptions,
  type Strategy,
} from './crm-adapter';
import { buildDealKey } from './deal-key';
import { detectDealPage } from './deal-page-url';
import type { FieldReading } from './deal-snapshot';

const CRM = 'generic';
const FIELD_NAMES = ['name', 'stage', 'amount', 'closeDate', 'owner'] as const;
const CONFIG_KEYS = new Set(['urlPattern', 'selectors', 'locale']);
const SELECTOR_KEYS = new Set<string>([...FIELD_NAMES, 'segments']);
const RECORD_ID = /^[^\s/?#\\]{1,100}$/u;
const MAX_PATTERN = 500;
const MAX_SELECTOR = 300;
const MAX_SELECTORS = 10;
const MAX_STRATEGY = 200;

/** One CSS selector, or several tried in order. */
export type SelectorList = string | readonly string[];

/** A custom CRM host's deal pages (an admin's `allowedCrmHosts` entry or a rep's options). */
export interface GenericAdapterConfig {
  /**
   * Regular expression for deal URLs with a named group `id` (optionally `instance`), matched from the
   * URL's start to the end of a path segment, the query, a query parameter or the hash:
   * `https://crm\.example\.com/deals/(?<id>\d+)`.
   */
  urlPattern: string;
  /** Where each field is shown; a field without selectors is reported as unknown. */
  selectors?: Partial<Record<(typeof FIELD_NAMES)[number], SelectorList>> & {
    /** Selectors per captureFields id, e.g. `{ lead_source: '#lead-source' }`. */
    segments?: Readonly<Record<string, SelectorList>>;
  };
  /** The locale numeric dates are written in, when the page does not declare its language (`en-US`). */
  locale?: string;
}

/** A validated config, or a message an admin can act on. */
export type GenericAdapterConfigResult =
  { ok: true; value: GenericAdapterConfig } | { ok: false; error: string };

/** Checks an untrusted config (from policy or options) without a DOM, so the background can check it too. */
export function validateGenericAdapterConfig(input: unknown): GenericAdapterConfigResult {
  if (!isRecord(input)) return fail('the custom CRM config must be an object');
  const unknownKey = Object.keys(input).find((key) => !CONFIG_KEYS.has(key));
  if (unknownKey) return fail(`unknown key "${unknownKey}" (expected urlPattern, selectors, locale)`);
  const patternError = checkUrlPattern(input.urlPattern);
  if (patternError) return fail(patternError);
  if (
    input.locale !== undefined &&
    (typeof input.locale !== 'string' || !/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(input.locale))
  )
    return fail('locale must be a language tag such as en-US');
  const selectorsError = input.selectors === undefined ? null : checkSelectors(input.selectors);
  if (selectorsError) return fail(selectorsError);
  return { ok: true, value: input as unknown as GenericAdapterConfig };
}

/** The host permission a config needs, e.g. `https://crm.example.com/*`; null when its host is not literal. */
export function matchPatternFor(config: GenericAdapterConfig): string | null {
  const host = /^\^?https:(?:\\\/|\/){2}((?:[a-z0-9-]|\\?\.)+)(?:\\?\/|$)/i.exec(config.urlPattern)?.[1];
  return host ? `https://${host.replace(/\\\./g, '.').toLowerCase()}/*` : null;
}

/** Builds the adapter for one custom CRM host's deal pages. */
export function createGenericAdapter(config: GenericAdapterConfig): CrmAdapter {
  const patterns = [{ urlPattern: config.urlPattern }];
  const matchUrl = (url: string) => detectDealPage(url, patterns)?.crm === CRM;
  const read = (
    doc: Document,
    url: string,
    now: Date = new Date(),
    options: ReadOptions = {},
  ): DealReading => {
    const match = detectDealPage(url, patterns);
    if (match?.crm !== CRM) return { status: 'not-a-deal' };
    const recordId = decodedId(match.rawRecordId);
    if (!recordId) return { status: 'invalid-record-id', rawRecordId: match.rawRecordId };
    const instance = match.instance.toLowerCase();
    const dealKey = buildDealKey(CRM, instance, recordId);
    const selectors = config.selectors ?? {};
    const name = readSelectors(doc, selectors.name);
    // With a name selector, the deal is shown once the name is; without one there is nothing to wait for.
    if (selectors.name !== undefined && name.text === null)
      return { status: 'waiting-for-header', recordId, dealKey, instance };
    const segments = readSegments(options.captureFields, (id) =>
      readSelectors(doc, ownValue(selectors.segments, id)),
    );
    const fields = {
      name,
      stage: readSelectors(doc, selectors.stage),
      amount: readSelectors(doc, selectors.amount),
      closeDate: readSelectors(doc, selectors.closeDate),
      owner: readSelectors(doc, selectors.owner),
    };
    const identity = { crm: CRM, instance, recordId, dealKey, url } as const;
    const locale = doc.documentElement.lang || config.locale;
    return { status: 'ready', snapshot: buildSnapshot(identity, fields, segments, locale, now) };
  };
  return { crm: CRM, matchUrl, read, findActiveView: (doc) => doc.body };
}

function readSelectors(doc: Document, selectors: SelectorList | undefined): FieldReading {
  const list: readonly string[] =
    selectors === undefined ? [] : typeof selectors === 'string' ? [selectors] : selectors;
  const strategies: Strategy[] = list.map(
    (selector) => () =>
      firstOf(queryShown(doc, selector), `selector:${selector}`.slice(0, MAX_STRATEGY), controlValue),
  );
  return firstFound(strategies);
}

function decodedId(raw: string): string | null {
  try {
    const id = decodeURIComponent(raw);
    return RECORD_ID.test(id) ? id : null;
  } catch {
    return null;
  }
}

function checkUrlPattern(pattern: unknown): string | null {
  if (typeof pattern !== 'string' || pattern === '') return 'urlPattern is required';
  if (pattern.length > MAX_PATTERN) return `urlPattern is longer than ${MAX_PATTERN} characters`;
  if (!/^\^?https:(?:\\\/|\/){2}/.test(pattern)) return 'urlPattern must start with https://';
  let groups: Record<string, string | undefined> | undefined;
  try {
    new RegExp(pattern);
    groups = new RegExp(`(?:${pattern})|`).exec('')?.groups;
  } catch (error) {
    return `urlPattern is not a valid regular expression: ${(error as Error).message}`;
  }
  if (!groups || !('id' in groups))
    return 'urlPattern needs a named group "id", e.g. https://crm\\.example\\.com/deals/(?<id>\\d+)';
  return null;
}

function checkSelectors(selectors: unknown): string | null {
  if (!isRecord(selectors)) return 'selectors must be an object';
  for (const [key, value] of Object.entries(selectors)) {
    if (!SELECTOR_KEYS.has(key))
      return `unknown selector "${key}" (expected ${[...SELECTOR_KEYS].join(', ')})`;
    if (key !== 'segments') {
      const error = checkSelectorList(value, `selectors.${key}`);
      if (error) return error;
      continue;
    }
    if (!isRecord(value)) return 'selectors.segments must map captureFields ids to selectors';
    for (const [id, list] of Object.entries(value)) {
      if (!/^[a-z][a-z0-9_]*$/.test(id)) return `selectors.segments: "${id}" is not a captureFields id`;
      const error = checkSelectorList(list, `selectors.segments.${id}`);
      if (error) return error;
    }
  }
  return null;
}

function checkSelectorList(value: unknown, path: string): string | null {
  const list = typeof value === 'string' ? [value] : value;
  const valid =
    Array.isArray(list) &&
    list.length > 0 &&
    list.length <= MAX_SELECTORS &&
    list.every(
      (selector) => typeof selector === 'string' && selector.trim() !== '' && selector.length <= MAX_SELECTOR,
    );
  return valid ? null : `${path} must be a CSS selector or a list of up to ${MAX_SELECTORS} of them`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fail(error: string): GenericAdapterConfigResult {
  return { ok: false, error: `Custom CRM: ${error}.` };
}
