// @vitest-environment node
import {
  checkFileSize,
  decodeTextFile,
  formatByteSize,
  MAX_BACKUP_BYTES,
  MAX_IMPORT_BYTES,
  readImportBytes,
  utf8ByteLength,
} from './file-size-limit';
import { formatImportError } from './import-problem';

describe('size caps', () => {
  it('are 50 MiB for imports and 256 MiB for backups', () => {
    expect(MAX_IMPORT_BYTES).toBe(52_428_800);
    expect(MAX_BACKUP_BYTES).toBe(268_435_456);
  });

  it('accept a file of exactly the cap and refuse one byte more, saying both sizes', () => {
    expect(checkFileSize('a.json', 100, 100, 'an import').ok).toBe(true);
    const refused = checkFileSize('a.json', 101, 100, 'an import');
    expect(!refused.ok && formatImportError(refused.error)).toEqual([
      'a.json: the file is too large: 101 bytes (101 bytes); an import may be at most 100 bytes (100 bytes). Nothing was read from it',
    ]);
  });

  it('formats sizes in bytes, KiB and MiB', () => {
    expect(formatByteSize(830)).toBe('830 bytes');
    expect(formatByteSize(1536)).toBe('1.5 KiB');
    expect(formatByteSize(50 * 1024 * 1024)).toBe('50 MiB');
  });

  it('counts UTF-8 bytes like TextEncoder, and stops at once when the length alone is over the cap', () => {
    for (const text of ['', 'abc', 'é', '—', '😀', 'a\uD800b', 'Société — 😀 \u2028']) {
      expect(utf8ByteLength(text)).toBe(new TextEncoder().encode(text).length);
    }
    expect(utf8ByteLength('x'.repeat(11), 10)).toBe(11);
  });

  it('refuses an over-cap import before decoding it (the bytes are not even UTF-8)', async () => {
    const bytes = new Uint8Array(2048).fill(0xe9);
    const result = await readImportBytes('big.csv', bytes, 1024);
    expect(!result.ok && result.error.summary).toBe(
      'big.csv: the file is too large: 2 KiB (2,048 bytes); an import may be at most 1 KiB (1,024 bytes). Nothing was read from it',
    );
  });
});

describe('decodeTextFile', () => {
  it('names UTF-16 without a byte-order mark by its NUL bytes, with line and column', () => {
    const bytes = new TextEncoder().encode('deal,outcome\nx\0y');
    const result = decodeTextFile('o.csv', bytes);
    expect(!result.ok && formatImportError(result.error)).toEqual([
      'o.csv:2:2: byte 0x00 at offset 14: the file looks like UTF-16 without a byte-order mark, or is not a text file; save it as UTF-8',
    ]);
  });

  it('leaves UTF-16 with a byte-order mark and Latin-1 to decodeText, and drops a UTF-8 BOM', () => {
    const bom16 = decodeTextFile('a.csv', Uint8Array.from([0xff, 0xfe, 0x61, 0x00]));
    expect(!bom16.ok && bom16.error.summary).toBe(
      'a.csv: the file is UTF-16; save it as UTF-8 (e.g. "CSV UTF-8" in Excel)',
    );
    const latin1 = decodeTextFile('b.csv', Uint8Array.from([0x61, 0x0a, 0x62, 0xe9]));
    expect(!latin1.ok && formatImportError(latin1.error)).toEqual([
      'b.csv:2:2: byte 0xe9 at offset 3 is not UTF-8; save the file as UTF-8',
    ]);
    const good = decodeTextFile('c.csv', Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]));
    expect(good.ok && good.value).toBe('a');
  });
});
