import { isOpportunityId, toCanonicalSalesforceId } from '../../crm/salesforce-id';
import { err, ok, type Result } from '../../result';

/** The opportunity fields every deal read asks for, before the definitions' capture fields. */
export const DEAL_BASE_FIELDS = [
  'Id',
  'Name',
  'StageName',
  'Amount',
  'CloseDate',
  'OwnerId',
  'Owner.Name',
  'IsClosed',
  'IsWon',
  'LastModifiedDate',
] as const;

/** Only multi-currency orgs have it: asking a single-currency org for it is an INVALID_FIELD. */
export const CURRENCY_FIELD = 'CurrencyIsoCode';

/** What the deal query asks for. */
export interface DealQueryInput {
  opportunityId: string;
  /** API names from the definitions' capture fields (`LeadSource`, `Campaign.Name`, `Product_Line__c`). */
  captureFields: readonly string[];
  /** False once the org is known to be single-currency. */
  includeCurrency: boolean;
}

// One name in a field path: letters, digits and single underscores, an optional namespace prefix
// (`ns__`, only before a custom name) and an optional custom suffix. At most five relationship hops.
const NAME = '[A-Za-z](?:[A-Za-z0-9]|_(?!_))*';
const SEGMENT = new RegExp(`^(?:[A-Za-z][A-Za-z0-9]*__(?=${NAME}__[cr]$))?${NAME}(?:__[cr])?$`);
const MAX_HOPS = 5;
const MAX_FIELD_LENGTH = 200;
const MAX_CAPTURE_FIELDS = 50;

/** True when `name` is a safe SOQL field path (no quotes, spaces, functions or sub-queries). */
export function isSoqlFieldPath(name: string): boolean {
  if (name.length > MAX_FIELD_LENGTH) return false;
  const segments = name.split('.');
  return segments.length <= MAX_HOPS + 1 && segments.every((segment) => SEGMENT.test(segment));
}

/** One SOQL query for the opportunity and its capture fields; an error value for a bad id or field name. */
export function buildDealQuery(input: DealQueryInput): Result<string, string> {
  if (!isOpportunityId(input.opportunityId)) {
    return err(
      `"${input.opportunityId}" is not an Opportunity id (15 or 18 characters, 006…, valid checksum).`,
    );
  }
  if (input.captureFields.length > MAX_CAPTURE_FIELDS) {
    return err(
      `The definitions ask for ${input.captureFields.length} capture fields; at most ${MAX_CAPTURE_FIELDS}.`,
    );
  }
  const bad = input.captureFields.filter((name) => !isSoqlFieldPath(name));
  if (bad.length > 0) {
    return err(`Not Salesforce field names: ${bad.map((name) => JSON.stringify(name)).join(', ')}.`);
  }
  const fields = new Map<string, string>();
  const base = input.includeCurrency ? [...DEAL_BASE_FIELDS, CURRENCY_FIELD] : DEAL_BASE_FIELDS;
  // SOQL refuses a field listed twice, and field names are case-insensitive.
  for (const name of [...base, ...input.captureFields]) {
    if (!fields.has(name.toLowerCase())) fields.set(name.toLowerCase(), name);
  }
  const id = toCanonicalSalesforceId(input.opportunityId);
  return ok(`SELECT ${[...fields.values()].join(', ')} FROM Opportunity WHERE Id = '${id}' LIMIT 1`);
}

/** A SOQL query for which of these score keys (uuids) are already in the org, for the outbox. */
export function buildScoreKeysQuery(
  object: string,
  keyField: string,
  keys: readonly string[],
): Result<string, string> {
  if (!isSoqlFieldPath(object) || !isSoqlFieldPath(keyField)) return err('Not Salesforce API names.');
  const bad = keys.filter(
    (key) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key),
  );
  if (bad.length > 0 || keys.length === 0 || keys.length > 200) {
    return err(`Score keys must be 1 to 200 uuids; refused: ${bad.slice(0, 3).join(', ') || keys.length}.`);
  }
  const list = keys.map((key) => `'${key}'`).join(', ');
  return ok(`SELECT Id, ${keyField} FROM ${object} WHERE ${keyField} IN (${list})`);
}
