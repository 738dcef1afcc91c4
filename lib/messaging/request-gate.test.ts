import type { Request } from './protocol';
import { MessageType } from './protocol-names';
import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import { gateDealScope, gateRequest, needsPageDeal } from './request-gate';

const HASH = 'a'.repeat(64);
/** A valid request of every type an extension page may send, so that only the sender decides. */
const PAGE_REQUESTS: Request[] = [
  { type: MessageType.getSettings },
  {
    type: MessageType.saveCalibrationScore,
    saveId: '6f1c2a9e-4b7d-4c3e-9a51-2d8f0b7e6c14',
    caseId: 'case-1',
    definitionsHash: HASH,
    answers: [],
  },
  { type: MessageType.importDefinitions, fileName: 'team.json', text: '{}' },
  { type: MessageType.useBuiltInDefinitions },
  { type: MessageType.setDefinitionsUrl, url: 'https://defs.acme.example/team.json' },
  { type: MessageType.syncDefinitionsNow },
  { type: MessageType.setSyncInterval, minutes: 30 },
  { type: MessageType.setRole, role: 'manager' },
  { type: MessageType.setStaleAmountChange, percent: 25 },
  { type: MessageType.setSidebarPlacement, placement: 'over' },
  { type: MessageType.addCustomCrm, config: { urlPattern: 'https://crm\\.acme\\.com/deals/(?<id>\\d+)' } },
  { type: MessageType.removeCustomCrm, urlPattern: 'https://crm\\.acme\\.com/deals/(?<id>\\d+)' },
  { type: MessageType.syncCustomCrms },
  { type: MessageType.backupRestored },
  { type: MessageType.getOrgSyncStatus },
  { type: MessageType.setOrgSync, enabled: true },
  { type: MessageType.sendOrgScoresNow },
  { type: MessageType.connectOrgFromPage, apiOrigin: 'https://acme.my.salesforce.com' },
  { type: MessageType.listDealsToRescore },
];

const self = {
  id: 'abcdefghijklmnopabcdefghijklmnop',
  origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
};
const optionsPage = { id: self.id, url: `${self.origin}/options.html`, origin: self.origin };
const contentScript = {
  id: self.id,
  url: 'https://acme.lightning.force.com/lightning/r/Opportunity/006000000000001AAA/view',
  tab: { id: 3 },
};

describe('the request gate', () => {
  it('has a sample of every page-only request', () => {
    const pageTypes = Object.values(MessageType).filter((type) => type.startsWith('page→'));
    expect(PAGE_REQUESTS.map((request) => request.type).sort()).toEqual(pageTypes.sort());
  });

  it.each(PAGE_REQUESTS.map((request) => [request.type, request] as const))(
    'accepts %s from an extension page and refuses it from a content script as forbidden',
    (type, request) => {
      expect(gateRequest(request, optionsPage, self)).toEqual({
        verdict: 'accept',
        request,
        sender: 'extension-page',
      });
      expect(gateRequest(request, contentScript, self)).toMatchObject({
        verdict: 'refuse',
        error: { code: 'forbidden', message: expect.stringContaining(type) },
      });
    },
  );

  it('refuses a page-only request from a content script even when it is otherwise valid', () => {
    const message = { type: MessageType.setRole, role: 'manager' };
    expect(gateRequest(message, optionsPage, self)).toMatchObject({ verdict: 'accept' });
    expect(gateRequest(message, contentScript, self)).toEqual({
      verdict: 'refuse',
      error: {
        code: 'forbidden',
        message: "page→background:setRole is only accepted from Yardstick's own pages.",
      },
    });
  });

  it('accepts the sidebar’s requests from a content script', () => {
    const message = { type: MessageType.getDealState, dealKey: 'hubspot:1:2' };
    expect(gateRequest(message, contentScript, self)).toEqual({
      verdict: 'accept',
      request: message,
      sender: 'content-script',
    });
    expect(gateRequest({ type: MessageType.setRater, rater: 'priya' }, contentScript, self)).toMatchObject({
      verdict: 'accept',
    });
  });

  it.each([
    ['garbage', 'not a message', 'Rejected an invalid message (message: '],
    ['an unknown type', { type: 'page→background:dropDatabase' }, 'Rejected an invalid message (type: '],
    [
      'a request missing a field',
      { type: MessageType.getDealHistory },
      'Rejected an invalid message (dealKey: ',
    ],
    [
      'a request with a field too many',
      { type: MessageType.getSettings, admin: true },
      'Rejected an invalid message (message: ',
    ],
  ])('refuses %s as an invalid message, naming where', (_what, message, start) => {
    const decision = gateRequest(message, optionsPage, self);
    expect(decision).toMatchObject({ verdict: 'refuse', error: { code: 'invalid-message' } });
    if (decision.verdict === 'refuse') expect(decision.error.message.startsWith(start)).toBe(true);
  });

  it('ignores a message from another extension or a web page, without answering', () => {
    const message = { type: MessageType.getSettings };
    expect(gateRequest(message, { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }, self)).toEqual({
      verdict: 'ignore',
    });
    expect(gateRequest(message, { url: 'https://evil.example/', tab: { id: 1 } }, self)).toEqual({
      verdict: 'ignore',
    });
  });
});

const DEAL_A = 'salesforce-lightning:acme:006000000000001AAA';
const DEAL_B = 'salesforce-lightning:acme:006000000000002AAA';
const DRAFT = {
  answers: { metrics: { level: 2, evidence: 'Saves 4 h a week' } },
  editedAt: '2026-11-22T10:00:00.000Z',
};
/** Every request that names a deal, each naming deal B. */
const DEAL_B_REQUESTS: Request[] = [
  { type: MessageType.getDealState, dealKey: DEAL_B },
  { type: MessageType.getDealHistory, dealKey: DEAL_B },
  { type: MessageType.countDealHistory, dealKey: DEAL_B },
  {
    type: MessageType.saveScore,
    saveId: '6f1c2a9e-4b7d-4c3e-9a51-2d8f0b7e6c14',
    deal: lightningSnapshot({ recordId: '006000000000002AAA' }),
    definitionsHash: HASH,
    answers: [],
  },
  { type: MessageType.loadDraft, dealKey: DEAL_B },
  { type: MessageType.storeDraft, dealKey: DEAL_B, draft: DRAFT },
  { type: MessageType.clearDraft, dealKey: DEAL_B },
];

describe('the deal scope of content scripts’ requests', () => {
  const gateBoth = (
    request: Request,
    sender: typeof contentScript | typeof optionsPage,
    pageDeal: string | null,
  ) => gateDealScope(gateRequest(request, sender, self), pageDeal);

  it.each(DEAL_B_REQUESTS.map((request) => [request.type, request] as const))(
    'refuses %s for deal B from a content script whose page shows deal A',
    (type, request) => {
      expect(needsPageDeal(gateRequest(request, contentScript, self))).toBe(true);
      expect(gateBoth(request, contentScript, DEAL_A)).toEqual({
        verdict: 'refuse',
        error: { code: 'not-this-deal', message: `${type} names a deal other than the one its page shows.` },
      });
      expect(gateBoth(request, contentScript, null)).toMatchObject({
        verdict: 'refuse',
        error: { code: 'not-this-deal' },
      });
    },
  );

  it.each(DEAL_B_REQUESTS.map((request) => [request.type, request] as const))(
    'accepts %s for the deal the page shows, and for any deal from an extension page',
    (_type, request) => {
      expect(gateBoth(request, contentScript, DEAL_B)).toMatchObject({ verdict: 'accept' });
      expect(needsPageDeal(gateRequest(request, optionsPage, self))).toBe(false);
      expect(gateBoth(request, optionsPage, DEAL_A)).toMatchObject({ verdict: 'accept' });
    },
  );

  it('leaves requests that name no deal alone', () => {
    const request = { type: MessageType.getSidebarStart };
    expect(needsPageDeal(gateRequest(request, contentScript, self))).toBe(false);
    expect(gateBoth(request, contentScript, null)).toMatchObject({ verdict: 'accept' });
  });
});
