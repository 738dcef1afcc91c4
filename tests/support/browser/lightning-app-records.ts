/** Records the Lightning fixture app (tests/fixtures/salesforce-lightning/lightning-app.html) serves. */
export const GLOBEX = {
  id: '006Ak00002GLBXaIAP',
  name: 'Globex — Data Platform Renewal',
  stage: 'Proposal/Price Quote',
  owner: 'Priya Raman',
};
/** The second opportunity, for single-page navigation. */
export const INITECH = {
  id: '006Ak00002InTcEIAV',
  name: 'Initech — 400 Seat Expansion',
  stage: 'Qualification',
};
/** The third opportunity. */
export const UMBRELLA = {
  id: '006Ak00002uMbRcIAK',
  name: 'Umbrella Corp — Pilot',
  stage: 'Negotiation/Review',
};
/** A valid opportunity id the fixture has no record for: its header never renders. */
export const MISSING_RECORD_ID = '006Ak00002NoPExIAN';

/** The record page of an opportunity. */
export const opportunityPath = (id: string) => `/lightning/r/Opportunity/${id}/view`;

/** Where the demo opens. */
export const DEMO_OPPORTUNITY_PATH = opportunityPath(GLOBEX.id);
