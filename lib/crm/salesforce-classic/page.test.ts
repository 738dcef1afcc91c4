import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DealReading } from '../crm-adapter';
import { DealSnapshotSchema, type DealSnapshot } from '../deal-snapshot';
import { isOpportunityId, toCanonicalSalesforceId } from '../salesforce-id';
import { salesforceClassicAdapter } from './page';
import { loadFixture } from '../../../tests/unit/helpers/load-fixture';

const HOST = 'https://acme.my.salesforce.com';
const NOW = new Date('2026-11-02T09:30:00.000Z');
const SEGMENTS = ['lead_source', 'campaign', 'product_line', 'type'];

function read(fixture: string, url: string, captureFields?: string[]): DealReading {
  return salesforceClassicAdapter.read(loadFixture(`salesforce-classic/${fixture}`), url, NOW, {
    captureFields,
  });
}

function readReady(fixture: string, id: string, captureFields?: string[]): DealSnapshot {
  const reading = read(fixture, `${HOST}/${id}`, captureFields);
  if (reading.status !== 'ready') throw new Error(`expected ready, got ${reading.status}`);
  return DealSnapshotSchema.parse(reading.snapshot);
}

function docFrom(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('salesforceClassicAdapter.read on fixture pages', () => {
  it('reads every field of a detail page with inline editing, and the segment fields asked for', () => {
    const snapshot = readReady('opportunity-detail.html', '006Dn00000CLdtl', SEGMENTS);
    expect(snapshot).toEqual({
      crm: 'salesforce-classic',
      instance: 'acme',
      recordId: '006Dn00000CLdtlIAD',
      dealKey: 'salesforce-lightning:acme:006Dn00000CLdtlIAD',
      url: `${HOST}/006Dn00000CLdtl`,
      name: { text: 'Globex — Data Platform Renewal', strategy: 'page-title.description' },
      stage: { text: 'Proposal/Price Quote', strategy: 'inline-edit.opp11' },
      amount: { text: 'USD 1,250,000.00', strategy: 'inline-edit.opp7', value: 1_250_000, currency: 'USD' },
      closeDate: { text: '1/31/2027', strategy: 'inline-edit.opp9', iso: '2027-01-31' },
      owner: { text: 'Priya Raman', strategy: 'detail.owner-link:Opportunity Owner' },
      segments: {
        lead_source: { text: 'Partner Referral', strategy: 'inline-edit.opp6' },
        campaign: { text: 'Q4 Partner Summit', strategy: 'inline-edit.opp17' },
        product_line: { text: 'Data Platform', strategy: 'detail.label:Product Line' },
        type: { text: 'Existing Customer - Upgrade', strategy: 'inline-edit.opp5' },
      },
      readAt: '2026-11-02T09:30:00.000Z',
    });
  });

  it('reads a page without inline editing by its labels, leaving out help text and the converted amount', () => {
    const snapshot = readReady('opportunity-detail-no-inline-edit.html', '006Dn00000CLnieIAD', ['type']);
    expect(snapshot.name).toEqual({
      text: 'Initech — 400 Seat Expansion',
      strategy: 'page-title.description',
    });
    expect(snapshot.stage).toEqual({ text: 'Qualification', strategy: 'detail.label:Stage' });
    expect(snapshot.amount).toEqual({
      text: 'EUR 480,000.00 (USD 520,800.00)',
      strategy: 'detail.label:Amount',
      value: 480_000,
      currency: 'EUR',
    });
    expect(snapshot.closeDate).toEqual({
      text: '3/15/2027',
      strategy: 'detail.label:Close Date',
      iso: '2027-03-15',
    });
    expect(snapshot.owner).toEqual({ text: 'Marcus Lee', strategy: 'detail.owner-link:Opportunity Owner' });
    expect(snapshot.segments).toEqual({ type: { text: 'New Business', strategy: 'detail.label:Type' } });
  });

  it('reports fields the layout does not show, and an empty one, as unknown', () => {
    const snapshot = readReady('opportunity-missing-fields.html', '006Dn00000CLmisIAD', ['lead_source']);
    expect(snapshot.name.text).toBe('Hooli — Exploratory Call');
    expect(snapshot.stage).toEqual({ text: 'Prospecting', strategy: 'inline-edit.opp11' });
    expect(snapshot.owner.text).toBe('Sam Okafor');
    expect(snapshot.amount).toEqual({ text: null, strategy: null, value: null, currency: null });
    expect(snapshot.closeDate).toEqual({ text: null, strategy: null, iso: null });
    expect(snapshot.segments).toEqual({ lead_source: { text: null, strategy: null } });
  });

  it('reads a German page: German labels, euro amount with German separators, day-first date', () => {
    const snapshot = readReady('opportunity-locale-de.html', '006Dn00000CLdeuIAD', ['lead_source', 'type']);
    expect(snapshot.name.text).toBe('Müller Maschinenbau — Wartungsvertrag');
    expect(snapshot.stage).toEqual({ text: 'Verhandlung/Überprüfung', strategy: 'inline-edit.opp11' });
    expect(snapshot.amount).toEqual({
      text: 'EUR 1.250.000,00',
      strategy: 'detail.label:Betrag',
      value: 1_250_000,
      currency: 'EUR',
    });
    expect(snapshot.closeDate).toEqual({
      text: '31.01.2027',
      strategy: 'detail.label:Schlusstermin',
      iso: '2027-01-31',
    });
    expect(snapshot.owner).toEqual({
      text: 'Jürgen Weiß',
      strategy: 'detail.owner-link:Opportunity-Inhaber',
    });
    expect(snapshot.segments).toEqual({
      lead_source: { text: 'Messe', strategy: 'detail.label:Lead-Quelle' },
      type: { text: 'Bestandskunde – Erweiterung', strategy: 'detail.label:Typ' },
    });
  });

  it('falls back to the opportunity name field, then the document title, when the title bar names nothing', () => {
    const page = (
      rows: string,
    ) => `<html><head><title>Opportunity: Acme — Pilot ~ Salesforce - Enterprise Edition</title></head>
      <body><div class="bPageTitle"><h1 class="pageType">Opportunity</h1><h2 class="pageDescription"> </h2></div>
      <div class="bDetailBlock" id="ep"><table class="detailList">${rows}</table></div></body></html>`;
    const url = `${HOST}/006Dn00000CLdtl`;
    const withField = salesforceClassicAdapter.read(
      docFrom(
        page(
          '<tr><td class="labelCol">Opportunity Name</td><td class="dataCol">Acme — Pilot (field)</td></tr>',
        ),
      ),
      url,
      NOW,
    );
    const withTitleOnly = salesforceClassicAdapter.read(docFrom(page('')), url, NOW);
    if (withField.status !== 'ready' || withTitleOnly.status !== 'ready') throw new Error('expected ready');
    expect(withField.snapshot.name).toEqual({
      text: 'Acme — Pilot (field)',
      strategy: 'detail.label:Opportunity Name',
    });
    expect(withTitleOnly.snapshot.name).toEqual({ text: 'Acme — Pilot', strategy: 'document.title' });
  });

  it('waits while the page shows neither title bar nor detail block (an error page)', () => {
    const doc = docFrom('<body><div class="pbBody"><h2>Data Not Available</h2></div></body>');
    expect(salesforceClassicAdapter.read(doc, `${HOST}/006Dn00000NoRec`, NOW)).toEqual({
      status: 'waiting-for-header',
      recordId: '006Dn00000NoRecIAF',
      dealKey: 'salesforce-lightning:acme:006Dn00000NoRecIAF',
      instance: 'acme',
    });
  });
});

describe('salesforceClassicAdapter.read on URLs', () => {
  const doc = () => loadFixture('salesforce-classic/opportunity-detail.html');

  it('says tabs, list views, other objects, edit pages and other hosts are not deals', () => {
    for (const url of [
      `${HOST}/006/o`,
      `${HOST}/006?fcf=00BDn000004Recnt`,
      `${HOST}/006/e?retURL=%2F006%2Fo`,
      `${HOST}/006Dn00000CLdtl/e`,
      `${HOST}/001Dn00000GlbxA`,
      `${HOST}/home/home.jsp`,
      'https://acme.lightning.force.com/006Dn00000CLdtl',
      'https://na123.salesforce.com/006Dn00000CLdtl',
    ]) {
      expect(salesforceClassicAdapter.read(doc(), url, NOW)).toEqual({ status: 'not-a-deal' });
    }
  });

  it('reports an invalid record id for garbage and for a wrong checksum', () => {
    for (const raw of ['006abc', '006Dn00000CLdtlAAA', '006Dn00000CLdtlIADX']) {
      expect(salesforceClassicAdapter.read(doc(), `${HOST}/${raw}`, NOW)).toEqual({
        status: 'invalid-record-id',
        rawRecordId: raw,
      });
    }
  });

  it('keys a sandbox and the 18-character id to the same deal key as Lightning shows for that org', () => {
    const reading = salesforceClassicAdapter.read(
      doc(),
      'https://Acme--UAT.sandbox.my.salesforce.com/006Dn00000CLdtlIAD',
      NOW,
    );
    if (reading.status !== 'ready') throw new Error(reading.status);
    expect(reading.snapshot.instance).toBe('acme--uat');
    expect(reading.snapshot.dealKey).toBe('salesforce-lightning:acme--uat:006Dn00000CLdtlIAD');
  });

  it('is the adapter for Classic deal URLs only', () => {
    expect(salesforceClassicAdapter.matchUrl(`${HOST}/006Dn00000CLdtl`)).toBe(true);
    expect(salesforceClassicAdapter.matchUrl(`${HOST}/006/o`)).toBe(false);
    expect(salesforceClassicAdapter.findActiveView(doc())?.tagName).toBe('BODY');
  });
});

describe('the salesforce-classic-app.html fixture', () => {
  it('uses canonical 18-character opportunity ids, each listed in its index comment', () => {
    const file = join(
      dirname(fileURLToPath(import.meta.url)),
      '../../../tests/fixtures/salesforce-classic/salesforce-classic-app.html',
    );
    const html = readFileSync(file, 'utf8');
    const ids = Array.from(html.matchAll(/\bid: '(006\w+)'/g), (match) => match[1] ?? '');
    const indexComment = html.slice(0, html.indexOf('-->'));
    expect(ids).toEqual(['006Dn00000GlbxAIAR', '006Dn00000IntcBIAR', '006Dn00000UmbrCIAR']);
    for (const id of [...ids, '006Dn00000NoRecIAF']) {
      expect(toCanonicalSalesforceId(id)).toBe(id);
      expect(isOpportunityId(id)).toBe(true);
      expect(indexComment).toContain(id);
    }
  });
});
