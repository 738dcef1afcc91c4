import { err, ok, type Result } from '../result';
import { singleProblem, type ImportError } from './import-problem';

/**
 * Decodes a file's bytes as UTF-8 (a leading byte-order mark is dropped). UTF-16 files and invalid
 * UTF-8 (e.g. a spreadsheet saved as Windows-1252) are refused with the line of the first bad byte.
 */
export function decodeText(file: string, bytes: Uint8Array): Result<string, ImportError> {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return err(
      singleProblem(file, {
        line: 1,
        message: 'the file is UTF-16; save it as UTF-8 (e.g. "CSV UTF-8" in Excel)',
      }),
    );
  }
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const lines = before.split('\n');
    return err(
      singleProblem(file, {
        line: lines.length,
        column: (lines.at(-1)?.length ?? 0) + 1,
        message: `byte 0x${bytes[bad]!.toString(16).padStart(2, '0')} at offset ${bad} is not UTF-8; save the file as UTF-8`,
      }),
    );
  }
  const text = new TextDecoder('utf-8').decode(bytes);
  return ok(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [length, min] = [2, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [length, min] = [3, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [length, min] = [4, 0x10000];
    else return i;
    if (i + length > bytes.length) return i;
    let code = b & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += length;
  }
  return -1;
}
