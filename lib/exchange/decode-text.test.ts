import { decodeText } from './decode-text';
import { formatImportError } from './import-problem';
import { parseTimestamp } from './parse-timestamp';

describe('decodeText', () => {
  it('decodes UTF-8 and drops the BOM', () => {
    expect(decodeText('f', new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9]))).toEqual({
      ok: true,
      value: 'aé',
    });
  });

  it('refuses Windows-1252 bytes with the line of the first bad byte', () => {
    const bytes = new TextEncoder().encode('deal,rater\nd1,Ren');
    const latin1 = new Uint8Array([...bytes, 0xe9, 0x0a]);
    const result = decodeText('r.csv', latin1);
    expect(!result.ok && formatImportError(result.error)).toEqual([
      'r.csv:2:7: byte 0xe9 at offset 17 is not UTF-8; save the file as UTF-8',
    ]);
  });

  it('refuses UTF-16', () => {
    const result = decodeText('r.csv', new Uint8Array([0xff, 0xfe, 0x64, 0x00]));
    expect(!result.ok && result.error.problems[0]!.message).toMatch(/UTF-16/);
  });
});

describe('parseTimestamp', () => {
  it.each([
    ['2024-03-01', Date.UTC(2024, 2, 1)],
    ['2024-03-01T09:30:00Z', Date.UTC(2024, 2, 1, 9, 30)],
    ['2024-03-01 09:30', Date.UTC(2024, 2, 1, 9, 30)],
    ['2024-03-01T09:30:00.250-05:00', Date.UTC(2024, 2, 1, 14, 30, 0, 250)],
  ])('reads %s', (text, expected) => expect(parseTimestamp(text)).toBe(expected));

  it.each(['2024-02-30', '01/03/2024', '2024-13-01', '2024-03-01T25:00', ''])('refuses %s', (text) => {
    expect(parseTimestamp(text)).toBeNull();
  });
});
