import { loadFixture } from '../../tests/unit/helpers/load-fixture';
import { BUILT_IN_PAGE_READERS } from './built-in-page-readers';
import type { BuiltInCrmId } from './crm-declaration';
import { DealSnapshotSchema, type DealSnapshot } from './deal-snapshot';
import { labelCandidates, SIDEBAR_DOCK_ATTRIBUTE, valueByLabel } from './page-fallbacks';

const NOW = new Date('2026-11-02T09:30:00.000Z');
const GUID = '7c1d3a52-9e1b-ee11-8f6d-000d3a4b5c6d';
const DYNAMICS = `https://contoso.crm4.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=${GUID}`;

function readReady(
  crm: BuiltInCrmId,
  fixture: string | Document,
  url: string,
  captureFields?: string[],
): DealSnapshot {
  const doc = typeof fixture === 'string' ? loadFixture(`${crm}/${fixture}`) : fixture;
  const reading = BUILT_IN_PAGE_READERS[crm].read(doc, url, NOW, { captureFields });
  if (reading.status !== 'ready') throw new Error(`expected ready, got ${reading.status}`);
  return DealSnapshotSchema.parse(reading.snapshot);
}

const texts = (snapshot: DealSnapshot) => ({
  name: snapshot.name.text,
  stage: snapshot.stage.text,
  amount: snapshot.amount.text,
  closeDate: snapshot.closeDate.text,
  owner: snapshot.owner.text,
});

describe('the shared fallbacks, on markup the CRM adapters were not written against', () => {
  it('read a Pipedrive deal with a plain <h1>, not the heading of a dialog, and say how', () => {
    const snapshot = readReady(
      'pipedrive',
      'deal-redesign-plain-heading.html',
      'https://acme.pipedrive.com/deal/2077',
      ['lead_source'],
    );
    expect(texts(snapshot)).toEqual({
      name: 'Acme — Warehouse Rollout',
      stage: 'Proposal made',
      amount: '€12,500',
      closeDate: 'March 31, 2027',
      owner: 'Ana Ruiz',
    });
    expect(snapshot.name.strategy).toBe('from the page heading');
    expect(snapshot.stage.strategy).toBe('from the field labelled “Stage”');
    expect(snapshot.amount).toMatchObject({ value: 12500, currency: 'EUR' });
    expect(snapshot.closeDate.iso).toBe('2027-03-31');
    expect(snapshot.segments).toEqual({
      lead_source: { text: 'Webinar', strategy: 'from the field labelled “Lead Source”' },
    });
  });

  it('read a Pipedrive deal whose fields are labelled form controls, in German', () => {
    const snapshot = readReady(
      'pipedrive',
      'deal-redesign-form.html',
      'https://mueller.pipedrive.com/deal/311',
    );
    expect(texts(snapshot)).toEqual({
      name: 'Müller — Servicevertrag',
      stage: 'Angebot gemacht',
      amount: '8.400,00 €',
      closeDate: '15.04.2027',
      owner: 'Jonas Weber',
    });
    expect(snapshot.closeDate.iso).toBe('2027-04-15');
  });

  it('read a HubSpot deal from a plain heading and a table of properties', () => {
    const snapshot = readReady(
      'hubspot',
      'deal-redesign-table.html',
      'https://app.hubspot.com/contacts/2451127/record/0-3/18234567891',
    );
    expect(texts(snapshot)).toEqual({
      name: 'Initech — Support Renewal',
      stage: 'Contract sent',
      amount: '$48,000.00',
      closeDate: '06/30/2027',
      owner: 'Maya Chen',
    });
  });

  it('name a HubSpot deal from the document title when the page shows no name, and say so', () => {
    const url = 'https://app-eu1.hubspot.com/contacts/2451127/record/0-3/18234567892';
    const snapshot = readReady('hubspot', 'deal-redesign-title-only.html', url);
    expect(snapshot.name).toEqual({ text: 'Umbrella — Pilot Extension', strategy: 'from the page title' });
    expect(texts(snapshot)).toMatchObject({
      stage: 'Appointment scheduled',
      amount: '$9,900.00',
      owner: 'Leo Park',
    });
    expect(snapshot.closeDate.text).toBeNull();
  });

  it('read a Dynamics 365 form without data-id attributes', () => {
    const snapshot = readReady('dynamics365', 'opportunity-redesign-plain.html', DYNAMICS);
    expect(texts(snapshot)).toEqual({
      name: 'Contoso — Fleet Upgrade',
      stage: 'Propose',
      amount: '$310,000.00',
      closeDate: '9/30/2027',
      owner: 'Grace Liu',
    });
  });

  it('read a Dynamics 365 form with labelled controls, never the open dialog’s', () => {
    const snapshot = readReady('dynamics365', 'opportunity-redesign-controls.html', DYNAMICS);
    expect(texts(snapshot)).toEqual({
      name: 'Fabrikam — Wartung',
      stage: null,
      amount: '12.000,00 €',
      closeDate: null,
      owner: 'Lena Vogt',
    });
  });

  it('read a Lightning record from its active view, never the hidden cached one', () => {
    const url = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000RdsGnAAJ/view';
    const snapshot = readReady('salesforce-lightning', 'opportunity-redesign-plain-heading.html', url);
    expect(snapshot.recordId).toBe('0065e00000RdsGnAAJ');
    expect(texts(snapshot)).toEqual({
      name: 'Soylent — Expansion',
      stage: 'Negotiation/Review',
      amount: 'USD 75,000.00',
      closeDate: '12/15/2027',
      owner: 'Priya Raman',
    });
  });

  it('read a Lightning record with an ARIA heading and label pairs, never the preview dialog’s', () => {
    const url = 'https://acme.lightning.force.com/lightning/r/Opportunity/0065e00000RdsPl/view';
    const snapshot = readReady('salesforce-lightning', 'opportunity-redesign-heading-role.html', url);
    expect(snapshot.recordId).toBe('0065e00000RdsPlAAJ');
    expect(texts(snapshot)).toEqual({
      name: 'Tyrell — Replicant Fleet',
      stage: 'Qualification',
      amount: 'USD 1,000,000.00',
      closeDate: null,
      owner: 'Rick Deckard',
    });
  });

  it('read a Classic page without its usual classes', () => {
    const url = 'https://acme.my.salesforce.com/0065e00000ClsRdAAJ';
    const snapshot = readReady('salesforce-classic', 'opportunity-redesign-plain.html', url);
    expect(texts(snapshot)).toEqual({
      name: 'Cyberdyne — Research Grant',
      stage: 'Id. Decision Makers',
      amount: 'USD 220,000.00',
      closeDate: '8/1/2027',
      owner: 'Miles Dyson',
    });
  });

  it('read a Classic page in French from a description list', () => {
    const url = 'https://acme.my.salesforce.com/0065e00000ClsDl';
    const snapshot = readReady('salesforce-classic', 'opportunity-redesign-list.html', url);
    expect(snapshot.recordId).toBe('0065e00000ClsDlAAJ');
    expect(texts(snapshot)).toEqual({
      name: 'Oscorp — Contrat',
      stage: 'Négociation',
      amount: 'EUR 50 000,00',
      closeDate: null,
      owner: 'Norman Osborn',
    });
  });

  it('keep waiting while the active view has no single main heading and the CRM’s header is missing', () => {
    const doc = loadFixture('pipedrive/deal-redesign-plain-heading.html');
    doc.querySelector('main h1')?.remove();
    const reading = BUILT_IN_PAGE_READERS.pipedrive.read(doc, 'https://acme.pipedrive.com/deal/2077', NOW);
    expect(reading.status).toBe('waiting-for-header');
  });
});

describe('the shared fallbacks and Yardstick’s own sidebar', () => {
  it('never read what is inside the sidebar dock, even when its shadow root is open', () => {
    const doc = loadFixture('pipedrive/deal-redesign-plain-heading.html');
    doc.querySelector('.DealFields')?.remove();
    const host = doc.createElement('div');
    host.setAttribute(SIDEBAR_DOCK_ATTRIBUTE, '');
    host.attachShadow({ mode: 'open' }).innerHTML =
      '<h1>Other — Deal</h1><dl><dt>Stage</dt><dd>Unknown</dd><dt>Owner</dt><dd>Unknown</dd></dl>';
    doc.body.append(host);
    const snapshot = readReady('pipedrive', doc, 'https://acme.pipedrive.com/deal/2077');
    expect(snapshot.name.text).toBe('Acme — Warehouse Rollout');
    expect(snapshot.stage.text).toBeNull();
    expect(snapshot.owner.text).toBeNull();
  });
});

describe('valueByLabel and the label candidates a reading shares', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('takes only short texts as labels, and looks a field up in the candidates it is given', () => {
    const longLabel = `Stage ${'x'.repeat(60)}`;
    document.body.innerHTML = `<main id="view"><dl><dt>Stage</dt><dd>Propose</dd></dl><div><span>${longLabel}</span><span>Closed</span></div></main>`;
    const view = document.getElementById('view')!;
    const candidates = labelCandidates(view);
    expect(candidates.map((candidate) => candidate.text)).toEqual(['Stage', 'Closed']);
    expect(valueByLabel(view, ['Stage'])?.text).toBe('Propose');
    expect(valueByLabel(view, ['Stage'], () => candidates)?.text).toBe('Propose');
    expect(valueByLabel(view, ['Stage'], () => [])).toBeNull();
  });
});
