import { buildDealQuery, buildScoreKeysQuery, isSoqlFieldPath } from './deal-query';

const OPPORTUNITY = '0065g00000AbCdEAAV';

describe('buildDealQuery', () => {
  it('asks for the deal fields, the currency and the capture fields in one query by canonical id', () => {
    expect(
      buildDealQuery({
        opportunityId: '0065g00000AbCdE',
        captureFields: ['LeadSource', 'Campaign.Name', 'Type', 'Product_Line__c', 'Partner__r.Region__c'],
        includeCurrency: true,
      }),
    ).toEqual({
      ok: true,
      value:
        'SELECT Id, Name, StageName, Amount, CloseDate, OwnerId, Owner.Name, IsClosed, IsWon, LastModifiedDate, ' +
        `CurrencyIsoCode, LeadSource, Campaign.Name, Type, Product_Line__c, Partner__r.Region__c FROM Opportunity WHERE Id = '${OPPORTUNITY}' LIMIT 1`,
    });
  });

  it('leaves out CurrencyIsoCode for a single-currency org, and a capture field already asked for', () => {
    const query = buildDealQuery({
      opportunityId: OPPORTUNITY,
      captureFields: ['stagename', 'Type'],
      includeCurrency: false,
    });
    expect(query.ok && query.value).toBe(
      `SELECT Id, Name, StageName, Amount, CloseDate, OwnerId, Owner.Name, IsClosed, IsWon, LastModifiedDate, Type FROM Opportunity WHERE Id = '${OPPORTUNITY}' LIMIT 1`,
    );
  });

  it.each([
    ['a wrong checksum', '0065g00000AbCdEAAA'],
    ['an account id', '0015g00000AbCdEAAV'],
    ['a quote', "0065g00000AbCdE' OR Id != '"],
    ['a short id', '0065g00000AbC'],
  ])('refuses %s as the id', (_case, opportunityId) => {
    expect(buildDealQuery({ opportunityId, captureFields: [], includeCurrency: false })).toEqual({
      ok: false,
      error: expect.stringContaining('not an Opportunity id'),
    });
  });

  it('refuses capture field names that could change the query', () => {
    const result = buildDealQuery({
      opportunityId: OPPORTUNITY,
      captureFields: [
        'LeadSource',
        'Name FROM User --',
        'COUNT(Id)',
        '(SELECT Id FROM OpportunityLineItems)',
      ],
      includeCurrency: false,
    });
    expect(result).toEqual({ ok: false, error: expect.stringContaining('"Name FROM User --"') });
  });
});

describe('isSoqlFieldPath', () => {
  it.each(['LeadSource', 'Campaign.Name', 'Product_Line__c', 'Partner__r.Owner.Name', 'ns__Field__c'])(
    'accepts %s',
    (name) => {
      expect(isSoqlFieldPath(name)).toBe(true);
    },
  );

  it.each([
    '',
    '1Field',
    'A..B',
    'A.',
    "A'",
    'A B',
    'A__x',
    'A.B.C.D.E.F.G',
    'Field___c',
    'ns__Field',
    'a'.repeat(201),
  ])('refuses %j', (name) => {
    expect(isSoqlFieldPath(name)).toBe(false);
  });
});

describe('buildScoreKeysQuery', () => {
  it('lists the uuids quoted in one IN clause', () => {
    const key = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
    expect(buildScoreKeysQuery('Yardstick_Score__c', 'Score_Key__c', [key])).toEqual({
      ok: true,
      value: `SELECT Id, Score_Key__c FROM Yardstick_Score__c WHERE Score_Key__c IN ('${key}')`,
    });
  });

  it('refuses anything that is not a uuid', () => {
    expect(buildScoreKeysQuery('Yardstick_Score__c', 'Score_Key__c', ["x') OR Name != ('"]).ok).toBe(false);
  });
});
