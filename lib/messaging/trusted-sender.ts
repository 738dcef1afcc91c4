/** The parts of `runtime.MessageSender` the trust decision uses. */
export interface SenderFacts {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { url?: string } | object;
  /** 0 for a tab's top frame; a docked page is always a subframe. */
  frameId?: number;
}

/** This extension's identity, as `browser.runtime` reports it. */
export interface ExtensionIdentity {
  id: string;
  /** e.g. `chrome-extension://<id>` (Firefox: `moz-extension://<uuid>`), no trailing slash. */
  origin: string;
}

/**
 * Who sent a message, once it is known to be this extension: one of our pages in its own tab or window
 * (`extension-page`), one of our pages docked in a web page's tab, such as the sidebar frame
 * (`docked-page`: trusted code, but it acts for the deal of the tab it is docked in), or our content
 * script in a tab.
 */
export type SenderKind = 'extension-page' | 'docked-page' | 'content-script';

/**
 * Decides whether a message comes from this extension: an extension page of our origin (docked in a web
 * page's tab or not), or our content script in a tab. Anything else (another extension, a web page) is
 * refused with `null`.
 */
export function classifySender(sender: SenderFacts, self: ExtensionIdentity): SenderKind | null {
  if (sender.id !== self.id) return null;
  const senderOrigin = sender.origin ?? (sender.url ? safeOrigin(sender.url) : undefined);
  if (senderOrigin === self.origin) return isDockedInWebPage(sender, self) ? 'docked-page' : 'extension-page';
  return sender.tab ? 'content-script' : null;
}

/** Whether the sender is a subframe of a tab whose page is not ours: a frame of ours inside a web page. */
function isDockedInWebPage(sender: SenderFacts, self: ExtensionIdentity): boolean {
  if (!sender.tab || !sender.frameId) return false;
  const tabUrl = 'url' in sender.tab ? sender.tab.url : undefined;
  // Without the tab's URL (no host permission for it) the tab's page cannot be shown to be ours.
  return tabUrl === undefined || safeOrigin(tabUrl) !== self.origin;
}

function safeOrigin(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
