import { browser } from 'wxt/browser';
import type { ExtensionIdentity } from '../../lib/messaging/trusted-sender';

/** This extension's id and origin, which every sender check compares a message's sender against. */
export function thisExtension(): ExtensionIdentity {
  return { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
}
