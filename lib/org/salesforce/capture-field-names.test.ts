import { captureFieldNames } from './capture-field-names';
import { pageFallbackReason, type PageFallbackCode } from './deal-reading-fallback';

describe('capture fields named by API field', () => {
  it('names the common capture fields without definitions help, and the rest from salesforceFields', () => {
    const names = captureFieldNames(['lead_source', 'campaign', 'type', 'product_line', 'region'], {
      product_line: 'Product_Line__c',
    });
    expect([...names.apiFieldOf]).toEqual([
      ['lead_source', 'LeadSource'],
      ['campaign', 'Campaign.Name'],
      ['type', 'Type'],
      ['product_line', 'Product_Line__c'],
    ]);
    expect(names.unnamed).toEqual(['region']);
  });

  it('lets the definitions rename a built-in one, and never sends a name that is not a field path', () => {
    const names = captureFieldNames(['type', 'constructor', 'campaign'], {
      type: 'Deal_Type__c',
      campaign: "Name FROM User WHERE Name = 'x'",
    });
    expect([...names.apiFieldOf]).toEqual([['type', 'Deal_Type__c']]);
    expect(names.unnamed).toEqual(['constructor', 'campaign']);
  });
});

describe('the words for a page fallback', () => {
  it.each<[PageFallbackCode, RegExp]>([
    ['session-expired', /session has expired.*log in/],
    ['session-refused-for-api', /API Access Control/],
    ['api-disabled-for-org', /edition does not include API access/],
    ['api-disabled-for-user', /"API Enabled" permission/],
    ['request-limit', /daily API requests/],
    ['timeout', /did not answer in time/],
    ['network', /offline/],
    ['record-not-found', /did not return this opportunity/],
  ])('says %s in words', (code, words) => {
    const reason = pageFallbackReason(code);
    expect(reason.code).toBe(code);
    expect(reason.message).toMatch(/^Salesforce's API could not answer: /);
    expect(reason.message).toMatch(words);
  });
});
