import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DealReading } from '../crm-adapter';
import { DealSnapshotSchema, type DealSnapshot } from '../deal-snapshot';
import { dynamics365Adapter, toCanonicalDynamicsId } from './page';
import { loadFixture } from '../../../tests/unit/helpers/load-fixture';

const ORG = 'https://contoso.crm4.dynamics.com';
const APP = 'appid=2f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c';
const NOW = new Date('2026-11-02T09:30:00.000Z');
const GLOBEX = '7c1d3a52-9e1b-ee11-8f6d-000d3a4b5c6d';

function recordUrl(id: string, host = ORG): string {
  return `${host}/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id=${id}`;
}

function read(fixture: string, url: string, captureFields?: string[]): DealReading {
  return dynamics365Adapter.read(loadFixture(`dynamics365/${fixture}`), url, NOW, { captureFields });
}

function readReady(fixture: string, url: string, captureFields?: string[]): DealSnapshot {
  const reading = read(fixture, url, captureFields);
  if (reading.status !== 'ready') throw new Error(`expected ready, got ${reading.status}`);
  return DealSnapshotSchema.parse(reading.snapshot);
}

describe('dynamics365Adapter.read on fixture pages', () => {
  it('reads every field of a Unified Interface form: header controls, lookups, labelled custom columns', () => {
    const url = recordUrl(GLOBEX);
    const snapshot = readReady('opportunity-uci.html', url, [
      'lead_source',
      'campaign',
      'product_line',
      'type',
    ]);
    expect(snapshot).toEqual({
      crm: 'dynamics365',
      instance: 'contoso.crm4.dynamics.com',
      recordId: GLOBEX,
      dealKey: `dynamics365:contoso.crm4.dynamics.com:${GLOBEX}`,
      url,
      name: { text: 'Globex — Data Platform Renewal', strategy: 'header.title' },
      stage: { text: '3-Propose', strategy: 'field.stepname' },
      amount: { text: '$1,250,000.00', strategy: 'header.estimatedvalue', value: 1_250_000, currency: 'USD' },
      closeDate: { text: '1/31/2027', strategy: 'header.estimatedclosedate', iso: '2027-01-31' },
      owner: { text: 'Priya Raman', strategy: 'header.ownerid' },
      segments: {
        lead_source: { text: 'Partner Referral', strategy: 'section.label:Lead Source' },
        campaign: { text: 'Q4 Partner Summit', strategy: 'field.campaignid' },
        product_line: { text: 'Data Platform', strategy: 'section.label:Product Line' },
        type: { text: null, strategy: null },
      },
      readAt: '2026-11-02T09:30:00.000Z',
    });
  });

  it('reads a read-only header of text tiles, an unsaved title and a sales stage combobox; braces encoded, upper case', () => {
    const url = `${ORG}/main.aspx?etn=opportunity&pagetype=entityrecord&id=%7BA2B4C6D8-1E3F-EE11-9ABC-000D3A123456%7D&${APP}`;
    const snapshot = readReady('opportunity-readonly-header.html', url);
    expect(snapshot.recordId).toBe('a2b4c6d8-1e3f-ee11-9abc-000d3a123456');
    expect(snapshot.name).toEqual({ text: 'Initech — 400 Seat Expansion', strategy: 'header.title' });
    expect(snapshot.stage).toEqual({ text: 'Develop', strategy: 'field.salesstage' });
    expect(snapshot.amount).toEqual({
      text: '$480,000.00',
      strategy: 'header.estimatedvalue',
      value: 480_000,
      currency: 'USD',
    });
    expect(snapshot.closeDate).toEqual({
      text: '3/15/2027',
      strategy: 'header.estimatedclosedate',
      iso: '2027-03-15',
    });
    expect(snapshot.owner).toEqual({ text: 'Marcus Lee', strategy: 'header.ownerid' });
  });

  it('reports an empty revenue and a close date not on the form as unknown; the stage falls back to the process flow', () => {
    const snapshot = readReady(
      'opportunity-missing-fields.html',
      `${ORG}/main.aspx?pagetype=entityrecord&etn=opportunity&id=0f9e8d7c-6b5a-ee11-8f6d-000d3a4b5c6e`,
      ['lead_source'],
    );
    expect(snapshot.name.text).toBe('Hooli — Exploratory Call');
    expect(snapshot.stage).toEqual({ text: 'Qualify', strategy: 'bpf.selected-stage' });
    expect(snapshot.owner).toEqual({ text: 'Sam Okafor', strategy: 'header.ownerid' });
    expect(snapshot.amount).toEqual({ text: null, strategy: null, value: null, currency: null });
    expect(snapshot.closeDate).toEqual({ text: null, strategy: null, iso: null });
    expect(snapshot.segments).toEqual({ lead_source: { text: null, strategy: null } });
  });

  it('reads a German form: German save state, euro amount with German separators, day-first date', () => {
    const url = `https://mueller.crm4.dynamics.com/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id=%7b5e6f7a8b-9c0d-ee11-8f6d-000d3a4b5c6f%7d`;
    const snapshot = readReady('opportunity-locale-de.html', url, ['lead_source']);
    expect(snapshot.dealKey).toBe(
      'dynamics365:mueller.crm4.dynamics.com:5e6f7a8b-9c0d-ee11-8f6d-000d3a4b5c6f',
    );
    expect(snapshot.name).toEqual({
      text: 'Müller Maschinenbau — Wartungsvertrag',
      strategy: 'header.title',
    });
    expect(snapshot.stage).toEqual({ text: '3-Angebot', strategy: 'field.stepname' });
    expect(snapshot.amount).toEqual({
      text: '1.250.000,00 €',
      strategy: 'header.estimatedvalue',
      value: 1_250_000,
      currency: 'EUR',
    });
    expect(snapshot.closeDate).toEqual({
      text: '31.01.2027',
      strategy: 'header.estimatedclosedate',
      iso: '2027-01-31',
    });
    expect(snapshot.owner.text).toBe('Jürgen Weiß');
    expect(snapshot.segments).toEqual({
      lead_source: { text: 'Messe', strategy: 'section.label:Lead-Quelle' },
    });
  });

  it('reads the session in front of a multi-session app, not the hidden session that comes first', () => {
    const snapshot = readReady(
      'opportunity-multisession.html',
      recordUrl('b3c4d5e6-f7a8-ee11-8f6d-000d3a4b5c70'),
    );
    expect(snapshot.name.text).toBe('Umbrella Corp — Pilot');
    expect(snapshot.amount.value).toBe(95_000);
    expect(snapshot.closeDate.iso).toBe('2027-06-30');
    expect(snapshot.stage.text).toBe('4-Close');
  });

  it('finds no active form when two sessions are shown and nothing says which is in front', () => {
    const doc = new DOMParser().parseFromString(
      '<body><div data-id="editFormRoot"><h1 data-id="header_title">A</h1></div><div data-id="editFormRoot"><h1 data-id="header_title">B</h1></div></body>',
      'text/html',
    );
    expect(dynamics365Adapter.findActiveView(doc)).toBeNull();
    expect(dynamics365Adapter.read(doc, recordUrl(GLOBEX), NOW).status).toBe('waiting-for-header');
  });

  it('waits while the form has no header title (the record is unavailable, or still loading)', () => {
    const doc = new DOMParser().parseFromString(
      '<body><div data-id="editFormRoot"></div><div role="dialog"><h2>Record Is Unavailable</h2></div></body>',
      'text/html',
    );
    expect(dynamics365Adapter.read(doc, recordUrl(GLOBEX), NOW)).toEqual({
      status: 'waiting-for-header',
      recordId: GLOBEX,
      dealKey: `dynamics365:contoso.crm4.dynamics.com:${GLOBEX}`,
      instance: 'contoso.crm4.dynamics.com',
    });
  });
});

describe('dynamics365Adapter.read on URLs', () => {
  const doc = () => loadFixture('dynamics365/opportunity-uci.html');

  it('finds the id in any parameter order and case, with braces encoded or not', () => {
    for (const query of [
      `etn=opportunity&id=${GLOBEX}&pagetype=entityrecord`,
      `id=%7B${GLOBEX.toUpperCase()}%7D&etn=opportunity`,
      `ID={${GLOBEX}}&ETN=Opportunity&PageType=EntityRecord&${APP}`,
      `${APP}&forceUCI=1&pagetype=entityrecord&etn=opportunity&id=%7b${GLOBEX}%7d`,
      `etc=3&id=%7B${GLOBEX}%7D&pagetype=entityrecord`,
    ]) {
      const reading = dynamics365Adapter.read(doc(), `${ORG}/main.aspx?${query}`, NOW);
      expect(reading.status === 'ready' && reading.snapshot.recordId).toBe(GLOBEX);
    }
  });

  it('says lists, dashboards, other tables, new forms, other paths and other hosts are not deals', () => {
    for (const url of [
      `${ORG}/main.aspx?${APP}&pagetype=entitylist&etn=opportunity&viewid=00000000-0000-0000-00aa-000010003000`,
      `${ORG}/main.aspx?${APP}&pagetype=dashboard&id=${GLOBEX}`,
      `${ORG}/main.aspx?${APP}&pagetype=entityrecord&etn=account&id=${GLOBEX}`,
      `${ORG}/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity`,
      `${ORG}/main.aspx?${APP}&pagetype=entityrecord&etn=opportunity&id=`,
      `${ORG}/apps/main.aspx?pagetype=entityrecord&etn=opportunity&id=${GLOBEX}`,
      `https://contoso.operations.dynamics.com/main.aspx?pagetype=entityrecord&etn=opportunity&id=${GLOBEX}`,
      `https://dynamics.com.evil.example/main.aspx?pagetype=entityrecord&etn=opportunity&id=${GLOBEX}`,
    ]) {
      expect(dynamics365Adapter.read(doc(), url, NOW)).toEqual({ status: 'not-a-deal' });
    }
  });

  it('reports an invalid record id for what is not a GUID, and for the empty GUID', () => {
    for (const raw of [
      'not-a-guid',
      '{7c1d3a52-9e1b-ee11-8f6d}',
      '00000000-0000-0000-0000-000000000000',
      '7c1d3a529e1bee118f6d000d3a4b5c6d',
    ]) {
      expect(dynamics365Adapter.read(doc(), recordUrl(encodeURIComponent(raw)), NOW)).toEqual({
        status: 'invalid-record-id',
        rawRecordId: raw,
      });
    }
  });

  it('accepts the regional, US government and China clouds', () => {
    for (const host of [
      'https://contoso.crm.dynamics.com',
      'https://contoso.crm11.dynamics.com',
      'https://contoso.crm9.dynamics.com',
      'https://contoso.crm.microsoftdynamics.us',
      'https://contoso.crm.appsplatform.us',
      'https://contoso.crm.dynamics.cn',
    ]) {
      expect(dynamics365Adapter.matchUrl(recordUrl(GLOBEX, host))).toBe(true);
    }
  });
});

describe('toCanonicalDynamicsId', () => {
  it('strips braces, decodes once more if still encoded, and lower-cases', () => {
    expect(toCanonicalDynamicsId(`{${GLOBEX.toUpperCase()}}`)).toBe(GLOBEX);
    expect(toCanonicalDynamicsId(`%7B${GLOBEX}%7D`)).toBe(GLOBEX);
    expect(toCanonicalDynamicsId(` ${GLOBEX} `)).toBe(GLOBEX);
    expect(toCanonicalDynamicsId('%E0%A4%A')).toBeNull();
  });
});

describe('the dynamics365-app.html fixture', () => {
  it('uses lower-case GUIDs, each listed in its index comment', () => {
    const file = join(
      dirname(fileURLToPath(import.meta.url)),
      '../../../tests/fixtures/dynamics365/dynamics365-app.html',
    );
    const html = readFileSync(file, 'utf8');
    const ids = Array.from(html.matchAll(/\bid: '([0-9a-f-]{36})'/g), (match) => match[1] ?? '');
    const indexComment = html.slice(0, html.indexOf('-->'));
    expect(ids).toHaveLength(4);
    for (const id of [...ids, '11111111-2222-4333-8444-555555555555']) {
      expect(toCanonicalDynamicsId(id)).toBe(id);
      expect(indexComment).toContain(id);
    }
  });
});
