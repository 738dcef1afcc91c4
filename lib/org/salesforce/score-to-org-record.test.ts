import { readScoreObjectFields } from '../../../tests/support/force-app-metadata';
import { SCORE_FIELDS, SCORE_TEXT_LIMITS } from './score-object';
import { scoreToOrgRecord, validateOrgRecord } from './score-to-org-record';
import { dealScore } from '../../../tests/support/org-score-fixture';

describe('scoreToOrgRecord', () => {
  it('writes only fields the deployed metadata declares, with their declared lengths', () => {
    const declared = new Map(readScoreObjectFields().map((field) => [field.name, field]));
    for (const name of Object.values(SCORE_FIELDS)) expect(declared.has(name), name).toBe(true);
    for (const [name, limit] of Object.entries(SCORE_TEXT_LIMITS))
      expect(declared.get(name)?.length, name).toBe(limit);
  });

  it('maps a deal score field by field, keyed by the local score id', () => {
    const record = scoreToOrgRecord(dealScore());
    expect(record).toEqual({
      attributes: { type: 'Yardstick_Score__c' },
      Score_Key__c: '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
      Deal_Key__c: 'salesforce-lightning:acme:0065g00000AbCdEAAV',
      Opportunity__c: '0065g00000AbCdEAAV',
      Context__c: 'deal',
      Role__c: 'rep',
      Rater__c: 'dana@acme.example',
      Definitions_Id__c: 'meddpicc',
      Definitions_Version__c: '2.1.0',
      Definitions_Hash__c: 'a'.repeat(64),
      Total__c: 42.5,
      Ceiling__c: 70,
      Band_Id__c: 'developing',
      Band_Label__c: 'Developing',
      Saved_At__c: '2026-05-05T09:30:00.000Z',
      Stage_At_Scoring__c: 'Negotiation',
      Amount_At_Scoring__c: 120000,
      Currency_At_Scoring__c: 'USD',
      Close_Date_At_Scoring__c: '2026-06-30',
      Answers_Json__c: JSON.stringify(dealScore().answers),
      Segments_Json__c: '{"lead_source":"Web"}',
    });
    expect(validateOrgRecord(record)).toEqual([]);
  });

  it("writes the org's name of a verified rater, and the typed name of a self-declared one", () => {
    const orgRater = { userId: '0055g00000Rep01AAB', name: 'Dana Rep', orgId: '00D5g000004abcDEAQ' };
    expect(scoreToOrgRecord(dealScore({ orgRater })).Rater__c).toBe('Dana Rep');
    expect(scoreToOrgRecord(dealScore()).Rater__c).toBe('dana@acme.example');
  });

  it('keeps Unknown as null in the answers JSON, apart from the lowest level', () => {
    const answers = JSON.parse(String(scoreToOrgRecord(dealScore()).Answers_Json__c));
    expect(answers[1]).toEqual({ criterionId: 'champion', level: null, evidence: '' });
  });

  it('links no opportunity for a calibration case or a deal from another CRM', () => {
    const calibration = scoreToOrgRecord(dealScore({ context: 'calibration' }));
    expect(calibration).toMatchObject({
      Opportunity__c: null,
      Deal_Key__c: 'salesforce-lightning:acme:0065g00000AbCdEAAV',
      Context__c: 'calibration',
    });
    const hubspot = scoreToOrgRecord(
      dealScore({ deal: { ...dealScore().deal, crm: 'hubspot', recordId: '1234567' } }),
    );
    expect(hubspot.Opportunity__c).toBeNull();
  });

  it('counts a score from before roles as a rep score, and cuts a long stage name to fit', () => {
    const long = 'S'.repeat(300);
    const record = scoreToOrgRecord(
      dealScore({ role: undefined, deal: { ...dealScore().deal, stage: { text: long, strategy: null } } }),
    );
    expect(record.Role__c).toBe('rep');
    expect(String(record.Stage_At_Scoring__c)).toHaveLength(255);
    expect(validateOrgRecord(record)).toEqual([]);
  });
});

describe('validateOrgRecord', () => {
  it('names each field the org would refuse', () => {
    const record = {
      ...scoreToOrgRecord(dealScore()),
      Answers_Json__c: 'x'.repeat(131073),
      Total__c: 100.25,
      Close_Date_At_Scoring__c: '30/06/2026',
      Opportunity__c: '0015g00000AbCdEAAV',
      Deal_Key__c: 'k'.repeat(256),
    };
    expect(
      validateOrgRecord(record)
        .map((problem) => problem.field)
        .sort(),
    ).toEqual(['Answers_Json__c', 'Close_Date_At_Scoring__c', 'Deal_Key__c', 'Opportunity__c', 'Total__c']);
  });
});
