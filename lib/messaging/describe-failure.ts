import type { ProtocolError } from './protocol';

/**
 * Turns an unexpected error in the background into a message a rep can act on. Storage errors
 * (quota, a broken or closed IndexedDB) are named as such, so a failed save never looks like a bug.
 */
export function describeFailure(error: unknown): ProtocolError {
  const name = error instanceof Error || error instanceof DOMException ? error.name : 'Error';
  const message = error instanceof Error || error instanceof DOMException ? error.message : String(error);
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError' || /quota/i.test(message)) {
    return {
      code: 'storage-full',
      message: `The browser refused the write because its storage for Yardstick is full (${message}). Free disk space or export and clear old data, then save again.`,
    };
  }
  if (
    /^(DatabaseClosedError|OpenFailedError|InvalidStateError|UnknownError|AbortError|DataError)$/.test(name)
  ) {
    return {
      code: 'storage-failed',
      message: `The browser's database refused the write (${name}: ${message}). Nothing was saved; try again, and restart the browser if it keeps failing.`,
    };
  }
  return { code: 'internal', message: `${name}: ${message}` };
}
