import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DealSnapshotSchema, type DealSnapshot } from './deal-snapshot';
import { createGenericAdapter, matchPatternFor, type GenericAdapterConfig } from './generic-adapter';
import { validateGenericAdapterConfig } from './generic-adapter-config';
import { loadFixture } from '../../tests/unit/helpers/load-fixture';

const NOW = new Date('2026-11-02T09:30:00.000Z');
const CONFIG: GenericAdapterConfig = {
  urlPattern: 'https://crm\\.example\\.com/deals/(?<id>\\d+)',
  selectors: {
    name: ['h1.deal-title', '[data-testid="deal-name"]'],
    stage: ['[data-field="stage"]', '.stage-badge'],
    amount: ['[data-field="amount"]', '.deal-amount'],
    closeDate: ['[data-field="close_date"] time', 'input[name="close_date"]'],
    owner: ['[data-field="owner"]', 'select[name="owner"]'],
    segments: { lead_source: '[data-field="lead_source"]' },
  },
};
const adapter = createGenericAdapter(CONFIG);

function readReady(fixture: string, url: string, captureFields?: string[]): DealSnapshot {
  const reading = adapter.read(loadFixture(`generic/${fixture}`), url, NOW, { captureFields });
  if (reading.status !== 'ready') throw new Error(`expected ready, got ${reading.status}`);
  return DealSnapshotSchema.parse(reading.snapshot);
}

describe('a generic adapter on fixture pages', () => {
  it('reads every configured field with the first selector of each list, and the configured segment', () => {
    const url = 'https://crm.example.com/deals/42';
    expect(readReady('deal-page.html', url, ['lead_source', 'campaign'])).toEqual({
      crm: 'generic',
      instance: 'crm.example.com',
      recordId: '42',
      dealKey: 'generic:crm.example.com:42',
      url,
      name: { text: 'Globex — Data Platform Renewal', strategy: 'selector:h1.deal-title' },
      stage: { text: 'Proposal', strategy: 'selector:[data-field="stage"]' },
      amount: {
        text: '$1,250,000.00',
        strategy: 'selector:[data-field="amount"]',
        value: 1_250_000,
        currency: 'USD',
      },
      closeDate: {
        text: '1/31/2027',
        strategy: 'selector:[data-field="close_date"] time',
        iso: '2027-01-31',
      },
      owner: { text: 'Priya Raman', strategy: 'selector:[data-field="owner"]' },
      segments: {
        lead_source: { text: 'Partner Referral', strategy: 'selector:[data-field="lead_source"]' },
        campaign: { text: null, strategy: null },
      },
      readAt: '2026-11-02T09:30:00.000Z',
    });
  });

  it('reads the redesigned layout with the second selectors, including form controls', () => {
    const snapshot = readReady('deal-page-v2.html', 'https://crm.example.com/deals/43');
    expect(snapshot.name).toEqual({
      text: 'Initech — 400 Seat Expansion',
      strategy: 'selector:[data-testid="deal-name"]',
    });
    expect(snapshot.stage).toEqual({ text: 'Qualification', strategy: 'selector:.stage-badge' });
    expect(snapshot.amount).toMatchObject({
      text: '$480,000.00',
      strategy: 'selector:.deal-amount',
      value: 480_000,
    });
    expect(snapshot.closeDate).toEqual({
      text: '3/15/2027',
      strategy: 'selector:input[name="close_date"]',
      iso: '2027-03-15',
    });
    expect(snapshot.owner).toEqual({ text: 'Marcus Lee', strategy: 'selector:select[name="owner"]' });
  });

  it('reports fields the page leaves out, and an empty one, as unknown', () => {
    const snapshot = readReady('deal-missing-fields.html', 'https://crm.example.com/deals/50', [
      'lead_source',
    ]);
    expect(snapshot.name.text).toBe('Hooli — Exploratory Call');
    expect(snapshot.stage.text).toBe('Discovery');
    expect(snapshot.amount).toEqual({ text: null, strategy: null, value: null, currency: null });
    expect(snapshot.closeDate).toEqual({ text: null, strategy: null, iso: null });
    expect(snapshot.segments).toEqual({ lead_source: { text: null, strategy: null } });
  });

  it('reads a French page: narrow no-break space grouping, and the date order the page language gives', () => {
    const snapshot = readReady('deal-locale-fr.html', 'https://crm.example.com/deals/44');
    expect(snapshot.amount).toMatchObject({
      text: '1\u202f250\u202f000,00\u00a0€',
      value: 1_250_000,
      currency: 'EUR',
    });
    expect(snapshot.closeDate).toMatchObject({ text: '05/01/2027', iso: '2027-01-05' });
    expect(snapshot.owner.text).toBe('Élodie Martin');
  });

  it("uses the config's locale for numeric dates when the page declares no language, and none without it", () => {
    const html =
      '<body><h1 class="deal-title">X</h1><dd data-field="close_date"><time>05/01/2027</time></dd></body>';
    const read = (config: GenericAdapterConfig) => {
      const reading = createGenericAdapter(config).read(
        new DOMParser().parseFromString(html, 'text/html'),
        'https://crm.example.com/deals/1',
        NOW,
      );
      return reading.status === 'ready' ? reading.snapshot.closeDate.iso : reading.status;
    };
    expect(read({ ...CONFIG, locale: 'en-US' })).toBe('2027-05-01');
    expect(read(CONFIG)).toBeNull();
  });

  it('waits for the name when a name selector is configured, and is ready at once without one', () => {
    const doc = new DOMParser().parseFromString('<body><div class="spinner"></div></body>', 'text/html');
    const url = 'https://crm.example.com/deals/42';
    expect(adapter.read(doc, url, NOW)).toEqual({
      status: 'waiting-for-header',
      recordId: '42',
      dealKey: 'generic:crm.example.com:42',
      instance: 'crm.example.com',
    });
    const bare = createGenericAdapter({ urlPattern: CONFIG.urlPattern }).read(doc, url, NOW);
    expect(bare.status === 'ready' && bare.snapshot.name).toEqual({ text: null, strategy: null });
  });

  it('treats an invalid selector as a strategy that finds nothing', () => {
    const broken = createGenericAdapter({ ...CONFIG, selectors: { name: ['h1[', 'h1.deal-title'] } });
    const reading = broken.read(
      loadFixture('generic/deal-page.html'),
      'https://crm.example.com/deals/42',
      NOW,
    );
    expect(reading.status === 'ready' && reading.snapshot.name.strategy).toBe('selector:h1.deal-title');
  });
});

describe('a generic adapter on URLs', () => {
  const doc = () => loadFixture('generic/deal-page.html');

  it('says URLs outside the pattern are not deals, built-in CRM hosts included', () => {
    for (const url of [
      'https://crm.example.com/deals',
      'https://crm.example.com/deals/42abc',
      'https://crm.example.com/dashboard',
      'https://crm.example.com.evil.example/deals/42',
      'http://crm.example.com/deals/42',
      'https://other.example.com/deals/42',
    ]) {
      expect(adapter.read(doc(), url, NOW)).toEqual({ status: 'not-a-deal' });
      expect(adapter.matchUrl(url)).toBe(false);
    }
    const greedy = createGenericAdapter({ urlPattern: 'https://[^/]+/deals/(?<id>\\d+)' });
    expect(greedy.matchUrl('https://acme.pipedrive.com/deals/42')).toBe(false);
  });

  it('matches deal subpages, queries and hashes after the id', () => {
    for (const url of [
      'https://crm.example.com/deals/42/',
      'https://crm.example.com/deals/42/notes',
      'https://crm.example.com/deals/42?tab=activity',
      'https://crm.example.com/deals/42#timeline',
    ]) {
      expect(adapter.matchUrl(url)).toBe(true);
    }
  });

  it('takes the instance from a named group, and an id from a hash route', () => {
    const odoo = createGenericAdapter({
      urlPattern: 'https://(?<instance>[a-z0-9-]+)\\.example-erp\\.com/web#id=(?<id>\\d+)&model=crm\\.lead',
    });
    const reading = odoo.read(
      doc(),
      'https://acme.example-erp.com/web#id=77&model=crm.lead&view_type=form',
      NOW,
    );
    expect(reading.status === 'ready' && reading.snapshot.dealKey).toBe('generic:acme:77');
  });

  it('reports an invalid record id when the id group captures what cannot be an id', () => {
    const loose = createGenericAdapter({ urlPattern: 'https://crm\\.example\\.com/d/(?<id>[^/?#]*)' });
    for (const raw of ['', 'a%20b', '%E0%A4%A']) {
      expect(loose.read(doc(), `https://crm.example.com/d/${raw}`, NOW)).toEqual({
        status: 'invalid-record-id',
        rawRecordId: raw,
      });
    }
  });
});

describe('validateGenericAdapterConfig', () => {
  it('accepts a full config and a URL pattern alone', () => {
    expect(validateGenericAdapterConfig(CONFIG)).toEqual({ ok: true, value: CONFIG });
    expect(validateGenericAdapterConfig({ urlPattern: 'https://crm.example.com/deals/(?<id>\\d+)' }).ok).toBe(
      true,
    );
  });

  it.each([
    [null, 'must be an object'],
    [{}, 'urlPattern is required'],
    [{ urlPattern: 'crm.example.com/deals/(?<id>\\d+)' }, 'must start with https://'],
    [{ urlPattern: 'https://crm.example.com/deals/(\\d+)' }, 'named group "id"'],
    [{ urlPattern: 'https://crm.example.com/deals/(?<id>\\d+' }, 'not a valid regular expression'],
    [{ urlPattern: 'https://a/(?<id>x))|((y' }, 'not a valid regular expression'],
    [{ urlPattern: 'https://a/(?<id>x)', extra: 1 }, 'unknown key "extra"'],
    [{ urlPattern: 'https://a/(?<id>x)', selectors: { title: 'h1' } }, 'unknown selector "title"'],
    [{ urlPattern: 'https://a/(?<id>x)', selectors: { name: [] } }, 'selectors.name must be a CSS selector'],
    [
      { urlPattern: 'https://a/(?<id>x)', selectors: { segments: { 'Lead Source': 'x' } } },
      'is not a captureFields id',
    ],
    [{ urlPattern: 'https://a/(?<id>x)', locale: 'english please' }, 'locale must be a language tag'],
  ])('rejects %j with a message naming the problem', (input, message) => {
    const result = validateGenericAdapterConfig(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(message);
  });
});

describe('matchPatternFor', () => {
  it('derives the host permission from a literal host, escaped or not', () => {
    expect(matchPatternFor(CONFIG)).toBe('https://crm.example.com/*');
    expect(matchPatternFor({ urlPattern: 'https://CRM.example.com/deals/(?<id>\\d+)' })).toBe(
      'https://crm.example.com/*',
    );
    expect(matchPatternFor({ urlPattern: '^https:\\/\\/crm\\.example\\.com\\/deals\\/(?<id>\\d+)' })).toBe(
      'https://crm.example.com/*',
    );
  });

  it('gives no permission for a host that is itself a pattern', () => {
    expect(matchPatternFor({ urlPattern: 'https://[^/]+/deals/(?<id>\\d+)' })).toBeNull();
    expect(
      matchPatternFor({ urlPattern: 'https://(?<instance>\\w+)\\.example\\.com/(?<id>\\d+)' }),
    ).toBeNull();
  });
});

describe('the generic-app.html fixture', () => {
  it('is readable with the config its index comment gives, for every deal it lists', () => {
    const file = join(
      dirname(fileURLToPath(import.meta.url)),
      '../../tests/fixtures/generic/generic-app.html',
    );
    const html = readFileSync(file, 'utf8');
    const indexComment = html.slice(0, html.indexOf('-->'));
    expect(indexComment).toContain('https://crm\\.example\\.com/deals/(?<id>\\d+)');
    const ids = Array.from(html.matchAll(/\bid: '(\d+)'/g), (match) => match[1] ?? '');
    expect(ids).toEqual(['42', '43', '44']);
    for (const id of [...ids, '999']) expect(indexComment).toMatch(new RegExp(`\\b${id}\\b`));
  });
});
