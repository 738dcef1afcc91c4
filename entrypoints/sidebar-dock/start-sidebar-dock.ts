import { browser, type Browser } from 'wxt/browser';
import { followDealOnPage } from '../../components/sidebar/follow-deal';
import { mountDock, type DockLayout } from '../../components/sidebar-dock/dock-element';
import type { DealPageState } from '../../lib/crm/deal-page-state';
import {
  DEFAULT_SIDEBAR_PLACEMENT,
  DOCK_PORT_NAME,
  FrameToDockSchema,
  SIDEBAR_FRAME_PATH,
  SIDEBAR_WIDTH,
} from '../../lib/messaging/dock-port';
import type { DockToFrame } from '../../lib/messaging/dock-protocol';
import { pageReadingForFrame } from '../../lib/messaging/page-reading-message';
import { MessageType } from '../../lib/messaging/protocol-names';
import { getReadingContext, getSidebarStart } from '../shared/sidebar-requests';

// Set on the isolated world's global, which page scripts cannot see: a second injection into the same
// page leaves the running dock alone instead of stopping it.
const RUNNING = Symbol.for('yardstick.sidebarDock');

/**
 * Reads the page's deal and docks the sidebar's frame beside the CRM. The page reading stays here, in
 * the content script; the UI runs in the frame, in the extension's origin, and gets each reading over
 * a port that only our extension can open: the background's relay from the frame in this tab.
 */
export async function startSidebarDock(): Promise<void> {
  const scope = globalThis as { [RUNNING]?: boolean };
  if (scope[RUNNING]) return;
  scope[RUNNING] = true;
  // Aborts only when the extension itself is gone (reloaded, updated, removed): no page event can.
  const alive = new AbortController();
  const stopIfExtensionGone = () => {
    if (browser.runtime?.id === undefined) alive.abort();
  };

  const firstReadingContext = getReadingContext().catch(() => null);
  const start = await getSidebarStart().catch(() => null);
  const dockId = crypto.randomUUID();
  let layout: DockLayout = {
    visible: false,
    collapsed: start?.ok === true && start.value.collapsed,
    width: start?.ok ? start.value.width : SIDEBAR_WIDTH.default,
    placement: start?.ok ? start.value.placement : DEFAULT_SIDEBAR_PLACEMENT,
  };
  let shown: DealPageState = { status: 'not-a-deal' };
  let reading: DockToFrame | null = null;
  let port: Browser.runtime.Port | null = null;
  const send = (message: DockToFrame) => {
    try {
      port?.postMessage(message);
    } catch {
      // The relay closed (an idle background stopped) before its disconnect arrived: the frame opens a
      // new one and says hello again, and gets the latest reading then.
      port = null;
    }
  };

  const dock = mountDock({
    doc: document,
    frameUrl: `${browser.runtime.getURL(SIDEBAR_FRAME_PATH)}#${dockId}`,
    shadowMode: import.meta.env.WXT_SIDEBAR_SHADOW_MODE === 'open' ? 'open' : 'closed',
    signal: alive.signal,
    onSkipLink: () => focusSidebar(),
  });
  const setLayout = (next: DockLayout) => {
    layout = next;
    dock.setLayout(layout);
  };
  const focusSidebar = () => {
    dock.focusFrame();
    send({ type: 'dock→frame:focus' });
  };

  const onConnect = (candidate: Browser.runtime.Port) => {
    if (candidate.name !== DOCK_PORT_NAME || candidate.sender?.id !== browser.runtime.id) return;
    candidate.onMessage.addListener((raw: unknown) => {
      const parsed = FrameToDockSchema.safeParse(raw);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'frame→dock:hello') {
        if (message.dockId !== dockId) return;
        port = candidate;
        if (reading) send(reading);
      } else if (port === candidate) {
        setLayout({ ...layout, collapsed: message.collapsed, width: message.width });
      }
    });
    candidate.onDisconnect.addListener(() => {
      if (port === candidate) port = null;
      stopIfExtensionGone();
    });
  };
  browser.runtime.onConnect.addListener(onConnect);

  const dealOnPage = await followDealOnPage({
    doc: document,
    currentUrl: () => location.href,
    signal: alive.signal,
    onLocationChange: (listener) =>
      watchLocation(alive.signal, () => {
        stopIfExtensionGone();
        if (!alive.signal.aborted) listener(location.href);
      }),
    firstReadingContext,
    getReadingContext: () => getReadingContext().catch(() => null),
    shownPage: () => shown,
    showPage: (state, crm, url) => {
      shown = state;
      reading = pageReadingForFrame(state, crm, url);
      setLayout({ ...layout, visible: state.status !== 'not-a-deal' });
      send(reading);
    },
  });

  // Options may have moved the sidebar beside or over the page; the width and collapse are the frame's to tell.
  const followPlacementSetting = async () => {
    const next = await getSidebarStart().catch(() => null);
    if (next?.ok && next.value.placement !== layout.placement) {
      setLayout({ ...layout, placement: next.value.placement });
    }
  };

  // Only the background sends to a tab (tabs.sendMessage); a page script cannot reach this listener.
  const onMessage = (message: unknown) => {
    const type = (message as { type?: unknown } | null)?.type;
    if (type === MessageType.focusSidebar) focusSidebar();
    else if (type === MessageType.closeSidebar) send({ type: 'dock→frame:close' });
    else if (type === MessageType.toggleSidebar) send({ type: 'dock→frame:toggle' });
    else if (type === MessageType.stateChanged) {
      void dealOnPage.refreshReadingContext();
      void followPlacementSetting();
      send({ type: 'dock→frame:stateChanged' });
    }
  };
  browser.runtime.onMessage.addListener(onMessage);
  alive.signal.addEventListener('abort', () => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.runtime.onConnect.removeListener(onConnect);
  });
}

/** Calls `listener` after each in-place navigation: the Navigation API, or a URL poll where there is none. */
function watchLocation(signal: AbortSignal, listener: () => void): void {
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (navigation) {
    navigation.addEventListener('currententrychange', listener, { signal });
    return;
  }
  let lastHref = location.href;
  const timer = setInterval(() => {
    if (location.href === lastHref) return;
    lastHref = location.href;
    listener();
  }, 500);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
