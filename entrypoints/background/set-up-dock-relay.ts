import { thisExtension } from './this-extension';
import { browser } from 'wxt/browser';
import { DOCK_PORT_NAME } from '../../lib/messaging/dock-protocol';
import { acceptFramePort, SIDEBAR_FRAME_PORT_NAME } from '../../lib/messaging/dock-relay';

/**
 * The background's relay between the sidebar frame and its dock: the frame connects here (Firefox gives
 * a framed extension page no `tabs` API), and the background opens the port to the dock in the top frame
 * of the tab the browser says the frame is in. Each relay ends when either side goes.
 */
export function setUpDockRelay(): void {
  const self = thisExtension();
  browser.runtime.onConnect.addListener((port) => {
    if (port.name !== SIDEBAR_FRAME_PORT_NAME) return;
    acceptFramePort(port, self, (tabId) => browser.tabs.connect(tabId, { name: DOCK_PORT_NAME, frameId: 0 }));
  });
}
