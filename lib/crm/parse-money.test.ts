import { parseMoney } from './parse-money';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('parseMoney', () => {
  it.each([
    ['USD 1,250,000.00', 1_250_000, 'USD'],
    ['$1,250,000', 1_250_000, 'USD'],
    ['$1,250,000.50', 1_250_000.5, 'USD'],
    ['€1.250.000,00', 1_250_000, 'EUR'],
    ['1.250.000,00 €', 1_250_000, 'EUR'],
    [`1${NNBSP}250${NNBSP}000,00${NBSP}€`, 1_250_000, 'EUR'],
    [`1${NBSP}250${NBSP}000,00 €`, 1_250_000, 'EUR'],
    ['1 250 000,00 €', 1_250_000, 'EUR'],
    ['EUR 1.250.000', 1_250_000, 'EUR'],
    ['¥1,250,000', 1_250_000, 'JPY'],
    ["CHF 1'250'000.00", 1_250_000, 'CHF'],
    ['CHF 1’250’000.00', 1_250_000, 'CHF'],
    ['£99.99', 99.99, 'GBP'],
    ['1,250,000.00 USD', 1_250_000, 'USD'],
    ['USD1,250', 1_250, 'USD'],
    ['US$ 1,250.00', 1_250, 'USD'],
    ['CA$1,250.00', 1_250, 'CAD'],
    ['₹12,50,000.00', 1_250_000, 'INR'],
    ['1250000', 1_250_000, null],
    ['0.5', 0.5, null],
    ['0', 0, null],
  ])('reads %s', (text, value, currency) => {
    expect(parseMoney(text)).toEqual({ value, currency });
  });

  it.each([
    ['-$1,234.00', -1234, 'USD'],
    ['$-1,234.00', -1234, 'USD'],
    ['USD -1,234.00', -1234, 'USD'],
    ['−€1.234,00', -1234, 'EUR'],
    ['1.234,00- €', -1234, 'EUR'],
    ['(1,234.00)', -1234, null],
    ['($1,234.00)', -1234, 'USD'],
    ['USD (1,234.00)', -1234, 'USD'],
  ])('reads the negative amount %s', (text, value, currency) => {
    expect(parseMoney(text)).toEqual({ value, currency });
  });

  it('treats a single separator followed by exactly three digits as grouping', () => {
    expect(parseMoney('1,250')).toEqual({ value: 1250, currency: null });
    expect(parseMoney('1.250')).toEqual({ value: 1250, currency: null });
    expect(parseMoney('€1.250')).toEqual({ value: 1250, currency: 'EUR' });
  });

  it('treats that separator as the decimal mark where grouping is impossible', () => {
    expect(parseMoney('0,250')).toEqual({ value: 0.25, currency: null });
    expect(parseMoney('1250.000')).toEqual({ value: 1250, currency: null });
    expect(parseMoney("1'250.500")).toEqual({ value: 1250.5, currency: null });
  });

  it('reads a single separator followed by other than three digits as the decimal mark', () => {
    expect(parseMoney('1,5')).toEqual({ value: 1.5, currency: null });
    expect(parseMoney('€ 12,50')).toEqual({ value: 12.5, currency: 'EUR' });
    expect(parseMoney('1250.0000')).toEqual({ value: 1250, currency: null });
  });

  it('reads the record amount, not the converted amount Salesforce shows in parentheses', () => {
    expect(parseMoney('EUR 100.000,00 (USD 118,000.00)')).toEqual({ value: 100_000, currency: 'EUR' });
  });

  it('reads the value but names no currency for a symbol several currencies use', () => {
    expect(parseMoney('1 250 kr')).toEqual({ value: 1250, currency: null });
  });

  it.each([
    '',
    '   ',
    'N/A',
    'USD',
    'USD abc',
    '1,25,0',
    '1.250,000.00',
    '12,34,567,890',
    '1,2345,678',
    '--1,234',
    '-(1,234)',
    'USD 1,250 EUR',
    '1.250.000,00.00',
    '1,250,',
  ])('returns null for the unreadable %j', (text) => {
    expect(parseMoney(text).value).toBeNull();
  });

  it('returns the currency it could read even when the number is unreadable', () => {
    expect(parseMoney('USD')).toEqual({ value: null, currency: 'USD' });
    expect(parseMoney('N/A')).toEqual({ value: null, currency: null });
  });
});
