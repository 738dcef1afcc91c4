/** One session the test org accepts: the `sid` token and who it belongs to. */
export interface TestOrgSession {
  token: string;
  userId: string;
  name: string;
  email: string;
  orgId: string;
  /** Holds the Yardstick Auditor permission set (View All). */
  viewAll: boolean;
  /** Users whose records this user sees through the role hierarchy. */
  team: string[];
}

/** The org of the fixtures. */
export const TEST_ORG_ID = '00D5g000004abcDEAQ';

/** Sessions of a rep, the rep's manager and an auditor of one org; ids carry valid checksums. */
export const TEST_SESSIONS: TestOrgSession[] = [
  {
    token: `${TEST_ORG_ID.slice(0, 15)}!AQ4AQRepSessionToken`,
    userId: '0055g00000Rep01AAB',
    name: 'Dana Rep',
    email: 'dana@acme.example',
    orgId: TEST_ORG_ID,
    viewAll: false,
    team: [],
  },
  {
    token: `${TEST_ORG_ID.slice(0, 15)}!AQ4AQManagerSessionToken`,
    userId: '0055g00000Mgr02AAB',
    name: 'Morgan Manager',
    email: 'morgan@acme.example',
    orgId: TEST_ORG_ID,
    viewAll: false,
    // The role hierarchy (TEST_ROLES): every user below the manager's role, the inactive one included.
    team: ['0055g00000Rep01AAB', '0055g00000Rep04AAB', '0055g00000Rep05AAB', '0055g00000Rep06AAB'],
  },
  {
    token: `${TEST_ORG_ID.slice(0, 15)}!AQ4AQAuditorSessionToken`,
    userId: '0055g00000Aud03AAB',
    name: 'Alex Auditor',
    email: 'alex@acme.example',
    orgId: TEST_ORG_ID,
    viewAll: true,
    team: [],
  },
  {
    token: `${TEST_ORG_ID.slice(0, 15)}!AQ4AQSecondRepSessionToken`,
    userId: '0055g00000Rep04AAB',
    name: 'Sam Seller',
    email: 'sam@acme.example',
    orgId: TEST_ORG_ID,
    viewAll: false,
    team: [],
  },
  {
    token: `${TEST_ORG_ID.slice(0, 15)}!AQ4AQThirdRepSessionToken`,
    userId: '0055g00000Rep05AAB',
    name: 'Robin Closer',
    email: 'robin@acme.example',
    orgId: TEST_ORG_ID,
    viewAll: false,
    team: [],
  },
];

const ROLE = {
  ceo: '00E5g000000RCeoEAG',
  managerWest: '00E5g000000RMgWEAW',
  fieldWest: '00E5g000000RFsWEAW',
  repWest: '00E5g000000RRpWEAW',
  closerWest: '00E5g000000RClWEAW',
  managerEast: '00E5g000000RMgEEAW',
  repEast: '00E5g000000RRpEEAW',
  revOps: '00E5g000000ROpsEAG',
};

/**
 * The org's role hierarchy as `UserRole` rows: CEO above Sales Manager West (the test manager) and
 * East and RevOps (the auditor); below the manager, Closer West directly and Sales Rep West two levels
 * down, through Field Sales West, a role no one holds.
 */
export const TEST_ROLES: Record<string, unknown>[] = [
  { Id: ROLE.ceo, Name: 'CEO', ParentRoleId: null },
  { Id: ROLE.managerWest, Name: 'Sales Manager West', ParentRoleId: ROLE.ceo },
  { Id: ROLE.fieldWest, Name: 'Field Sales West', ParentRoleId: ROLE.managerWest },
  { Id: ROLE.repWest, Name: 'Sales Rep West', ParentRoleId: ROLE.fieldWest },
  { Id: ROLE.closerWest, Name: 'Closer West', ParentRoleId: ROLE.managerWest },
  { Id: ROLE.managerEast, Name: 'Sales Manager East', ParentRoleId: ROLE.ceo },
  { Id: ROLE.repEast, Name: 'Sales Rep East', ParentRoleId: ROLE.managerEast },
  { Id: ROLE.revOps, Name: 'Revenue Operations', ParentRoleId: ROLE.ceo },
];

/** The org's users as `User` rows: the sessions' users, an inactive rep, and an East team without sessions. */
export const TEST_USERS: Record<string, unknown>[] = [
  { Id: '0055g00000Rep01AAB', Name: 'Dana Rep', UserRoleId: ROLE.repWest, IsActive: true },
  { Id: '0055g00000Mgr02AAB', Name: 'Morgan Manager', UserRoleId: ROLE.managerWest, IsActive: true },
  { Id: '0055g00000Aud03AAB', Name: 'Alex Auditor', UserRoleId: ROLE.revOps, IsActive: true },
  { Id: '0055g00000Rep04AAB', Name: 'Sam Seller', UserRoleId: ROLE.repWest, IsActive: true },
  { Id: '0055g00000Rep05AAB', Name: 'Robin Closer', UserRoleId: ROLE.closerWest, IsActive: true },
  { Id: '0055g00000Rep06AAB', Name: 'Lee Former', UserRoleId: ROLE.repWest, IsActive: false },
  { Id: '0055g00000Rep07AAB', Name: 'Eve East', UserRoleId: ROLE.repEast, IsActive: true },
  { Id: '0055g00000Mgr08AAB', Name: 'Jo Eastman', UserRoleId: ROLE.managerEast, IsActive: true },
];

/** Opportunity fields the test org has, besides CurrencyIsoCode (multi-currency orgs only). */
export const OPPORTUNITY_FIELDS = [
  'Id',
  'Name',
  'StageName',
  'Amount',
  'CloseDate',
  'OwnerId',
  'IsClosed',
  'IsWon',
  'LastModifiedDate',
  'LeadSource',
  'Type',
  'CampaignId',
  'Product_Line__c',
];

/** Parent records reachable from an opportunity (`Owner.Name`, `Campaign.Name`). */
export const OPPORTUNITY_PARENTS: Record<
  string,
  { idField: string; type: string; records: Record<string, Record<string, unknown>> }
> = {
  Owner: {
    idField: 'OwnerId',
    type: 'User',
    records: Object.fromEntries(TEST_SESSIONS.map((session) => [session.userId, { Name: session.name }])),
  },
  Campaign: {
    idField: 'CampaignId',
    type: 'Campaign',
    records: { '7015g000000Cmp1AAC': { Name: 'Spring Webinar' } },
  },
};

/** The test org's opportunities, keyed by 18-character id (checksums valid). */
export const TEST_OPPORTUNITIES: Record<string, Record<string, unknown>> = {
  '0065g00000AbCdEAAV': {
    Id: '0065g00000AbCdEAAV',
    Name: 'Acme — 500 seats',
    StageName: 'Negotiation',
    Amount: 120000,
    CurrencyIsoCode: 'EUR',
    CloseDate: '2026-06-30',
    OwnerId: '0055g00000Rep01AAB',
    IsClosed: false,
    IsWon: false,
    LastModifiedDate: '2026-05-04T16:20:00.000+0000',
    LeadSource: 'Web',
    Type: 'New Business',
    CampaignId: '7015g000000Cmp1AAC',
    Product_Line__c: 'Platform',
  },
  '0065g00000XyZ12AAF': {
    Id: '0065g00000XyZ12AAF',
    Name: 'Globex renewal',
    StageName: 'Closed Won',
    Amount: null,
    CurrencyIsoCode: 'USD',
    CloseDate: '2026-03-31',
    OwnerId: '0055g00000Rep01AAB',
    IsClosed: true,
    IsWon: true,
    LastModifiedDate: '2026-04-01T08:00:00.000+0000',
    LeadSource: null,
    Type: 'Existing Business',
    CampaignId: null,
    Product_Line__c: null,
  },
  // The Lightning fixture app's opportunities (tests/support/browser/lightning-app-records.ts), with values
  // that differ from what the page shows, so that a test can tell the API's reading from the page's.
  '006Ak00002GLBXaIAP': {
    Id: '006Ak00002GLBXaIAP',
    Name: 'Globex — Data Platform Renewal (org record)',
    StageName: 'Negotiation/Review',
    Amount: 1400000,
    CurrencyIsoCode: 'EUR',
    CloseDate: '2027-02-28',
    OwnerId: '0055g00000Rep01AAB',
    IsClosed: false,
    IsWon: false,
    LastModifiedDate: '2026-11-20T08:15:00.000+0000',
    LeadSource: 'Partner Referral',
    Type: 'Existing Business',
    CampaignId: '7015g000000Cmp1AAC',
    Product_Line__c: 'Data Platform',
  },
  '006Ak00002InTcEIAV': {
    Id: '006Ak00002InTcEIAV',
    Name: 'Initech — 400 Seat Expansion (org record)',
    StageName: 'Needs Analysis',
    Amount: 96000,
    CurrencyIsoCode: 'USD',
    CloseDate: '2027-04-15',
    OwnerId: '0055g00000Rep01AAB',
    IsClosed: false,
    IsWon: false,
    LastModifiedDate: '2026-11-18T12:00:00.000+0000',
    LeadSource: 'Web',
    Type: 'New Business',
    CampaignId: null,
    Product_Line__c: null,
  },
};
