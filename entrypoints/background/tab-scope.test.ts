import { lightningSnapshot } from '../../tests/unit/helpers/deal-snapshots';
import { createInMemoryBackground } from '../../tests/unit/helpers/in-memory-background';
import { draftStorageKey } from '../../lib/drafts/unsaved-draft';
import { MessageType } from '../../lib/messaging/protocol-names';
import { dropExpiredDrafts } from './draft-handlers';
import { RECENT_DEAL_OPENS_KEY } from './rescore-handlers';

const ID_A = '006Dn00000AbCdEIAV';
const ID_B = '006Dn00000XyZwVIAV';
const deal = (id: string) => lightningSnapshot({ recordId: id });
const DEAL_A = deal(ID_A).dealKey;
const DEAL_B = deal(ID_B).dealKey;
const NOT_THIS_DEAL = { ok: false, error: { code: 'not-this-deal' } };
const DRAFT = {
  answers: { metrics: { level: 2, evidence: 'CFO named the target' } },
  editedAt: new Date().toISOString(),
};

/** A background with one saved score on each of deals A and B, and a content script on deal A's page. */
async function backgroundWithTwoDeals() {
  const background = createInMemoryBackground();
  await background.sidebar.setRater('dana');
  const state = await background.sidebar.getDealState(DEAL_A);
  if (!state.ok) throw new Error(state.error.message);
  const definitionsHash = state.value.active.hash;
  for (const id of [ID_A, ID_B]) {
    const saved = await background.sidebar.saveScore({
      saveId: crypto.randomUUID(),
      deal: deal(id),
      definitionsHash,
      answers: [],
    });
    expect(saved.ok).toBe(true);
  }
  return { ...background, definitionsHash, onDealA: background.contentScriptAt(deal(ID_A).url) };
}

describe('a content script’s requests are scoped to the deal its page shows', () => {
  it('refuses deal B’s state, history and count to a script on deal A’s page, and answers deal A’s', async () => {
    const { onDealA } = await backgroundWithTwoDeals();
    expect(await onDealA({ type: MessageType.getDealState, dealKey: DEAL_B })).toMatchObject(NOT_THIS_DEAL);
    expect(await onDealA({ type: MessageType.getDealHistory, dealKey: DEAL_B })).toMatchObject(NOT_THIS_DEAL);
    expect(await onDealA({ type: MessageType.countDealHistory, dealKey: DEAL_B })).toMatchObject(
      NOT_THIS_DEAL,
    );

    const own = await onDealA({ type: MessageType.getDealState, dealKey: DEAL_A });
    expect(own.ok && own.value.history.map((score) => score.dealKey)).toEqual([DEAL_A]);
    expect(await onDealA({ type: MessageType.countDealHistory, dealKey: DEAL_A })).toEqual({
      ok: true,
      value: { dealKey: DEAL_A, total: 1 },
    });
  });

  it('refuses to save a score for deal B from deal A’s page, and records nothing', async () => {
    const { onDealA, definitionsHash, sidebar } = await backgroundWithTwoDeals();
    const forged = {
      type: MessageType.saveScore,
      saveId: crypto.randomUUID(),
      deal: deal(ID_B),
      definitionsHash,
      answers: [],
    };
    expect(await onDealA(forged)).toMatchObject(NOT_THIS_DEAL);
    const history = await sidebar.getDealHistory(DEAL_B);
    expect(history.ok && history.value.scores).toHaveLength(1);
  });

  it('refuses every request naming a deal to a script on a page that shows none', async () => {
    const { contentScriptAt } = await backgroundWithTwoDeals();
    const onList = contentScriptAt('https://acme.lightning.force.com/lightning/o/Opportunity/list');
    expect(await onList({ type: MessageType.getDealState, dealKey: DEAL_A })).toMatchObject(NOT_THIS_DEAL);
  });

  it('follows the top frame through in-place navigation by the tab’s URL, and a subframe by its document’s', async () => {
    const { deliverFrom } = await backgroundWithTwoDeals();
    const navigatedToB = { id: 'yardstick-test', url: deal(ID_A).url, tab: { id: 7, url: deal(ID_B).url } };
    const ask = (frameId: number, dealKey: string) =>
      deliverFrom({ ...navigatedToB, frameId }, { type: MessageType.getDealState, dealKey });
    expect(await ask(0, DEAL_B)).toMatchObject({ ok: true });
    expect(await ask(0, DEAL_A)).toMatchObject(NOT_THIS_DEAL);
    expect(await ask(3, DEAL_A)).toMatchObject({ ok: true });
    expect(await ask(3, DEAL_B)).toMatchObject(NOT_THIS_DEAL);
  });

  it('waits for the tab’s in-page navigation to commit before refusing the deal it navigated to', async () => {
    const { deliverFrom, navigatedTabs } = await backgroundWithTwoDeals();
    const stillOnA = {
      id: 'yardstick-test',
      url: deal(ID_A).url,
      tab: { id: 7, url: deal(ID_A).url },
      frameId: 0,
    };
    const askB = () => deliverFrom(stillOnA, { type: MessageType.getDealState, dealKey: DEAL_B });
    expect(await askB()).toMatchObject(NOT_THIS_DEAL);
    navigatedTabs.set(7, deal(ID_B).url);
    expect(await askB()).toMatchObject({ ok: true });
    const thirdDeal = lightningSnapshot({ recordId: '006Dn00000QrStUIAV' }).dealKey;
    expect(await deliverFrom(stillOnA, { type: MessageType.getDealState, dealKey: thirdDeal })).toMatchObject(
      NOT_THIS_DEAL,
    );
  });

  it('keeps, reads and clears drafts only for the deal the page shows', async () => {
    const { onDealA, contentScriptAt, draftCount } = await backgroundWithTwoDeals();
    const onDealB = contentScriptAt(deal(ID_B).url);
    expect(await onDealB({ type: MessageType.storeDraft, dealKey: DEAL_B, draft: DRAFT })).toMatchObject({
      ok: true,
    });
    expect(await onDealA({ type: MessageType.loadDraft, dealKey: DEAL_B })).toMatchObject(NOT_THIS_DEAL);
    expect(await onDealA({ type: MessageType.storeDraft, dealKey: DEAL_B, draft: DRAFT })).toMatchObject(
      NOT_THIS_DEAL,
    );
    expect(await onDealA({ type: MessageType.clearDraft, dealKey: DEAL_B })).toMatchObject(NOT_THIS_DEAL);
    expect(draftCount()).toBe(1);
    expect(await onDealB({ type: MessageType.loadDraft, dealKey: DEAL_B })).toEqual({
      ok: true,
      value: { dealKey: DEAL_B, draft: DRAFT },
    });
  });

  it('keys a custom host’s deal by its config, and gives its page only its own host’s config', async () => {
    const { options, crmHostBrowser, contentScriptAt } = createInMemoryBackground();
    const acme = { urlPattern: 'https://crm\\.acme\\.com/deals/(?<id>\\d+)' };
    const globex = { urlPattern: 'https://crm\\.globex\\.com/deals/(?<id>\\d+)' };
    crmHostBrowser.granted.add('https://crm.acme.com/*');
    crmHostBrowser.granted.add('https://crm.globex.com/*');
    expect((await options.addCustomCrm(acme)).ok).toBe(true);
    expect((await options.addCustomCrm(globex)).ok).toBe(true);
    const onAcmeDeal = contentScriptAt('https://crm.acme.com/deals/7');

    expect(
      await onAcmeDeal({ type: MessageType.getDealState, dealKey: 'generic:crm.acme.com:8' }),
    ).toMatchObject(NOT_THIS_DEAL);
    expect(
      await onAcmeDeal({ type: MessageType.getDealState, dealKey: 'generic:crm.acme.com:7' }),
    ).toMatchObject({
      ok: true,
    });
    const context = await onAcmeDeal({ type: MessageType.getReadingContext });
    expect(context.ok && context.value.customCrms).toEqual([acme]);
    expect(await onAcmeDeal({ type: MessageType.getCustomDealUrls })).toEqual({ ok: true, value: [acme] });
  });
});

describe('setRater from a content script', () => {
  it('sets the first rater, but cannot change one that is set; the options page can', async () => {
    const { contentScriptAt, options, services } = createInMemoryBackground();
    const onDeal = contentScriptAt(deal(ID_A).url);
    expect(await onDeal({ type: MessageType.setRater, rater: 'dana' })).toEqual({
      ok: true,
      value: { rater: 'dana' },
    });
    expect(await onDeal({ type: MessageType.setRater, rater: 'mallory' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect((await services.readRater()).rater).toBe('dana');
    expect(await options.setRater('dana.whitfield')).toMatchObject({ ok: true });
    expect((await services.readRater()).rater).toBe('dana.whitfield');
  });
});

describe('drafts kept by the background', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const editedDaysAgo = (days: number) => ({
    ...DRAFT,
    editedAt: new Date(Date.now() - days * DAY).toISOString(),
  });

  it('drops a draft older than 30 days instead of restoring it', async () => {
    const { sidebar, draftCount } = createInMemoryBackground();
    await sidebar.storeDraft(DEAL_A, editedDaysAgo(31));
    const recent = editedDaysAgo(29);
    await sidebar.storeDraft(DEAL_B, recent);
    expect(await sidebar.loadDraft(DEAL_A)).toBeNull();
    expect(draftCount()).toBe(1);
    expect(await sidebar.loadDraft(DEAL_B)).toEqual(recent);
  });

  it('drops every expired draft at start-up and keeps the rest', async () => {
    const { sidebar, localStorage } = createInMemoryBackground();
    await sidebar.storeDraft(DEAL_A, editedDaysAgo(45));
    await sidebar.storeDraft(DEAL_B, editedDaysAgo(1));
    await localStorage.store.set({ sidebarCollapsed: true });
    expect(await dropExpiredDrafts(localStorage.store, new Date())).toBe(1);
    expect([...localStorage.items.keys()].sort()).toEqual([draftStorageKey(DEAL_B), 'sidebarCollapsed']);
  });

  it('answers an error a rep can read when storage is full, instead of dropping the draft silently', async () => {
    const { sidebar, localStorage } = createInMemoryBackground();
    localStorage.state.full = true;
    const response = await sidebar.storeDraft(DEAL_A, DRAFT);
    expect(response).toMatchObject({ ok: false, error: { code: 'draft-not-kept' } });
    expect(!response.ok && response.error.message).toContain('QUOTA_BYTES quota exceeded');
  });
});

describe('the sidebar frame docked in a CRM tab acts for that tab’s deal only', () => {
  it('reads and saves deal A from deal A’s tab, and is refused deal B', async () => {
    const { dockedFrameIn, definitionsHash, sidebar } = await backgroundWithTwoDeals();
    const inTabA = dockedFrameIn(deal(ID_A).url);
    const own = await inTabA({ type: MessageType.getDealState, dealKey: DEAL_A });
    expect(own.ok).toBe(true);
    expect(await inTabA({ type: MessageType.getDealState, dealKey: DEAL_B })).toMatchObject(NOT_THIS_DEAL);
    const forged = { type: MessageType.saveScore, saveId: crypto.randomUUID(), definitionsHash, answers: [] };
    expect(await inTabA({ ...forged, deal: deal(ID_B) })).toMatchObject(NOT_THIS_DEAL);
    expect(await inTabA({ ...forged, deal: deal(ID_A) })).toMatchObject({ ok: true });
    const countOfB = await sidebar.countDealHistory(DEAL_B);
    expect(countOfB.ok && countOfB.value.total).toBe(1);
  });

  it('remembers the rep’s open of the deal for the popup’s deals to re-score; a page in its own tab does not', async () => {
    const { dockedFrameIn, sidebar, localStorage } = await backgroundWithTwoDeals();
    const opened = () => Object.keys(localStorage.items.get(RECENT_DEAL_OPENS_KEY) ?? {});
    await sidebar.getDealState(DEAL_B);
    await dockedFrameIn(deal(ID_A).url)({ type: MessageType.getDealState, dealKey: DEAL_A });
    await expect.poll(opened).toEqual([DEAL_A]);
  });

  it('may not send the options page’s requests, nor change a rater already set', async () => {
    const { dockedFrameIn } = await backgroundWithTwoDeals();
    const inTabA = dockedFrameIn(deal(ID_A).url);
    expect(await inTabA({ type: MessageType.getSettings })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await inTabA({ type: MessageType.setRater, rater: 'mallory' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});
