import { createRecordRegionFilter, findRegions } from './record-regions';

const REGIONS = ['.header', '[data-field]'];

let view: HTMLElement;

beforeEach(() => {
  document.body.innerHTML = `<div id="view" class="active">
    <div class="header"><h1>Globex</h1><span class="field" data-field="stage">Proposal</span></div>
    <section class="details"><div data-field="amount"><span id="amount">USD 1,000</span></div></section>
    <section class="feed"><article id="item" class="feed-item"><p id="note">Call</p></article></section>
  </div>`;
  view = document.getElementById('view')!;
});

/** The records one change makes, as the watcher's observer receives them. */
async function recordsOf(change: () => void): Promise<MutationRecord[]> {
  const records: MutationRecord[] = [];
  const observer = new MutationObserver((batch) => records.push(...batch));
  observer.observe(view, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeOldValue: true,
    characterData: true,
    characterDataOldValue: true,
  });
  change();
  await new Promise((resolve) => setTimeout(resolve, 0));
  records.push(...observer.takeRecords());
  observer.disconnect();
  return records;
}

const byId = (id: string) => document.getElementById(id)!;

describe('findRegions', () => {
  it('finds the outermost regions only', () => {
    expect(
      findRegions(view, REGIONS).map((region) => region.className || region.getAttribute('data-field')),
    ).toEqual(['header', 'amount']);
  });
});

describe('createRecordRegionFilter', () => {
  it('ignores changes outside the regions', async () => {
    const canChange = createRecordRegionFilter(view, REGIONS);
    const records = await recordsOf(() => {
      byId('item').classList.add('is-highlighted');
      byId('note').textContent = 'Email';
      byId('item').append(document.createElement('p'));
    });
    expect(records.length).toBeGreaterThan(0);
    expect(canChange(records)).toBe(false);
  });

  it('passes changes inside a region', async () => {
    const canChange = createRecordRegionFilter(view, REGIONS);
    expect(canChange(await recordsOf(() => (byId('amount').textContent = 'USD 2,000')))).toBe(true);
  });

  it('passes changes on the view itself and on an ancestor of a region', async () => {
    const canChange = createRecordRegionFilter(view, REGIONS);
    expect(canChange(await recordsOf(() => view.classList.remove('active')))).toBe(true);
    const details = view.querySelector('.details')!;
    expect(canChange(await recordsOf(() => details.setAttribute('hidden', '')))).toBe(true);
  });

  it('passes a region added or removed anywhere in the view', async () => {
    const canChange = createRecordRegionFilter(view, REGIONS);
    const added = document.createElement('div');
    added.innerHTML = '<span data-field="owner">Priya</span>';
    expect(canChange(await recordsOf(() => byId('item').append(added)))).toBe(true);
    const fresh = createRecordRegionFilter(view, REGIONS);
    expect(fresh(await recordsOf(() => view.querySelector('.header')!.remove()))).toBe(true);
  });

  it('ignores an attribute set to the value it had', async () => {
    const canChange = createRecordRegionFilter(view, REGIONS);
    const stage = view.querySelector('.field')!;
    const records = await recordsOf(() => stage.setAttribute('class', 'field'));
    expect(records).toHaveLength(1);
    expect(canChange(records)).toBe(false);
  });

  it('passes every change when the CRM declares no regions or none is found', async () => {
    const records = await recordsOf(() => byId('item').classList.add('is-highlighted'));
    expect(createRecordRegionFilter(view, undefined)(records)).toBe(true);
    expect(createRecordRegionFilter(view, ['.nothing-here'])(records)).toBe(true);
  });
});
