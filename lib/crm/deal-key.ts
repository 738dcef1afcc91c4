import type { CrmId } from './deal-snapshot';

/** Builds the deal key that lets several reps' scores of one deal meet in the audit. */
export function buildDealKey(crm: CrmId, instance: string, recordId: string): string {
  return `${crm}:${instance.toLowerCase()}:${recordId}`;
}
