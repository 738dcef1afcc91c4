import type { OrgScore } from '../../lib/org/salesforce/score-to-org-record';

/** A rep's deal score as the background stores it. */
export function dealScore(overrides: Partial<OrgScore> = {}): OrgScore {
  return {
    id: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
    dealKey: 'salesforce-lightning:acme:0065g00000AbCdEAAV',
    rater: 'dana@acme.example',
    role: 'rep',
    context: 'deal',
    deal: {
      crm: 'salesforce-lightning',
      recordId: '0065g00000AbCdEAAV',
      stage: { text: 'Negotiation', strategy: 'record-header' },
      amount: { text: '$120,000.00', strategy: 'record-header', value: 120000, currency: 'USD' },
      closeDate: { text: '6/30/2026', strategy: 'record-header', iso: '2026-06-30' },
      segments: { lead_source: { text: 'Web', strategy: 'field' } },
    },
    definitions: { id: 'meddpicc', version: '2.1.0', hash: 'a'.repeat(64) },
    answers: [
      { criterionId: 'metrics', level: 3, evidence: 'CFO named a 12% cost target in the 4 May call.' },
      { criterionId: 'champion', level: null, evidence: '' },
    ],
    total: 42.5,
    ceiling: 70,
    band: { id: 'developing', label: 'Developing' },
    savedAt: '2026-05-05T09:30:00.000Z',
    ...overrides,
  };
}
