import { DOCK_HOST_ATTRIBUTE, LAUNCHER_SIZE, mountDock, SKIP_LINK_HOST_ATTRIBUTE } from './dock-element';

// A frame URL happy-dom does not try to load; the dock only passes it on.
const FRAME_URL = 'about:blank#dock-1234';

function mount(onSkipLink: () => void = () => undefined) {
  const alive = new AbortController();
  const dock = mountDock({
    doc: document,
    frameUrl: FRAME_URL,
    shadowMode: 'open',
    signal: alive.signal,
    onSkipLink,
  });
  const host = () => document.querySelector<HTMLElement>(`[${DOCK_HOST_ATTRIBUTE}]`);
  return { dock, alive, host };
}

/** Lets the MutationObserver's callback run. */
const observed = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.documentElement.removeAttribute('style');
  document
    .querySelectorAll(`[${DOCK_HOST_ATTRIBUTE}], [${SKIP_LINK_HOST_ATTRIBUTE}]`)
    .forEach((e) => e.remove());
});

describe('mountDock', () => {
  it('holds the sidebar frame in a shadow root on a plain div, hidden until the page shows a deal', () => {
    const { host, alive } = mount();
    expect(host()?.localName).toBe('div');
    expect(host()?.shadowRoot?.querySelector('iframe')?.getAttribute('src')).toBe(FRAME_URL);
    expect(host()?.getAttribute('style')).toContain('display: none');
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
    alive.abort();
  });

  it('moves the page over by the open sidebar’s width, not for the collapsed launcher, and gives the page its own margin back', () => {
    document.documentElement.style.setProperty('margin-right', '4px');
    const { dock, alive, host } = mount();
    dock.setLayout({ visible: true, collapsed: false, width: 300, placement: 'beside' });
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('300px');
    expect(document.documentElement.style.getPropertyPriority('margin-right')).toBe('important');
    expect(host()?.getAttribute('style')).toContain('width: 300px');

    dock.setLayout({ visible: true, collapsed: true, width: 300, placement: 'beside' });
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('4px');
    expect(host()?.getAttribute('style')).toContain(`width: ${LAUNCHER_SIZE.width}px`);
    alive.abort();
  });

  it('floats over the page without reflowing it when the rep chose the overlay, and reflows again beside it', () => {
    document.documentElement.style.setProperty('margin-right', '4px');
    const { dock, alive, host } = mount();
    dock.setLayout({ visible: true, collapsed: false, width: 320, placement: 'over' });
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('4px');
    expect(host()?.getAttribute('style')).toContain('width: 320px');
    expect(host()?.getAttribute('style')).toContain('box-shadow');

    dock.setLayout({ visible: true, collapsed: false, width: 320, placement: 'beside' });
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('320px');
    expect(host()?.getAttribute('style')).not.toContain('box-shadow');
    alive.abort();
  });

  it('puts itself back when a page script removes or restyles it, until the extension is gone', async () => {
    const { dock, alive, host } = mount();
    dock.setLayout({ visible: true, collapsed: false, width: 360, placement: 'beside' });
    host()!.remove();
    await observed();
    expect(host()).not.toBeNull();
    host()!.setAttribute('style', 'display: none');
    await observed();
    expect(host()?.getAttribute('style')).toContain('width: 360px');

    alive.abort();
    expect(host()).toBeNull();
    expect(document.documentElement.style.getPropertyValue('margin-right')).toBe('');
  });

  it('starts the body with a skip link that hands focus to the sidebar', () => {
    let skipped = 0;
    const { dock, alive } = mount(() => skipped++);
    dock.setLayout({ visible: true, collapsed: false, width: 360, placement: 'beside' });
    const skipHost = document.body.firstElementChild;
    expect(skipHost?.hasAttribute(SKIP_LINK_HOST_ATTRIBUTE)).toBe(true);
    const link = skipHost!.shadowRoot!.querySelector('a')!;
    expect(link.textContent).toBe('Skip to Yardstick');
    link.click();
    expect(skipped).toBe(1);
    alive.abort();
  });

  it('reads the page’s width (a forced layout of the whole page) only when the shown layout changes', () => {
    const root = document.documentElement;
    let widthReads = 0;
    const own = Object.getOwnPropertyDescriptor(root, 'clientWidth');
    Object.defineProperty(root, 'clientWidth', {
      configurable: true,
      get: () => {
        widthReads += 1;
        return 1000;
      },
    });
    try {
      const { dock, alive, host } = mount();
      expect(widthReads).toBe(0);
      dock.setLayout({ visible: true, collapsed: false, width: 360, placement: 'beside' });
      expect(widthReads).toBe(1);
      dock.setLayout({ visible: true, collapsed: false, width: 360, placement: 'beside' });
      dock.setLayout({ visible: true, collapsed: false, width: 360, placement: 'beside' });
      expect(widthReads).toBe(1);
      dock.setLayout({ visible: true, collapsed: false, width: 400, placement: 'beside' });
      expect(widthReads).toBe(2);
      expect(host()?.getAttribute('style')).toContain('width: 400px');
      alive.abort();
    } finally {
      if (own) Object.defineProperty(root, 'clientWidth', own);
      else delete (root as { clientWidth?: number }).clientWidth;
    }
  });
});
