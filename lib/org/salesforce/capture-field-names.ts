import { isSoqlFieldPath } from './deal-query';

/** The API field of the capture fields most definitions use, so that they need no `salesforceFields`. */
export const DEFAULT_SALESFORCE_FIELDS: Readonly<Record<string, string>> = {
  lead_source: 'LeadSource',
  campaign: 'Campaign.Name',
  type: 'Type',
};

/** Which API field each capture field is read from, and the capture fields the API cannot read. */
export interface CaptureFieldNames {
  /** captureFields id → API field, in the definitions' order. */
  apiFieldOf: Map<string, string>;
  /** Capture fields with no API field: the page's reading stays for them. */
  unnamed: string[];
}

/**
 * Names each capture field's Salesforce API field: the definitions' `salesforceFields` first, then the
 * built-in names. A name that is not a safe SOQL field path counts as unnamed, never reaches a query.
 */
export function captureFieldNames(
  captureFields: readonly string[],
  salesforceFields: Readonly<Record<string, string>> = {},
): CaptureFieldNames {
  const apiFieldOf = new Map<string, string>();
  const unnamed: string[] = [];
  for (const fieldId of new Set(captureFields)) {
    const apiField = ownValue(salesforceFields, fieldId) ?? ownValue(DEFAULT_SALESFORCE_FIELDS, fieldId);
    if (apiField && isSoqlFieldPath(apiField)) apiFieldOf.set(fieldId, apiField);
    else unnamed.push(fieldId);
  }
  return { apiFieldOf, unnamed };
}

// Identifiers such as `constructor` must not find Object.prototype's members.
function ownValue(names: Readonly<Record<string, string>>, fieldId: string): string | undefined {
  return Object.hasOwn(names, fieldId) ? names[fieldId] : undefined;
}
