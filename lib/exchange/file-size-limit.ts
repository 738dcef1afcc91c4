import { err, ok, type Result } from '../result';
import { decodeText } from './decode-text';
import { singleProblem, type ImportError } from './import-problem';
import { readImportFile, type ImportedFile } from './read-import-file';

const MEBIBYTE = 1024 * 1024;

/**
 * The largest import (bundle JSON or NDJSON, ratings CSV, outcomes CSV) a page reads: 50 MiB
 * (52,428,800 bytes). Checked on the byte size before anything is decoded or parsed.
 */
export const MAX_IMPORT_BYTES = 50 * MEBIBYTE;

/**
 * The largest backup restore reads: 256 MiB. Larger than the import cap because a backup holds the
 * whole database (about 2 KiB per MEDDPICC score with evidence, so about 130,000 scores) and must
 * stay restorable; half the longest string a browser holds (V8: 512 MiB), since restore keeps the
 * text and its canonical form in memory.
 */
export const MAX_BACKUP_BYTES = 256 * MEBIBYTE;

/** Human size: `50 MiB`, `1.2 MiB`, `830 bytes`. */
export function formatByteSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < MEBIBYTE) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KiB`;
  return `${(bytes / MEBIBYTE).toFixed(1).replace(/\.0$/, '')} MiB`;
}

/**
 * Refuses a file over `limit` bytes, before it is read or parsed: pass `File.size` from the page, or
 * the byte length of data already in memory. `what` names the kind of file in the message.
 */
export function checkFileSize(
  file: string,
  byteLength: number,
  limit: number,
  what: string,
): Result<void, ImportError> {
  if (byteLength <= limit) return ok(undefined);
  return err(
    singleProblem(file, {
      message: `the file is too large: ${formatByteSize(byteLength)} (${byteLength.toLocaleString('en-US')} bytes); ${what} may be at most ${formatByteSize(limit)} (${limit.toLocaleString('en-US')} bytes). Nothing was read from it`,
    }),
  );
}

/**
 * UTF-8 byte length of a string. When the string has more UTF-16 units than `stopAbove`, it returns
 * that unit count at once: a lower bound, already over the cap, without counting.
 */
export function utf8ByteLength(text: string, stopAbove = Number.POSITIVE_INFINITY): number {
  // Every UTF-16 unit takes at least one byte: a string longer than the cap is over it uncounted.
  if (text.length > stopAbove) return text.length;
  return countUtf8(text);
}

function countUtf8(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Decodes a file's bytes as UTF-8 text, first refusing what is not text a person saved as UTF-8:
 * a NUL byte (UTF-16 without a byte-order mark, or a binary file), a UTF-16 byte-order mark, or
 * bytes that are not UTF-8 (Latin-1, Windows-1252), each with its line and column.
 */
export function decodeTextFile(file: string, bytes: Uint8Array): Result<string, ImportError> {
  const nul = bytes.indexOf(0);
  if (nul >= 0 && !startsWithUtf16Bom(bytes)) {
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, nul));
    const lines = before.split('\n');
    return err(
      singleProblem(file, {
        line: lines.length,
        column: (lines.at(-1)?.length ?? 0) + 1,
        message: `byte 0x00 at offset ${nul}: the file looks like UTF-16 without a byte-order mark, or is not a text file; save it as UTF-8`,
      }),
    );
  }
  return decodeText(file, bytes);
}

function startsWithUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/**
 * Reads an import the way a page should: the size cap ({@link MAX_IMPORT_BYTES}) on the byte size
 * first, then UTF-8 decoding ({@link decodeTextFile}), then {@link readImportFile}.
 */
export async function readImportBytes(
  file: string,
  input: Uint8Array | string,
  maxBytes = MAX_IMPORT_BYTES,
): Promise<Result<ImportedFile, ImportError>> {
  const size = typeof input === 'string' ? utf8ByteLength(input, maxBytes) : input.byteLength;
  const sized = checkFileSize(file, size, maxBytes, 'an import');
  if (!sized.ok) return sized;
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeTextFile(file, input);
    if (!decoded.ok) return decoded;
    text = decoded.value;
  }
  return readImportFile(file, text);
}
