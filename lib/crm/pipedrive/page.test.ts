import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DealReading } from '../crm-adapter';
import { DealSnapshotSchema, type DealSnapshot } from '../deal-snapshot';
import { pipedriveAdapter } from './page';
import { loadFixture } from '../../../tests/unit/helpers/load-fixture';

const ACME = 'https://acme.pipedrive.com';
const NOW = new Date('2026-11-02T09:30:00.000Z');

function read(fixture: string, url: string, captureFields?: string[]): DealReading {
  return pipedriveAdapter.read(loadFixture(`pipedrive/${fixture}`), url, NOW, { captureFields });
}

function readReady(fixture: string, url: string, captureFields?: string[]): DealSnapshot {
  const reading = read(fixture, url, captureFields);
  if (reading.status !== 'ready') throw new Error(`expected ready, got ${reading.status}`);
  return DealSnapshotSchema.parse(reading.snapshot);
}

describe('pipedriveAdapter.read on fixture pages', () => {
  it('reads every field of the current deal view, skipping a person open in a dialog', () => {
    const url = `${ACME}/deal/1042`;
    const snapshot = readReady('deal-detail.html', url, ['lead_source', 'campaign', 'product_line', 'type']);
    expect(snapshot).toEqual({
      crm: 'pipedrive',
      instance: 'acme',
      recordId: '1042',
      dealKey: 'pipedrive:acme:1042',
      url,
      name: { text: 'Globex — Data Platform Renewal', strategy: 'header.title' },
      stage: { text: 'Proposal Made', strategy: 'header.current-stage' },
      amount: { text: '€1,250,000', strategy: 'header.value', value: 1_250_000, currency: 'EUR' },
      closeDate: { text: 'Jan 31, 2027', strategy: 'field.expected_close_date', iso: '2027-01-31' },
      owner: { text: 'Priya Raman', strategy: 'header.owner' },
      segments: {
        lead_source: { text: 'Partner Referral', strategy: 'field.label:Lead source' },
        campaign: { text: null, strategy: null },
        product_line: { text: 'Data Platform', strategy: 'field.label:Product line' },
        type: { text: 'Upsell', strategy: 'field.label:Type' },
      },
      readAt: '2026-11-02T09:30:00.000Z',
    });
  });

  it('reads the legacy deal view: class-named header, active stage, fields list by key', () => {
    const snapshot = readReady('deal-detail-legacy.html', `${ACME}/deal/877`);
    expect(snapshot.name).toEqual({ text: 'Initech — 400 Seat Expansion', strategy: 'legacy-header.title' });
    expect(snapshot.stage).toEqual({ text: 'Contact Made', strategy: 'legacy-header.active-stage' });
    expect(snapshot.amount).toEqual({
      text: '$480,000',
      strategy: 'legacy-header.value',
      value: 480_000,
      currency: 'USD',
    });
    expect(snapshot.closeDate).toEqual({
      text: '3/15/2027',
      strategy: 'field.expected_close_date',
      iso: '2027-03-15',
    });
    expect(snapshot.owner).toEqual({ text: 'Marcus Lee', strategy: 'legacy-header.owner' });
  });

  it('reports a deal without value, an empty close date ("—") and an empty segment as unknown', () => {
    const snapshot = readReady('deal-missing-fields.html', `${ACME}/deal/1050`, ['lead_source']);
    expect(snapshot.name.text).toBe('Hooli — Exploratory Call');
    expect(snapshot.stage).toEqual({ text: 'Qualified', strategy: 'header.current-stage' });
    expect(snapshot.owner.text).toBe('Sam Okafor');
    expect(snapshot.amount).toEqual({ text: null, strategy: null, value: null, currency: null });
    expect(snapshot.closeDate).toEqual({ text: null, strategy: null, iso: null });
    expect(snapshot.segments).toEqual({ lead_source: { text: null, strategy: null } });
  });

  it('reads a German deal: euro amount with German grouping, day-first date and owner by German labels', () => {
    const snapshot = readReady('deal-locale-de.html', 'https://mueller.pipedrive.com/deal/311', [
      'lead_source',
    ]);
    expect(snapshot.dealKey).toBe('pipedrive:mueller:311');
    expect(snapshot.name.text).toBe('Müller Maschinenbau — Wartungsvertrag');
    expect(snapshot.stage).toEqual({ text: 'Angebot gemacht', strategy: 'header.current-stage' });
    expect(snapshot.amount).toEqual({
      text: '1.250.000 €',
      strategy: 'header.value',
      value: 1_250_000,
      currency: 'EUR',
    });
    expect(snapshot.closeDate).toEqual({
      text: '31.01.2027',
      strategy: 'field.label:Erwartetes Abschlussdatum',
      iso: '2027-01-31',
    });
    expect(snapshot.owner).toEqual({ text: 'Jürgen Weiß', strategy: 'field.label:Besitzer' });
    expect(snapshot.segments).toEqual({
      lead_source: { text: 'Messe', strategy: 'field.label:Lead-Quelle' },
    });
  });

  it('waits while the view shows a loading skeleton, or only a dialog has a title', () => {
    const waiting = {
      status: 'waiting-for-header',
      recordId: '1042',
      dealKey: 'pipedrive:acme:1042',
      instance: 'acme',
    };
    for (const body of [
      '<div data-testid="deal-details-page"><div class="skeleton" aria-busy="true"></div></div>',
      '<div role="dialog"><h1 data-testid="header-title">Ada Byron</h1></div>',
    ]) {
      const doc = new DOMParser().parseFromString(`<body>${body}</body>`, 'text/html');
      expect(pipedriveAdapter.read(doc, `${ACME}/deal/1042`, NOW)).toEqual(waiting);
    }
  });
});

describe('pipedriveAdapter.read on URLs', () => {
  const doc = () => loadFixture('pipedrive/deal-detail.html');

  it('says the pipeline, lists, people, settings, hosts without a company and other hosts are not deals', () => {
    for (const url of [
      `${ACME}/pipeline/1/user/everyone`,
      `${ACME}/deals/list`,
      `${ACME}/person/501`,
      `${ACME}/settings/fields`,
      `${ACME}/deal/1042/edit`,
      'https://app.pipedrive.com/deal/1042',
      'https://www.pipedrive.com/deal/1042',
      'https://acme.pipedrive.com.evil.example/deal/1042',
    ]) {
      expect(pipedriveAdapter.read(doc(), url, NOW)).toEqual({ status: 'not-a-deal' });
    }
  });

  it('reports an invalid record id for what is not a deal number', () => {
    for (const raw of ['abc', '0', '007', '12345678901234567', '1042abc']) {
      expect(pipedriveAdapter.read(doc(), `${ACME}/deal/${raw}`, NOW)).toEqual({
        status: 'invalid-record-id',
        rawRecordId: raw,
      });
    }
  });

  it('is the adapter for Pipedrive deal URLs', () => {
    expect(pipedriveAdapter.matchUrl(`${ACME}/deal/1042/`)).toBe(true);
    expect(pipedriveAdapter.matchUrl(`${ACME}/deal/1042?tab=notes`)).toBe(true);
    expect(pipedriveAdapter.matchUrl(`${ACME}/pipeline/1`)).toBe(false);
  });
});

describe('the pipedrive-app.html fixture', () => {
  it('lists every deal id in its index comment', () => {
    const file = join(
      dirname(fileURLToPath(import.meta.url)),
      '../../../tests/fixtures/pipedrive/pipedrive-app.html',
    );
    const html = readFileSync(file, 'utf8');
    const ids = Array.from(html.matchAll(/\bid: '(\d+)'/g), (match) => match[1] ?? '');
    const indexComment = html.slice(0, html.indexOf('-->'));
    expect(ids).toEqual(['1042', '1043', '1044']);
    for (const id of [...ids, '9999']) expect(indexComment).toMatch(new RegExp(`\\b${id}\\b`));
  });
});
