import type { DealSnapshot } from '../../../lib/crm/deal-snapshot';

/** A fully read Lightning opportunity snapshot for tests; override any field. */
export function lightningSnapshot(overrides: Partial<DealSnapshot> = {}): DealSnapshot {
  const recordId = overrides.recordId ?? '006Dn00000AbCdEIAV';
  return {
    crm: 'salesforce-lightning',
    instance: 'acme',
    recordId,
    dealKey: `salesforce-lightning:acme:${recordId}`,
    url: `https://acme.lightning.force.com/lightning/r/Opportunity/${recordId}/view`,
    name: { text: 'Globex — Data Platform Renewal', strategy: 'highlights.primaryField' },
    stage: { text: 'Proposal/Price Quote', strategy: 'path.current' },
    amount: { text: 'USD 1,250,000.00', strategy: 'highlights.item:Amount', value: 1250000, currency: 'USD' },
    closeDate: { text: '1/31/2027', strategy: 'highlights.item:Close Date', iso: '2027-01-31' },
    owner: { text: 'Dana Whitfield', strategy: 'details.Owner' },
    readAt: '2026-11-22T10:00:00.000Z',
    ...overrides,
  };
}
