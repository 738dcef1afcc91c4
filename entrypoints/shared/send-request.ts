import { browser } from 'wxt/browser';
import { typedSender } from '../../lib/messaging/send-request';

/** The one way the sidebar and the extension pages ask the background: a typed request over runtime messaging. */
export const sendRequest = typedSender((message) => browser.runtime.sendMessage(message));
