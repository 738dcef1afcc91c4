import { err, ok } from '../../result';
import { buildDealQuery, CURRENCY_FIELD } from './deal-query';
import type { OrgError } from './org-error';
import { queryAll, type OrgCall, type VersionedConnection } from './rest-client';

/** The opportunity as the org holds it, and what the org could not give. */
export interface OrgDeal {
  record: Record<string, unknown>;
  /** False when the org has no CurrencyIsoCode (single-currency): remember it, and ask without it. */
  multiCurrency: boolean;
  /** Capture fields the org does not have (or the user cannot see): shown as unknown, not an error. */
  missingCaptureFields: string[];
}

/** What the read asks for. */
export interface ReadDealInput {
  opportunityId: string;
  captureFields: readonly string[];
  /** What the last read learnt; true when not known yet. */
  multiCurrency: boolean;
}

/**
 * Reads one opportunity in one query. An INVALID_FIELD that names CurrencyIsoCode (a single-currency
 * org) or a capture field (not in this org, or hidden by field-level security) drops that field and
 * asks once more, so a definitions file written for another org still reads the deal.
 */
export async function readDeal(
  connection: VersionedConnection,
  input: ReadDealInput,
): Promise<OrgCall<OrgDeal | null>> {
  let includeCurrency = input.multiCurrency;
  let captureFields = [...input.captureFields];
  const missing: string[] = [];
  // Each retry drops at least one field, so this ends.
  for (;;) {
    const soql = buildDealQuery({ opportunityId: input.opportunityId, captureFields, includeCurrency });
    if (!soql.ok) return { ...err(queryError(soql.error)), apiUsage: null };
    const result = await queryAll(connection, soql.value, { aboutScoresObject: false, maxRecords: 1 });
    if (result.ok) {
      const record = result.value[0];
      return {
        ...ok(record ? { record, multiCurrency: includeCurrency, missingCaptureFields: missing } : null),
        apiUsage: result.apiUsage,
      };
    }
    const named = result.error.code === 'invalid-field' ? result.error.fields : [];
    const lower = named.map((field) => field.toLowerCase());
    const dropCurrency = includeCurrency && lower.includes(CURRENCY_FIELD.toLowerCase());
    const dropped = captureFields.filter((field) => lower.includes(field.toLowerCase()));
    if (!dropCurrency && dropped.length === 0) return result;
    if (dropCurrency) includeCurrency = false;
    missing.push(...dropped);
    captureFields = captureFields.filter((field) => !dropped.includes(field));
  }
}

function queryError(message: string): OrgError {
  return { code: 'bad-request', message, status: null, orgCode: null, orgMessage: null, fields: [] };
}
