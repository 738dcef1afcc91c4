/**
 * The in-page part of the sidebar: an iframe of our extension page, held in a shadow root on a plain
 * `div` (not a custom element, so no page-defined element class can run in its constructor or call
 * `attachInternals` on it), docked at the viewport's right edge with the CRM page reflowed beside it, or,
 * when the rep chose the overlay in options, floating over the page's right edge without reflow.
 * Plain DOM: no framework runs on the CRM's main thread for it.
 */
import { SIDEBAR_DOCK_ATTRIBUTE, SIDEBAR_SKIP_LINK_ATTRIBUTE } from '../../lib/crm/page-fallbacks';
import type { SidebarPlacement } from '../../lib/messaging/dock-port';

/** The attribute that marks the dock's host in the page (tests and the page fallbacks find it by it). */
export const DOCK_HOST_ATTRIBUTE = SIDEBAR_DOCK_ATTRIBUTE;
/** The attribute that marks the skip link's host. */
export const SKIP_LINK_HOST_ATTRIBUTE = SIDEBAR_SKIP_LINK_ATTRIBUTE;
/** The collapsed sidebar's launcher, in px: the frame shows only its launcher button then. */
export const LAUNCHER_SIZE = { width: 32, height: 40 } as const;

/** How much room the sidebar takes now. */
export interface DockLayout {
  /** False off deal pages: the dock takes no room and the page is not reflowed. */
  visible: boolean;
  collapsed: boolean;
  width: number;
  /** `beside`: the page is reflowed left of the sidebar; `over`: the sidebar floats over the page. */
  placement: SidebarPlacement;
}

/** What the dock needs from the page and its owner. */
export interface DockOptions {
  doc: Document;
  /** Our extension page's URL, with the dock's id in its fragment. */
  frameUrl: string;
  /** `closed` in production; `open` only in builds made for the e2e tests (Playwright pierces open roots). */
  shadowMode: ShadowRootMode;
  /** Aborts when the extension is gone: the dock and its reflow are removed. */
  signal: AbortSignal;
  /** Called when the rep follows the skip link: the owner moves focus into the sidebar. */
  onSkipLink(): void;
}

/** The mounted dock. */
export interface Dock {
  /** Sizes the dock and reflows the page for `layout`. */
  setLayout(layout: DockLayout): void;
  /** Moves keyboard focus into the sidebar's frame. */
  focusFrame(): void;
}

const HOST_STYLE = 'all: initial !important; position: fixed !important; z-index: 2147483646 !important;';
const FRAME_CSS = `
:host { all: initial; }
iframe { display: block; width: 100%; height: 100%; border: 0; background: transparent; color-scheme: light; }
`;
const SKIP_LINK_CSS = `
:host { all: initial; }
a { position: fixed; left: 8px; top: -100px; z-index: 2147483647; padding: 8px 12px; background: #0176d3;
  color: #fff; font: 600 14px/1.4 Arial, sans-serif; border-radius: 4px; text-decoration: none; }
a:focus { top: 8px; outline: 2px solid #fff; outline-offset: -4px; }
`;

/**
 * Mounts the dock at the end of the document and a skip link at the start of the body. If a page
 * script removes the dock, it is put back (a new frame, which asks the dock for the page again), for as
 * long as `signal` has not aborted.
 */
export function mountDock(options: DockOptions): Dock {
  const { doc, signal } = options;
  const root = doc.documentElement;
  const host = doc.createElement('div');
  host.setAttribute(DOCK_HOST_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: options.shadowMode });
  const style = doc.createElement('style');
  style.textContent = FRAME_CSS;
  const frame = doc.createElement('iframe');
  frame.title = 'Yardstick sidebar';
  frame.src = options.frameUrl;
  shadow.append(style, frame);
  const skipLink = mountSkipLink(options);

  let layout: DockLayout = { visible: false, collapsed: false, width: 0, placement: 'beside' };
  let hostStyle = '';
  const reflow = createReflow(root);
  const applyLayout = () => {
    // Reading the root's width makes the browser lay the whole CRM page out at once; a hidden dock needs no width.
    const scrollbar = layout.visible ? Math.max(0, (doc.defaultView?.innerWidth ?? 0) - root.clientWidth) : 0;
    hostStyle = `${HOST_STYLE}${hostPlacement(layout, scrollbar)}`;
    host.setAttribute('style', hostStyle);
    skipLink.setAttribute('style', layout.visible ? 'all: initial !important;' : 'display: none !important;');
    reflow.set(layout.visible && !layout.collapsed && layout.placement === 'beside' ? layout.width : 0);
  };
  const keepMounted = () => {
    if (signal.aborted) return;
    if (!host.isConnected) root.append(host);
    if (!skipLink.isConnected) doc.body?.prepend(skipLink);
  };
  keepMounted();
  applyLayout();
  const observer = new MutationObserver(() => {
    keepMounted();
    // A page script that restyles the host does not move the sidebar over the CRM or hide it.
    if (host.getAttribute('style') !== hostStyle) applyLayout();
  });
  observer.observe(root, { childList: true });
  if (doc.body) observer.observe(doc.body, { childList: true });
  observer.observe(host, { attributes: true });
  doc.defaultView?.addEventListener('resize', applyLayout, { signal });
  signal.addEventListener(
    'abort',
    () => {
      observer.disconnect();
      host.remove();
      skipLink.remove();
      reflow.set(0);
    },
    { once: true },
  );
  return {
    setLayout(next) {
      // Every reading of the page sets the layout, and most change nothing: each would force a layout of the CRM page.
      if (
        next.visible === layout.visible &&
        next.collapsed === layout.collapsed &&
        next.width === layout.width &&
        next.placement === layout.placement
      )
        return;
      layout = next;
      applyLayout();
    },
    focusFrame() {
      frame.focus();
    },
  };
}

function hostPlacement(layout: DockLayout, scrollbar: number): string {
  if (!layout.visible) return 'display: none !important;';
  const right = `right: ${scrollbar}px !important;`;
  if (layout.collapsed) {
    return `${right} top: 45% !important; width: ${LAUNCHER_SIZE.width}px !important; height: ${LAUNCHER_SIZE.height}px !important;`;
  }
  // Over the page, a shadow on its left edge shows that the CRM continues underneath.
  const shadow =
    layout.placement === 'over' ? ' box-shadow: -4px 0 16px rgba(0, 0, 0, 0.25) !important;' : '';
  return `${right} top: 0 !important; height: 100vh !important; width: ${layout.width}px !important;${shadow}`;
}

/** Moves the page's content left of the sidebar with a right margin on the root, and gives the page's own back. */
function createReflow(root: HTMLElement): { set(width: number): void } {
  const own = {
    value: root.style.getPropertyValue('margin-right'),
    priority: root.style.getPropertyPriority('margin-right'),
  };
  let applied = 0;
  return {
    set(width) {
      if (width === applied) return;
      if (width > 0) root.style.setProperty('margin-right', `${width}px`, 'important');
      else if (own.value) root.style.setProperty('margin-right', own.value, own.priority);
      else root.style.removeProperty('margin-right');
      applied = width;
    },
  };
}

/** A link at the start of the page, shown when focused, that takes keyboard focus into the sidebar. */
function mountSkipLink(options: DockOptions): HTMLElement {
  const { doc, signal } = options;
  const host = doc.createElement('div');
  host.setAttribute(SKIP_LINK_HOST_ATTRIBUTE, '');
  const shadow = host.attachShadow({ mode: options.shadowMode });
  const style = doc.createElement('style');
  style.textContent = SKIP_LINK_CSS;
  const link = doc.createElement('a');
  link.href = '#';
  link.textContent = 'Skip to Yardstick';
  link.addEventListener(
    'click',
    (event) => {
      event.preventDefault();
      options.onSkipLink();
    },
    { signal },
  );
  shadow.append(style, link);
  return host;
}
