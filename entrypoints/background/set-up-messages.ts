import { thisExtension } from './this-extension';
import { browser } from 'wxt/browser';
import type { BackgroundServices } from './background-services';
import { dispatchRequest } from './dispatch-request';
import type { HandlerEffects } from './handler-context';

/** Listens for requests: checks the sender and the deal its page shows, validates the message, then runs its handler. */
export function setUpMessages(services: BackgroundServices, effects: HandlerEffects): void {
  const self = thisExtension();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Another extension's or a web page's message is left unanswered, as if nobody listened.
    if (!sender.id || sender.id !== self.id) return false;
    void dispatchRequest(message, sender, self, services, effects).then((response) => {
      if (response !== undefined) sendResponse(response);
    });
    return true;
  });
}
