/** One CRM's fixture app as the e2e tests drive it (see each app's header comment in tests/fixtures). */
export interface CrmApp {
  /** The CRM as the sidebar names it in test titles. */
  title: string;
  /** A real host of that CRM, routed to the fixture. */
  origin: string;
  /** The `window` property of the fixture's test hook (`navigate(pathAndQuery)`). */
  hook: string;
  /** Three deals, in the order the tests visit them. */
  deals: readonly { path: string; name: string; dealKey: string }[];
  /** Pages of the same host that are not deals. */
  nonDeals: readonly string[];
  /** A deal page whose header never renders. */
  missingDeal: string;
  /** Single-page navigation, or full page loads only (Classic). */
  singlePage: boolean;
  /** The captureFields the third deal's page shows (the built-in definitions capture four). */
  thirdDealSegments: Readonly<Record<string, string | null>>;
}

/** The captureFields of the built-in definitions, none of them shown on the page. */
const NO_SEGMENTS = { lead_source: null, campaign: null, product_line: null, type: null };

const NAMES = [
  'Globex — Data Platform Renewal',
  'Initech — 400 Seat Expansion',
  'Umbrella Corp — Pilot',
] as const;
const deals = (paths: readonly string[], keys: readonly string[]) =>
  paths.map((path, index) => ({ path, name: NAMES[index]!, dealKey: keys[index]! }));

const CLASSIC_IDS = ['006Dn00000GlbxAIAR', '006Dn00000IntcBIAR', '006Dn00000UmbrCIAR'];
const HUBSPOT_IDS = ['18234567890', '18234567891', '18234567892'];
const DYNAMICS_IDS = [
  '7c1d3a52-9e1b-ee11-8f6d-000d3a4b5c6d',
  '8d2e4b63-af2c-ee11-8f6d-000d3a4b5c6d',
  '9e3f5c74-b03d-ee11-8f6d-000d3a4b5c6d',
];
const DYNAMICS_APP = '2f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c';
const PIPEDRIVE_IDS = ['1042', '1043', '1044'];
const GENERIC_IDS = ['42', '43', '44'];

/** Salesforce Classic: the 15-character ids Classic links use; scores share Lightning's deal key. */
export const CLASSIC: CrmApp = {
  title: 'Salesforce Classic',
  origin: 'https://acme.my.salesforce.com',
  hook: 'yardstickClassicApp',
  deals: deals(
    CLASSIC_IDS.map((id) => `/${id.slice(0, 15)}`),
    CLASSIC_IDS.map((id) => `salesforce-lightning:acme:${id}`),
  ),
  nonDeals: ['/006/o', '/001Dn00000GlbxAIAR', '/home/home.jsp'],
  missingDeal: '/006Dn00000NoRecIAF',
  singlePage: false,
  thirdDealSegments: { ...NO_SEGMENTS, lead_source: 'Trade Show', type: 'New Business' },
};

export const HUBSPOT: CrmApp = {
  title: 'HubSpot',
  origin: 'https://app.hubspot.com',
  hook: 'yardstickHubSpotApp',
  deals: deals(
    [
      `/contacts/2451127/record/0-3/${HUBSPOT_IDS[0]}`,
      `/contacts/2451127/deal/${HUBSPOT_IDS[1]}`,
      `/contacts/2451127/record/0-3/${HUBSPOT_IDS[2]}`,
    ],
    HUBSPOT_IDS.map((id) => `hubspot:2451127:${id}`),
  ),
  nonDeals: [
    '/contacts/2451127/record/0-1/5101',
    '/contacts/2451127/objects/0-3/views/all/list',
    '/reports-dashboard/2451127/view/1',
  ],
  missingDeal: '/contacts/2451127/record/0-3/18234567899',
  singlePage: true,
  thirdDealSegments: { ...NO_SEGMENTS, type: 'New Business' },
};

export const DYNAMICS: CrmApp = {
  title: 'Dynamics 365',
  origin: 'https://acme.crm4.dynamics.com',
  hook: 'yardstickDynamicsApp',
  deals: deals(
    [
      `/main.aspx?appid=${DYNAMICS_APP}&pagetype=entityrecord&etn=opportunity&id=${DYNAMICS_IDS[0]}`,
      // Parameter order varies and the id may come braced and encoded.
      `/main.aspx?etn=opportunity&id=%7B${DYNAMICS_IDS[1]!.toUpperCase()}%7D&pagetype=entityrecord&appid=${DYNAMICS_APP}`,
      `/main.aspx?appid=${DYNAMICS_APP}&pagetype=entityrecord&etn=opportunity&id=${DYNAMICS_IDS[2]}`,
    ],
    DYNAMICS_IDS.map((id) => `dynamics365:acme.crm4.dynamics.com:${id}`),
  ),
  nonDeals: [
    `/main.aspx?appid=${DYNAMICS_APP}&pagetype=entitylist&etn=opportunity`,
    `/main.aspx?appid=${DYNAMICS_APP}&pagetype=dashboard`,
    `/main.aspx?appid=${DYNAMICS_APP}&pagetype=entityrecord&etn=account&id=a1a1a1a1-b2b2-ee11-8f6d-000d3a4b5c6d`,
    `/main.aspx?appid=${DYNAMICS_APP}&pagetype=entityrecord&etn=opportunity`,
  ],
  missingDeal: `/main.aspx?appid=${DYNAMICS_APP}&pagetype=entityrecord&etn=opportunity&id=11111111-2222-4333-8444-555555555555`,
  singlePage: true,
  thirdDealSegments: NO_SEGMENTS,
};

export const PIPEDRIVE: CrmApp = {
  title: 'Pipedrive',
  origin: 'https://acme.pipedrive.com',
  hook: 'yardstickPipedriveApp',
  deals: deals(
    PIPEDRIVE_IDS.map((id) => `/deal/${id}`),
    PIPEDRIVE_IDS.map((id) => `pipedrive:acme:${id}`),
  ),
  nonDeals: ['/pipeline/1/user/everyone', '/person/501', '/activities/list'],
  missingDeal: '/deal/9999',
  singlePage: true,
  thirdDealSegments: NO_SEGMENTS,
};

/** The self-hosted CRM of tests/fixtures/generic/generic-app.html, added as a custom host. */
export const GENERIC: CrmApp = {
  title: 'a custom CRM host',
  origin: 'https://crm.example.com',
  hook: 'yardstickGenericApp',
  deals: deals(
    GENERIC_IDS.map((id) => `/deals/${id}`),
    GENERIC_IDS.map((id) => `generic:crm.example.com:${id}`),
  ),
  nonDeals: ['/deals', '/contacts/7', '/dashboard'],
  missingDeal: '/deals/999',
  singlePage: true,
  thirdDealSegments: NO_SEGMENTS,
};

/** The generic adapter config for GENERIC, as its fixture's header comment gives it. */
export const GENERIC_CONFIG = {
  urlPattern: 'https://crm\\.example\\.com/deals/(?<id>\\d+)',
  selectors: {
    name: 'h1.deal-title',
    stage: '[data-field="stage"]',
    amount: '[data-field="amount"]',
    closeDate: '[data-field="close_date"] time',
    owner: '[data-field="owner"]',
  },
};
