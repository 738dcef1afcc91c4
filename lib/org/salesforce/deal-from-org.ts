import type { SnapshotIdentity } from '../../crm/crm-adapter';
import type { DealSnapshot, FieldReading } from '../../crm/deal-snapshot';
import type { CaptureFieldNames } from './capture-field-names';
import { CURRENCY_FIELD } from './deal-query';
import type { OrgDeal } from './read-deal';

const MAX_TEXT = 2000;

/**
 * The snapshot of an opportunity as the org answered it: the same FieldReading shape as a page reading,
 * each strategy `api:<Field>`, with the org's LastModifiedDate, owner id and closed/won flags. A capture
 * field the org lacks, or that has no API name, is unknown here (strategy null).
 */
export function snapshotFromOrgDeal(
  identity: SnapshotIdentity,
  deal: OrgDeal,
  names: CaptureFieldNames,
  now: Date,
): DealSnapshot {
  const { record } = deal;
  const amount = numberAt(record, 'Amount');
  const currency = deal.multiCurrency ? stringAt(record, CURRENCY_FIELD) : null;
  const closeDate = stringAt(record, 'CloseDate');
  const iso = closeDate && /^\d{4}-\d{2}-\d{2}$/.test(closeDate) ? closeDate : null;
  const missing = new Set(deal.missingCaptureFields.map((field) => field.toLowerCase()));
  const segments: Record<string, FieldReading> = {};
  for (const [fieldId, apiField] of names.apiFieldOf) {
    segments[fieldId] = missing.has(apiField.toLowerCase())
      ? { text: null, strategy: null }
      : reading(record, apiField);
  }
  for (const fieldId of names.unnamed) segments[fieldId] = { text: null, strategy: null };
  const lastModified = orgDateTime(stringAt(record, 'LastModifiedDate'));
  return {
    ...identity,
    name: reading(record, 'Name'),
    stage: reading(record, 'StageName'),
    amount: {
      text: amount === null ? null : formatAmount(amount, currency),
      strategy: 'api:Amount',
      value: amount,
      currency,
    },
    closeDate: { text: closeDate, strategy: 'api:CloseDate', iso },
    owner: reading(record, 'Owner.Name'),
    ...(Object.keys(segments).length > 0 ? { segments } : {}),
    readAt: now.toISOString(),
    source: 'api',
    ...(lastModified ? { orgLastModified: lastModified } : {}),
    orgRecord: {
      ownerId: stringAt(record, 'OwnerId'),
      isClosed: booleanAt(record, 'IsClosed'),
      isWon: booleanAt(record, 'IsWon'),
    },
  };
}

/** An API snapshot with the page's readings where the API had none (capture fields without an API name). */
export function withPageReadingsForGaps(api: DealSnapshot, page: DealSnapshot | null): DealSnapshot {
  if (!page?.segments || !api.segments) return api;
  const segments = { ...api.segments };
  for (const [fieldId, reading] of Object.entries(segments)) {
    const fromPage = page.segments[fieldId];
    if (reading.strategy === null && fromPage?.text != null) segments[fieldId] = fromPage;
  }
  return { ...api, segments };
}

/** A value at a SOQL field path of a record: `Owner.Name` walks into the `Owner` object. */
function valueAt(record: Record<string, unknown>, path: string): unknown {
  let value: unknown = record;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null) return null;
    // Field names are case-insensitive in SOQL; the org answers with the names as defined.
    const entry = Object.entries(value).find(([key]) => key.toLowerCase() === segment.toLowerCase());
    value = entry?.[1];
  }
  return value ?? null;
}

function reading(record: Record<string, unknown>, path: string): FieldReading {
  const value = valueAt(record, path);
  const text =
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value).slice(0, MAX_TEXT)
      : null;
  return { text: text === '' ? null : text, strategy: `api:${path}` };
}

function stringAt(record: Record<string, unknown>, path: string): string | null {
  const value = valueAt(record, path);
  return typeof value === 'string' && value !== '' ? value.slice(0, MAX_TEXT) : null;
}

function numberAt(record: Record<string, unknown>, path: string): number | null {
  const value = valueAt(record, path);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function booleanAt(record: Record<string, unknown>, path: string): boolean | null {
  const value = valueAt(record, path);
  return typeof value === 'boolean' ? value : null;
}

function formatAmount(amount: number, currency: string | null): string {
  if (currency && /^[A-Z]{3}$/.test(currency)) {
    return new Intl.NumberFormat('en', { style: 'currency', currency, currencyDisplay: 'code' }).format(
      amount,
    );
  }
  return new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(amount);
}

/** Salesforce writes `2026-05-04T16:20:00.000+0000`; the snapshot keeps ISO UTC, or nothing. */
function orgDateTime(text: string | null): string | null {
  if (!text) return null;
  const time = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
