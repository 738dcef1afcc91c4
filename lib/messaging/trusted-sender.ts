/** The parts of `runtime.MessageSender` the trust decision uses. */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  tab?: unknown;
}

/** This extension's identity, as `browser.runtime` reports it. */
export interface ExtensionIdentity {
  id: string;
  /** e.g. `chrome-extension://<id>` (Firefox: `moz-extension://<uuid>`), no trailing slash. */
  origin: string;
}

/** Who sent a message, once it is known to be this extension. */
export type SenderKind = 'extension-page' | 'content-script';

/**
 * Decides whether a message comes from this extension: an extension page of our origin, or our
 * content script in a tab. Anything else (another extension, a web page) is refused with `null`.
 */
export function classifySender(sender: SenderFacts, self: ExtensionIdentity): SenderKind | null {
  if (sender.id !== self.id) return null;
  const senderOrigin = sender.origin ?? (sender.url ? safeOrigin(sender.url) : undefined);
  if (senderOrigin === self.origin) return 'extension-page';
  return sender.tab ? 'content-script' : null;
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
