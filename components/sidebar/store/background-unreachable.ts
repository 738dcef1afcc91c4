import type { ProtocolError } from '../../../lib/messaging/protocol';

/** The failure a request answers with when the background did not answer at all. */
export function backgroundUnreachable(error: unknown): { ok: false; error: ProtocolError } {
  const message = error instanceof Error ? error.message : String(error);
  return {
    ok: false,
    error: {
      code: 'unreachable',
      message: `Yardstick's background did not answer (${message}). Nothing was saved.`,
    },
  };
}
