import { isAuditPageSender, OrgAuditPortRequestSchema } from './org-audit-port';

const SELF = { id: 'abc', origin: 'chrome-extension://abc' };

describe('the org audit port', () => {
  it('lets only this extension’s audit page connect', () => {
    expect(isAuditPageSender({ id: 'abc', url: 'chrome-extension://abc/audit.html' }, SELF)).toBe(true);
    expect(isAuditPageSender({ id: 'abc', url: 'chrome-extension://abc/options.html' }, SELF)).toBe(false);
    expect(
      isAuditPageSender({ id: 'abc', url: 'https://acme.lightning.force.com/audit.html', tab: {} }, SELF),
    ).toBe(false);
    expect(isAuditPageSender({ id: 'other', url: 'chrome-extension://other/audit.html' }, SELF)).toBe(false);
    expect(isAuditPageSender(undefined, SELF)).toBe(false);
  });

  it('takes a load with an https origin and the manager’s filters', () => {
    const parsed = OrgAuditPortRequestSchema.safeParse({
      type: 'load',
      origin: 'https://acme.my.salesforce.com',
      filters: {
        savedFrom: '2026-01-01T00:00:00.000Z',
        raterIds: ['005000000000001AAA'],
        definitions: { id: 'meddpicc', version: null },
        calibrationOnly: true,
      },
    });
    expect(parsed.success).toBe(true);
  });

  it('refuses "my team" beside chosen raters, which it would silently replace', () => {
    const load = (filters: object) =>
      OrgAuditPortRequestSchema.safeParse({
        type: 'load',
        origin: 'https://acme.my.salesforce.com',
        filters,
      });
    expect(load({ myTeam: true }).success).toBe(true);
    const both = load({ myTeam: true, raterIds: ['005000000000001AAA'] });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]?.path).toEqual(['filters', 'raterIds']);
  });

  it('refuses a path, http, a bad rater id and unknown fields, naming the path', () => {
    const load = (origin: string, filters: unknown) =>
      OrgAuditPortRequestSchema.safeParse({ type: 'load', origin, filters });
    expect(load('https://acme.my.salesforce.com/services', {}).success).toBe(false);
    expect(load('http://acme.my.salesforce.com', {}).success).toBe(false);
    const badRater = load('https://acme.my.salesforce.com', { raterIds: ["005' OR Id != '"] });
    expect(!badRater.success && badRater.error.issues[0]?.path).toEqual(['filters', 'raterIds', 0]);
    expect(load('https://acme.my.salesforce.com', { soql: 'SELECT Id FROM User' }).success).toBe(false);
  });

  it('takes a Bulk threshold beside the filters, a positive whole number only', () => {
    const load = (bulkFrom: unknown) =>
      OrgAuditPortRequestSchema.safeParse({
        type: 'load',
        origin: 'https://acme.my.salesforce.com',
        filters: {},
        bulkFrom,
      });
    const taken = load(200_000);
    expect(taken.success && taken.data.type === 'load' && taken.data.bulkFrom).toBe(200_000);
    for (const bad of [0, -5, 1.5, '50000']) {
      const refused = load(bad);
      expect(!refused.success && refused.error.issues[0]?.path).toEqual(['bulkFrom']);
    }
  });
});
