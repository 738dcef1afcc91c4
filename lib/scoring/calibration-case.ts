import type { DealSnapshot } from '../crm/deal-snapshot';
import type { Definitions } from '../definitions/schema-v1';

/** The deal key of a calibration case: every rep's blind score of it meets under this key. */
export function calibrationDealKey(definitionsId: string, caseId: string): string {
  return `calibration:${definitionsId}:${caseId}`;
}

/** A calibration case as a deal snapshot, so its scores have the shape of every other score. */
export function calibrationSnapshot(
  definitions: Definitions,
  caseId: string,
  now: Date,
): DealSnapshot | null {
  const calibrationCase = definitions.calibration?.find((c) => c.id === caseId);
  if (!calibrationCase) return null;
  const unknown = { text: null, strategy: null };
  return {
    crm: 'calibration',
    instance: definitions.id,
    recordId: caseId,
    dealKey: calibrationDealKey(definitions.id, caseId),
    url: '',
    name: { text: calibrationCase.title, strategy: 'calibration.title' },
    stage: unknown,
    amount: { ...unknown, value: null, currency: null },
    closeDate: { ...unknown, iso: null },
    owner: unknown,
    readAt: now.toISOString(),
  };
}
