import type { OrgAuditState } from './load-org-audit';
import { rowsToAuditInput } from './rows-to-audit';
import { stateFromFileText, stateToFileText } from './state-file';

const SEGMENTS = new Map([['lead_source', 'LeadSource']]);
const row = (key: string, evidence: string) => ({
  Id: `a0X${key}`,
  OwnerId: '0055g00000Rep01AAB',
  'Owner.Name': 'Dana Rep',
  SystemModstamp: '2026-12-01T00:00:01.000+0000',
  IsDeleted: 'false',
  Score_Key__c: key,
  Deal_Key__c: 'salesforce-lightning:acme:006Dn0000000001IAA',
  Opportunity__c: '006Dn0000000001IAA',
  Context__c: 'deal',
  Role__c: 'rep',
  Definitions_Id__c: 'two-criteria',
  Definitions_Version__c: '2.1.0',
  Total__c: '86.1',
  Saved_At__c: '2026-09-01T09:00:00.000Z',
  Stage_At_Scoring__c: 'Negotiation',
  Amount_At_Scoring__c: null,
  Currency_At_Scoring__c: 'USD',
  Close_Date_At_Scoring__c: '2026-12-31',
  Answers_Json__c: JSON.stringify([
    { criterionId: 'champion', level: 2, evidence },
    { criterionId: 'metrics', level: null, evidence },
  ]),
  'Opportunity__r.IsClosed': 'true',
  'Opportunity__r.IsWon': 'false',
  'Opportunity__r.CloseDate': '2026-12-31',
  'Opportunity__r.SystemModstamp': '2026-12-02T00:00:00.000+0000',
  'Opportunity__r.LeadSource': 'Web',
});
const STATE: OrgAuditState = {
  formatVersion: 1,
  origin: 'https://acme.my.salesforce.com',
  apiVersion: '62.0',
  queryKey: '{"filters":{},"segments":[["lead_source","LeadSource"]]}',
  scoresSince: '2026-12-01T00:00:01.000+0000',
  dealsSince: '2026-12-02T00:00:00.000+0000',
  rows: [row('k1', 'The CFO said so on the call. '.repeat(20)), row('k2', 'Signed MAP')],
};

describe('the CLI state file', () => {
  it('gives back the same audit input, watermarks and query, without the evidence text', () => {
    const text = stateToFileText(STATE);
    expect(text).not.toContain('CFO');
    const read = stateFromFileText(text);
    expect(read).toMatchObject({
      origin: STATE.origin,
      apiVersion: '62.0',
      queryKey: STATE.queryKey,
      scoresSince: STATE.scoresSince,
      dealsSince: STATE.dealsSince,
    });
    expect(rowsToAuditInput(read!.rows, SEGMENTS)).toEqual(rowsToAuditInput(STATE.rows, SEGMENTS));
    expect(text.length).toBeLessThan(JSON.stringify(STATE).length / 2);
  });

  it('still reads a file of keyed rows (format 1)', () => {
    expect(stateFromFileText(JSON.stringify(STATE))).toEqual(STATE);
  });

  it('refuses text that is not a state file', () => {
    for (const text of [
      '',
      '{}',
      '[1]',
      '{"formatVersion":2,"origin":"x","apiVersion":"62.0","queryKey":"q","columns":["a"],"rows":[[1,2]]}',
    ])
      expect(stateFromFileText(text), text).toBeNull();
  });
});
