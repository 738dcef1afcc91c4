import type { ImportError } from './import-problem';

/**
 * Explains an error thrown while reading a file: a file's data must never crash the reader, so the
 * places that read files catch what slipped past the checks and refuse that file with this. A stack
 * overflow is named for what it is; anything else is reported as a bug with its message.
 */
export function readFailure(file: string, error: unknown): ImportError {
  const message =
    error instanceof RangeError && /call stack/i.test(error.message)
      ? 'the file is nested too deeply to read (arrays or objects inside each other thousands of times); it is damaged or hostile and was not read'
      : `the file could not be read: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} (this is a Yardstick bug; please report it with the file)`;
  return {
    file,
    summary: `${file}: ${message}; nothing was imported from it`,
    problems: [{ message }],
    more: 0,
  };
}
