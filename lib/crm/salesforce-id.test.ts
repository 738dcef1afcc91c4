import { isOpportunityId, toCanonicalSalesforceId } from './salesforce-id';

// Suffix algorithm: split the 15-character id into three chunks of 5; in each chunk, bit i is set
// when character i is an upper-case letter; the 5-bit number indexes "A…Z0…5".

describe('toCanonicalSalesforceId', () => {
  it('adds the documented suffix to the documented example', () => {
    // "001A0" → A at 3 → 8 → I; "00000" → 0 → A; "6Vm9r" → V at 1 → 2 → C.
    expect(toCanonicalSalesforceId('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
  });

  it('computes suffixes worked out by hand', () => {
    // "0065e" → 0 → A; "00000" → A; "GlBxA" → G at 0, B at 2, A at 4 → 1+4+16 = 21 → V.
    expect(toCanonicalSalesforceId('0065e00000GlBxA')).toBe('0065e00000GlBxAAAV');
    // "006Ak" → A at 3 → 8 → I; "00002" → A; "GLBXa" → 1+2+4+8 = 15 → P.
    expect(toCanonicalSalesforceId('006Ak00002GLBXa')).toBe('006Ak00002GLBXaIAP');
    // All lower case and digits: every chunk 0 → AAA.
    expect(toCanonicalSalesforceId('0063000000abcde')).toBe('0063000000abcdeAAA');
    // All upper case: every chunk 31 → "5".
    expect(toCanonicalSalesforceId('ABCDEFGHIJKLMNO')).toBe('ABCDEFGHIJKLMNO555');
    // "0Q0Z0" → Q at 1, Z at 3 → 2+8 = 10 → K; "a0B0c" → B at 2 → 4 → E; "DE000" → 1+2 = 3 → D.
    expect(toCanonicalSalesforceId('0Q0Z0a0B0cDE000')).toBe('0Q0Z0a0B0cDE000KED');
  });

  it('treats 15-character ids as case-sensitive', () => {
    expect(toCanonicalSalesforceId('001a0000006vm9r')).toBe('001a0000006vm9rAAA');
  });

  it('accepts an 18-character id whose suffix matches, in either case, and returns the canonical suffix', () => {
    expect(toCanonicalSalesforceId('001A0000006Vm9rIAC')).toBe('001A0000006Vm9rIAC');
    expect(toCanonicalSalesforceId('001A0000006Vm9riac')).toBe('001A0000006Vm9rIAC');
  });

  it('rejects an 18-character id whose suffix does not match its first 15 characters', () => {
    expect(toCanonicalSalesforceId('001A0000006Vm9rAAA')).toBeNull();
    // A case-mangled id no longer matches its own suffix.
    expect(toCanonicalSalesforceId('001a0000006vm9rIAC')).toBeNull();
  });

  it('rejects wrong lengths and non-alphanumeric characters', () => {
    for (const raw of [
      '',
      '001A0000006Vm9',
      '001A0000006Vm9rI',
      '001A0000006Vm9rIA',
      '001A0000006Vm9rIACX',
      '001A000000-Vm9r',
      '001A0000006Vm9 ',
      '001A0000006Vm9é',
    ]) {
      expect(toCanonicalSalesforceId(raw)).toBeNull();
    }
  });
});

describe('isOpportunityId', () => {
  it('accepts well-formed ids with key prefix 006, in both lengths', () => {
    expect(isOpportunityId('0065e00000GlBxA')).toBe(true);
    expect(isOpportunityId('0065e00000GlBxAAAV')).toBe(true);
  });

  it('rejects other objects and malformed ids', () => {
    expect(isOpportunityId('001A0000006Vm9rIAC')).toBe(false);
    expect(isOpportunityId('0065e00000GlBxAAAA')).toBe(false);
    expect(isOpportunityId('006')).toBe(false);
  });
});
