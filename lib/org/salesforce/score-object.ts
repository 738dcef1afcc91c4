/** The scores object's API name, as force-app/ deploys it. */
export const SCORE_OBJECT = 'Yardstick_Score__c';

/** The external-id field that keys each score (the local score id): upserts by it are idempotent. */
export const SCORE_KEY_FIELD = 'Score_Key__c';

/** Every field Yardstick writes, by what it holds; each must exist in force-app's field-meta.xml files. */
export const SCORE_FIELDS = {
  key: SCORE_KEY_FIELD,
  dealKey: 'Deal_Key__c',
  opportunity: 'Opportunity__c',
  context: 'Context__c',
  role: 'Role__c',
  rater: 'Rater__c',
  definitionsId: 'Definitions_Id__c',
  definitionsVersion: 'Definitions_Version__c',
  definitionsHash: 'Definitions_Hash__c',
  total: 'Total__c',
  ceiling: 'Ceiling__c',
  bandId: 'Band_Id__c',
  bandLabel: 'Band_Label__c',
  savedAt: 'Saved_At__c',
  stage: 'Stage_At_Scoring__c',
  amount: 'Amount_At_Scoring__c',
  currency: 'Currency_At_Scoring__c',
  closeDate: 'Close_Date_At_Scoring__c',
  answers: 'Answers_Json__c',
  segments: 'Segments_Json__c',
} as const;

/** The API name of one written field. */
export type ScoreFieldName = (typeof SCORE_FIELDS)[keyof typeof SCORE_FIELDS];

/** Text lengths the metadata declares; longer values are refused by the org (STRING_TOO_LONG). */
export const SCORE_TEXT_LIMITS: Partial<Record<ScoreFieldName, number>> = {
  Score_Key__c: 36,
  Deal_Key__c: 255,
  Rater__c: 255,
  Definitions_Id__c: 100,
  Definitions_Version__c: 100,
  Definitions_Hash__c: 64,
  Band_Id__c: 100,
  Band_Label__c: 255,
  Stage_At_Scoring__c: 255,
  Currency_At_Scoring__c: 10,
  Answers_Json__c: 131072,
  Segments_Json__c: 32768,
};
