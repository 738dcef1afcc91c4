import { parseDisplayedDate } from './parse-date';

describe('parseDisplayedDate', () => {
  it.each([
    ['2027-01-31', undefined, '2027-01-31'],
    ['2027/01/31', undefined, '2027-01-31'],
    ['2027.01.31', undefined, '2027-01-31'],
    ['2027. 1. 31.', 'ko-KR', '2027-01-31'],
    ['31.01.2027', undefined, '2027-01-31'],
    ['1.2.2027', 'de-DE', '2027-02-01'],
    ['Jan 31, 2027', undefined, '2027-01-31'],
    ['January 31, 2027', undefined, '2027-01-31'],
    ['Sept 5, 2027', undefined, '2027-09-05'],
    ['31 Jan 2027', undefined, '2027-01-31'],
    ['31 January 2027', 'en-GB', '2027-01-31'],
    ['31. Januar 2027', 'de-DE', '2027-01-31'],
    ['3. März 2027', 'de-DE', '2027-03-03'],
    ['31 déc. 2027', 'fr-FR', '2027-12-31'],
    ['  1/31/2027\n', undefined, '2027-01-31'],
  ])('reads %j (hint %s) as %s', (text, hint, iso) => {
    expect(parseDisplayedDate(text, hint)).toBe(iso);
  });

  it('reads a slash date with a part above 12 whatever the locale says', () => {
    expect(parseDisplayedDate('1/31/2027')).toBe('2027-01-31');
    expect(parseDisplayedDate('1/31/2027', 'de-DE')).toBe('2027-01-31');
    expect(parseDisplayedDate('31/01/2027')).toBe('2027-01-31');
    expect(parseDisplayedDate('31/01/2027', 'en-US')).toBe('2027-01-31');
  });

  it('uses the locale hint for an ambiguous slash date: en and en-US month first, others day first', () => {
    expect(parseDisplayedDate('05/01/2027', 'en-US')).toBe('2027-05-01');
    expect(parseDisplayedDate('05/01/2027', 'en')).toBe('2027-05-01');
    expect(parseDisplayedDate('05/01/2027', 'en_US')).toBe('2027-05-01');
    expect(parseDisplayedDate('05/01/2027', 'en-GB')).toBe('2027-01-05');
    expect(parseDisplayedDate('05/01/2027', 'fr')).toBe('2027-01-05');
    expect(parseDisplayedDate('05-01-2027', 'nl-NL')).toBe('2027-01-05');
  });

  it('does not guess an ambiguous slash date without a locale hint', () => {
    expect(parseDisplayedDate('05/01/2027')).toBeNull();
    expect(parseDisplayedDate('05/01/2027', '')).toBeNull();
  });

  it('reads a slash date whose day and month are equal without a hint', () => {
    expect(parseDisplayedDate('5/5/2027')).toBe('2027-05-05');
  });

  it.each([
    '2/30/2027',
    '30.02.2027',
    '2027-02-29',
    '2027-13-01',
    '31/31/2027',
    '0/12/2027',
    'Feb 30, 2027',
    'Foo 3, 2027',
    '1/31/27',
    '',
    'soon',
    '2027',
  ])('returns null for %j', (text) => {
    expect(parseDisplayedDate(text, 'en-US')).toBeNull();
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseDisplayedDate('2/29/2028', 'en-US')).toBe('2028-02-29');
    expect(parseDisplayedDate('29.02.2100')).toBeNull();
  });
});
